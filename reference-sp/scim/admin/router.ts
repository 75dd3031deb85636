/*
 * The admin API: reproduces Aritma's setup flow (seed 001) for any tenant.
 *
 *   POST   /admin/v1/tenants/{tenant}/identity-providers   { type: 'entra', scheme, autoProvisioningEnabled }
 *   GET    /admin/v1/tenants/{tenant}/identity-providers
 *   POST   /admin/v1/tenants/{tenant}/scim-tokens          { provider?, name?, scopes? } → value shown once
 *   GET    /admin/v1/tenants/{tenant}/scim-tokens          (never values)
 *   DELETE /admin/v1/tenants/{tenant}/scim-tokens/{id}     revoke → 204
 *   GET    /admin/v1/tenants/{tenant}/tolerances           what lenient mode accepted
 *   GET    /admin/v1/tenants/{tenant}/sso                  { enabled }: whether users sign in with SSO
 *   POST   /admin/v1/tenants/{tenant}/sso/enable           NinjaOne's step 7 "click Enable" → { enabled: true },
 *                                                          kept in the store (../../sign-in/sso-enablement.ts)
 *
 * - Protected by a bearer admin token: the tenant's `scim.adminToken` or the server-wide one
 *   (deps.adminToken / SSO_HARNESS_ADMIN_TOKEN), compared in constant time. No admin token configured → 401.
 * - `provider` must match the scheme of an identity provider of the tenant (Aritma: "The provider field must
 *   match the scheme you chose for the SSO provider").
 * - Errors are JSON `{ error: <stable code>, detail }`.
 */
import express, { type Request, type Response, type Router } from 'express';
import type { Clock } from '../../clock.ts';
import type { TenantConfig } from '../../config/types.ts';
import { ssoEnabled } from '../../sign-in/sso-enablement.ts';
import type { Store, ScimTokenRow } from '../../store/types.ts';
import { isStoreError } from '../../store/errors.ts';
import { secretsEqual } from '../http/constant-time.ts';
import { readJsonBody } from '../http/read-body.ts';
import { ScimError } from '../types/errors.ts';
import type { Tenants, ScimTenant } from '../tenancy.ts';

export type AdminErrorCode = 'admin/unauthorized' | 'admin/invalid-request' | 'admin/provider-exists' | 'admin/unknown-provider' | 'admin/unknown-token' | 'admin/no-saml';

class AdminError extends Error {
  constructor(
    readonly status: number,
    readonly code: AdminErrorCode,
    detail: string,
  ) {
    super(detail);
  }
}

interface Reply {
  readonly status: number;
  readonly body?: unknown;
}

const SCHEME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

const publicToken = (t: ScimTokenRow) => ({
  id: t.id,
  name: t.name,
  provider: t.providerScheme,
  scopes: t.scopes,
  created: t.created,
  revoked: t.revoked,
});

export interface AdminRouterDeps {
  readonly store: Store;
  readonly tenants: Tenants;
  readonly adminToken?: string | undefined;
  /** The tenants' SAML configuration (their configured `saml.ssoEnabled`); the SSO routes need it. */
  readonly samlTenants?: readonly TenantConfig[];
  readonly clock?: Clock;
}

export function createAdminRouter(deps: AdminRouterDeps): Router {
  const { store, tenants } = deps;
  const samlTenant = (id: string): TenantConfig => {
    const t = deps.samlTenants?.find((c) => c.id === id);
    if (!t) throw new AdminError(404, 'admin/no-saml', 'this tenant has no SAML configuration');
    return t;
  };
  const router = express.Router({ mergeParams: true });

  const authorize = (req: Request): ScimTenant => {
    const tenant = tenants.byId(String(req.params['tenant']));
    const m = /^bearer[ \t]+(\S+)\s*$/i.exec(req.headers.authorization ?? '');
    const given = m?.[1];
    const accepted = [deps.adminToken, tenant?.scim.adminToken].filter((t): t is string => typeof t === 'string' && t !== '');
    // Evaluate every candidate (no early exit) so timing does not reveal which one matched.
    let ok = false;
    for (const a of accepted) if (given !== undefined && secretsEqual(given, a)) ok = true;
    if (!ok || !tenant) throw new AdminError(401, 'admin/unauthorized', 'a valid admin bearer token is required');
    return tenant;
  };

  const handle =
    (fn: (req: Request, tenant: ScimTenant) => Promise<Reply> | Reply) =>
    async (req: Request, res: Response): Promise<void> => {
      try {
        const tenant = authorize(req);
        const reply = await fn(req, tenant);
        await store.durable(); // acknowledge only what is on disk
        if (reply.body === undefined) res.status(reply.status).end();
        else res.status(reply.status).json(reply.body);
      } catch (e) {
        const err =
          e instanceof AdminError
            ? e
            : e instanceof ScimError && e.status < 500
              ? new AdminError(e.status, 'admin/invalid-request', e.detail)
              : isStoreError(e) && e.code === 'uniqueness/idp-scheme'
                ? new AdminError(409, 'admin/provider-exists', e.message)
                : isStoreError(e) && e.code === 'not-found/provider'
                  ? new AdminError(400, 'admin/unknown-provider', e.message)
                  : isStoreError(e)
                    ? new AdminError(400, 'admin/invalid-request', e.message)
                    : undefined;
        if (!err) {
          console.error('admin API error', e);
          res.status(500).json({ error: 'admin/internal', detail: 'internal error' });
          return;
        }
        if (err.status === 401) res.setHeader('WWW-Authenticate', 'Bearer realm="admin"');
        res.status(err.status).json({ error: err.code, detail: err.message });
      }
    };

  const invalid = (detail: string) => new AdminError(400, 'admin/invalid-request', detail);

  router.post(
    '/tenants/:tenant/identity-providers',
    handle(async (req, tenant) => {
      const body = await readJsonBody(req, 64 * 1024);
      const { type, scheme, autoProvisioningEnabled } = body;
      if (type !== 'entra') throw invalid("type must be 'entra'");
      if (typeof scheme !== 'string' || !SCHEME.test(scheme)) {
        throw invalid('scheme must be 1-64 characters of letters, digits, ".", "_" or "-"');
      }
      if (autoProvisioningEnabled !== undefined && typeof autoProvisioningEnabled !== 'boolean') {
        throw invalid('autoProvisioningEnabled must be a boolean');
      }
      const idp = store.createIdentityProvider(tenant.id, {
        type,
        scheme,
        autoProvisioningEnabled: autoProvisioningEnabled ?? false,
      });
      return { status: 201, body: { type: idp.type, scheme: idp.scheme, autoProvisioningEnabled: idp.autoProvisioningEnabled, created: idp.created } };
    }),
  );

  router.get(
    '/tenants/:tenant/identity-providers',
    handle((_req, tenant) => {
      return {
        status: 200,
        body: store.listIdentityProviders(tenant.id).map((i) => ({
          type: i.type,
          scheme: i.scheme,
          autoProvisioningEnabled: i.autoProvisioningEnabled,
          created: i.created,
        })),
      };
    }),
  );

  router.post(
    '/tenants/:tenant/scim-tokens',
    handle(async (req, tenant) => {
      const body = await readJsonBody(req, 64 * 1024);
      const { provider, name, scopes } = body;
      if (provider !== undefined && typeof provider !== 'string') throw invalid('provider must be a string');
      if (name !== undefined && (typeof name !== 'string' || name.length > 200)) throw invalid('name must be a string');
      if (scopes !== undefined && (!Array.isArray(scopes) || !scopes.every((s) => typeof s === 'string'))) {
        throw invalid('scopes must be an array of strings');
      }
      const { token, value } = store.createToken(tenant.id, {
        name: name ?? 'scim',
        scopes: (scopes as string[] | undefined) ?? [],
        providerScheme: provider,
      });
      return { status: 201, body: { ...publicToken(token), token: value } };
    }),
  );

  router.get(
    '/tenants/:tenant/scim-tokens',
    handle((_req, tenant) => {
      return { status: 200, body: store.listTokens(tenant.id).map(publicToken) };
    }),
  );

  router.delete(
    '/tenants/:tenant/scim-tokens/:id',
    handle((req, tenant) => {
      const t = store.revokeToken(tenant.id, String(req.params['id']));
      if (!t) throw new AdminError(404, 'admin/unknown-token', 'no such token in this tenant');
      return { status: 204 };
    }),
  );

  router.get(
    '/tenants/:tenant/sso',
    handle((_req, tenant) => ({ status: 200, body: { enabled: ssoEnabled(store, samlTenant(tenant.id)) } })),
  );

  router.post(
    '/tenants/:tenant/sso/enable',
    handle((_req, tenant) => {
      samlTenant(tenant.id);
      store.setSsoEnabled(tenant.id, true, deps.clock?.now() ?? new Date());
      return { status: 200, body: { enabled: true } };
    }),
  );

  router.get(
    '/tenants/:tenant/tolerances',
    handle((_req, tenant) => {
      return { status: 200, body: store.listTolerances(tenant.id) };
    }),
  );

  return router;
}
