/*
 * The SCIM 2.0 HTTP layer of the reference SP (RFC 7644), mounted by reference-sp/server/app.ts:
 *
 *   /scim/v2/{tenant}/…                   every tenant (generic layout)
 *   /v1/orgs/{org_slug}/team/provision/…  tenants with layout 'particle' (seed 000)
 *   /ws/scim/v2/…                         tenants with layout 'ninjaone'; tenant from the token (seed 002)
 *   /admin/v1/tenants/{tenant}/…          the admin API (./admin/router.ts, Aritma's flow, seed 001)
 *
 * Under each base: /ServiceProviderConfig, /ResourceTypes[/{id}], /Schemas[/{id}] (§4), /Users and /Groups
 * (§3.3–3.6, GET with query §3.4.2, /.search §3.4.3), /.search at the root, /Bulk (§3.7), and /.tolerances
 * (what lenient mode accepted for the tenant).
 *
 * Rules enforced here:
 * - every request is authenticated with a bearer token of the tenant (401 + WWW-Authenticate otherwise), then
 *   scope-checked (403) when the tenant enforces scopes (./http/scopes.ts);
 * - responses are application/scim+json; request bodies are application/scim+json or application/json
 *   (./http/read-body.ts), within the tenant's body limit (413);
 * - anything thrown becomes an RFC 7644 §3.12 error (./http/to-scim-error.ts): never a crash; a 5xx hides its
 *   detail and is logged.
 * - /ResourceTypes and /Schemas refuse `filter` with 403 (RFC 7644 §4: "the service provider SHOULD respond
 *   with HTTP status code 403").
 * - every parsed body is checked before anything walks it (./types/request-json.ts): nested deeper than
 *   MAX_JSON_DEPTH → 400 invalidSyntax, a lone surrogate in any string or key → 400 invalidValue.
 * - every response under a SCIM base is a SCIM body: an unknown path (an empty tenant segment `/scim/v2//Users`
 *   included) is a SCIM 404, a method an endpoint does not support a 501 whose detail names the method and the
 *   endpoint (RFC 7644 §3.12 Table 8: "Service provider does not support the request operation"); no refusal
 *   echoes the request path.
 */
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import type { Clock } from '../clock.ts';
import type { ReferenceSpConfig } from '../config/types.ts';
import type { JsonObject, Store } from '../store/types.ts';
import { createAdminRouter } from './admin/router.ts';
import { runBulk } from './bulk.ts';
import { parseBulkRequest } from './messages/bulk-request.ts';
import { readJsonBody } from './http/read-body.ts';
import { requireScope, type Operation } from './http/scopes.ts';
import { sendScim, sendScimError } from './http/send.ts';
import { toScimError } from './http/to-scim-error.ts';
import { groupKind, userKind, type ResourceKind } from './resources/kinds.ts';
import { scimProtocol } from './resources/protocol.ts';
import type { ScimProtocol } from './resources/protocol-port.ts';
import {
  createResource,
  deleteResource,
  patchResource,
  queryResources,
  readResource,
  replaceResource,
  searchAll,
  type ServiceContext,
  type ServiceResult,
} from './resources/service.ts';
import { authenticate, seedTenants, Tenants, type ScimRequestContext } from './tenancy.ts';
import { ScimError } from './types/errors.ts';

export interface ScimRouterDeps {
  readonly store: Store;
  readonly config: ReferenceSpConfig;
  readonly clock: Clock;
  /** Server-wide admin token; defaults to process.env.SSO_HARNESS_ADMIN_TOKEN. */
  readonly adminToken?: string | undefined;
}

/** A route's work: the request, its tenant's context, and the id the path names (`/Users/{id}`; else ''). */
type Handler = (req: Request, ctx: ServiceContext & ScimRequestContext, id: string) => ServiceResult | Promise<ServiceResult>;

const header = (req: Request, name: string): string | undefined => {
  const v = req.headers[name];
  return Array.isArray(v) ? v.join(',') : v;
};

const trimSlash = (s: string): string => s.replace(/\/+$/, '');

export function createScimRouter(deps: ScimRouterDeps): Router {
  const { store, config } = deps;
  const protocol: ScimProtocol = scimProtocol;
  const tenants = new Tenants(config);
  seedTenants(store, tenants);
  const baseUrl = trimSlash(config.baseUrl);

  const router = express.Router();
  router.use(
    '/admin/v1',
    createAdminRouter({ store, tenants, adminToken: deps.adminToken ?? process.env['SSO_HARNESS_ADMIN_TOKEN'], samlTenants: config.tenants, clock: deps.clock }),
  );

  // ---- tenant resolution + authentication, one middleware per layout ----------------------------------------
  const locate =
    (resolve: (req: Request) => { pick: (tokenTenant: string) => ReturnType<Tenants['byId']>; base: (tenantId: string) => string }) =>
    (req: Request, res: Response, next: NextFunction): void => {
      try {
        const { pick, base } = resolve(req);
        const { tenant, token } = authenticate(req, store, tenants, pick);
        const ctx: ServiceContext & ScimRequestContext = { store, tenant, token, base: base(tenant.id), protocol };
        res.locals['scim'] = ctx;
        next();
      } catch (e) {
        req.resume();
        sendScimError(res, toScimError(e));
      }
    };

  const api = scimApi(protocol);
  router.use(
    '/scim/v2/:tenant',
    locate((req) => {
      const name = String(req.params['tenant']);
      return { pick: () => tenants.byId(name), base: () => `${baseUrl}/scim/v2/${encodeURIComponent(name)}` };
    }),
    api,
  );
  router.use(
    '/v1/orgs/:orgSlug/team/provision',
    locate((req) => {
      const slug = String(req.params['orgSlug']);
      return { pick: () => tenants.byOrgSlug(slug), base: () => `${baseUrl}/v1/orgs/${encodeURIComponent(slug)}/team/provision` };
    }),
    api,
  );
  router.use(
    '/ws/scim/v2',
    locate(() => ({
      pick: (tokenTenant) => {
        const t = tenants.byId(tokenTenant);
        return t?.scim.layout === 'ninjaone' ? t : undefined;
      },
      base: () => `${baseUrl}/ws/scim/v2`,
    })),
    api,
  );
  // Under a SCIM base but matching no tenant (`/scim/v2//Users`, `/scim/v2/`): still a SCIM body, not the
  // app's text/plain 404.
  router.use(['/scim/v2', '/v1/orgs'], (req: Request, res: Response) => {
    req.resume();
    sendScimError(res, ScimError.notFound('no SCIM endpoint at this path'));
  });
  router.use(scimErrorHandler);
  return router;
}

/** Errors raised by express itself (e.g. a path segment that is not valid percent-encoding) → §3.12 too. */
function scimErrorHandler(err: unknown, req: Request, res: Response, _next: NextFunction): void {
  const status = (err as { status?: unknown }).status;
  // express's own 400 (a path segment that is not valid percent-encoding) names the segment: not echoed
  const e = status === 400 ? ScimError.invalidSyntax('malformed request: the path is not valid percent-encoded UTF-8') : toScimError(err);
  if (e.status >= 500) console.error('SCIM request failed', req.method, req.originalUrl, err);
  req.resume();
  sendScimError(res, e);
}

/** One route: the scope it needs and its work. */
interface Route {
  readonly op: Operation | 'none';
  readonly fn: Handler;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * The routes under a tenant's SCIM base, dispatched by one function rather than a table of express routes (each
 * express route layer costs a regular-expression match and a dispatch per request; on the provisioning
 * benchmark the router was the largest share of a request's CPU after node's own HTTP code). The matching is
 * express's: case-insensitive, one trailing slash allowed, `{id}` one percent-decoded path segment (a malformed
 * encoding → 400 invalidSyntax, as express's own refusal maps to in scimErrorHandler), HEAD served by GET.
 */
function scimApi(protocol: ScimProtocol): (req: Request, res: Response) => void {
  const run = async (req: Request, res: Response, route: Route, id: string): Promise<void> => {
    const ctx = res.locals['scim'] as ServiceContext & ScimRequestContext;
    try {
      if (route.op !== 'none') requireScope(ctx.tenant.scim, ctx.token, route.op);
      const result = await route.fn(req, ctx, id);
      // Acknowledge only what is on disk (group commit, reference-sp/store/sqlite-store.ts).
      await ctx.store.durable();
      sendScim(res, result.status, result.body, result.headers);
    } catch (e) {
      const err = toScimError(e);
      if (err.status >= 500 && err.status !== 501) console.error('SCIM request failed', req.method, req.originalUrl, e);
      req.resume();
      sendScimError(res, err);
    }
  };
  /** Paths without an id (lower case, no trailing slash) → routes by method. */
  const exact = new Map<string, Partial<Record<Method, Route>>>();
  /** `/{segment}/{id}`: the segment (lower case) → routes by method. */
  const byId = new Map<string, Partial<Record<Method, Route>>>();
  const on = (table: Map<string, Partial<Record<Method, Route>>>, key: string, method: Method, op: Operation | 'none', fn: Handler) => {
    table.set(key.toLowerCase(), { ...table.get(key.toLowerCase()), [method]: { op, fn } });
  };

  const body = async (req: Request, ctx: ServiceContext, limit = ctx.tenant.scim.maxBodyBytes) => {
    return readJsonBody(req, limit, ctx.tenant.scim.upload);
  };
  const query = (req: Request) => req.query as Record<string, unknown>;
  const ok = (b: JsonObject): ServiceResult => ({ status: 200, body: b, headers: {} });

  // ---- discovery (RFC 7644 §4) ---------------------------------------------------------------------------
  on(exact, '/ServiceProviderConfig', 'GET', 'none', (_req, ctx) =>
    ok(
      protocol.serviceProviderConfig({
        maxResults: ctx.tenant.scim.pagination.maxCount,
        bulk: ctx.tenant.scim.bulk,
        base: ctx.base,
      }),
    ),
  );
  const refuseFilter = (req: Request) => {
    if (query(req)['filter'] !== undefined) {
      throw ScimError.forbidden('filtering is not supported on discovery endpoints (RFC 7644 §4)');
    }
  };
  // /ResourceTypes and /Schemas: the whole list, or one entry by id.
  const discovery = [
    ['ResourceTypes', 'resource type', (ctx: ServiceContext) => protocol.resourceTypes(ctx.tenant.registry, ctx.base)],
    ['Schemas', 'schema', (ctx: ServiceContext) => protocol.schemas(ctx.tenant.registry, ctx.base)],
  ] as const;
  for (const [endpoint, noun, list] of discovery) {
    on(exact, `/${endpoint}`, 'GET', 'none', (req, ctx) => {
      refuseFilter(req);
      const all = list(ctx);
      return ok(protocol.listResponse(all, all.length, 1));
    });
    on(byId, endpoint, 'GET', 'none', (_req, ctx, id) => {
      const found = list(ctx).find((r) => r['id'] === id);
      if (!found) throw ScimError.notFound(`${noun} ${id} not found`);
      return ok(found);
    });
  }

  // ---- resources (RFC 7644 §3.3–3.6) ---------------------------------------------------------------------
  const resourceRoutes = (kind: ResourceKind) => {
    const p = `/${kind.endpoint}`;
    const search = (ctx: ServiceContext, raw: Record<string, unknown>, from: 'query' | 'body') =>
      from === 'query'
        ? protocol.searchFromQuery(raw, ctx.tenant.scim.pagination, ctx.tenant.scim.mode)
        : protocol.searchFromBody(raw as JsonObject, ctx.tenant.scim.pagination, ctx.tenant.scim.mode);
    on(exact, p, 'GET', 'read', (req, ctx) => queryResources(ctx, kind, search(ctx, query(req), 'query')));
    on(exact, `${p}/.search`, 'POST', 'read', async (req, ctx) => queryResources(ctx, kind, search(ctx, await body(req, ctx), 'body')));
    on(exact, p, 'POST', 'create', async (req, ctx) => createResource(ctx, kind, await body(req, ctx), protocol.projectionFromQuery(query(req))));
    on(byId, kind.endpoint, 'GET', 'read', (req, ctx, id) => readResource(ctx, kind, id, protocol.projectionFromQuery(query(req)), header(req, 'if-none-match')));
    // PUT replaces (§3.5.1), PATCH modifies (§3.5.2): the same request shape, conditional on If-Match (§3.14).
    for (const [method, update] of [
      ['PUT', replaceResource],
      ['PATCH', patchResource],
    ] as const) {
      on(byId, kind.endpoint, method, 'update', async (req, ctx, id) =>
        update(ctx, kind, id, await body(req, ctx), header(req, 'if-match'), protocol.projectionFromQuery(query(req))),
      );
    }
    on(byId, kind.endpoint, 'DELETE', 'delete', (req, ctx, id) => deleteResource(ctx, kind, id, header(req, 'if-match')));
  };
  resourceRoutes(userKind);
  resourceRoutes(groupKind);

  // ---- root search (§3.4.3): Users then Groups, filtered and paged together ------------------------------
  on(exact, '/.search', 'POST', 'read', async (req, ctx) => {
    const search = protocol.searchFromBody(await body(req, ctx), ctx.tenant.scim.pagination, ctx.tenant.scim.mode);
    return searchAll(ctx, [userKind, groupKind], search);
  });

  // ---- bulk (§3.7) ----------------------------------------------------------------------------------------
  on(exact, '/Bulk', 'POST', 'none', async (req, ctx) => {
    const message = parseBulkRequest(await body(req, ctx, ctx.tenant.scim.bulk.maxPayloadSize), ctx.tenant.registry, {
      maxOperations: ctx.tenant.scim.bulk.maxOperations,
      maxPayloadSize: ctx.tenant.scim.bulk.maxPayloadSize,
    });
    return ok(await runBulk(ctx, ctx.token, message));
  });

  // ---- what lenient mode tolerated for this tenant -----------------------------------------------------
  on(exact, '/.tolerances', 'GET', 'read', (_req, ctx) => ok({ tolerances: ctx.store.listTolerances(ctx.tenant.id) as unknown as JsonObject[] }));

  // ---- anything else: a SCIM 404, or 501 naming the method and endpoint it does not support ---------------
  // The detail names the endpoint from this fixed list (and the method, which node's parser limits to known
  // ones), never the path as sent.
  const unknown: Route = {
    op: 'none',
    fn: (req) => {
      const endpoint = knownEndpoint(req.path);
      if (endpoint !== undefined) {
        throw ScimError.notImplemented(`${req.method} is not implemented for ${endpoint} (RFC 7644 §3.2 lists the methods each endpoint takes)`);
      }
      throw ScimError.notFound('no SCIM endpoint at this path');
    },
  };
  const malformed: Route = {
    op: 'none',
    fn: () => {
      throw ScimError.invalidSyntax('malformed request: the path is not valid percent-encoded UTF-8');
    },
  };

  return (req, res) => {
    const raw = req.path;
    const path = raw.length > 1 && raw.endsWith('/') ? raw.slice(0, -1) : raw;
    const method = (req.method === 'HEAD' ? 'GET' : req.method) as Method;
    let route = exact.get(path.toLowerCase())?.[method];
    let id = '';
    if (route === undefined) {
      const slash = path.indexOf('/', 1);
      const routes = slash > 0 && path.indexOf('/', slash + 1) < 0 && slash + 1 < path.length ? byId.get(path.slice(1, slash).toLowerCase()) : undefined;
      if (routes) {
        try {
          id = decodeURIComponent(path.slice(slash + 1));
          route = routes[method];
        } catch {
          route = malformed;
        }
      }
    }
    void run(req, res, route ?? unknown, id);
  };
}

const ENDPOINTS: ReadonlyArray<readonly [RegExp, string]> = [
  [/^\/(Users|Groups)\/\.search\/?$/i, '/{resourceType}/.search'],
  [/^\/Users\/?$/i, '/Users'],
  [/^\/Users\/[^/]+\/?$/i, '/Users/{id}'],
  [/^\/Groups\/?$/i, '/Groups'],
  [/^\/Groups\/[^/]+\/?$/i, '/Groups/{id}'],
  [/^\/\.search\/?$/i, '/.search'],
  [/^\/ServiceProviderConfig\/?$/i, '/ServiceProviderConfig'],
  [/^\/ResourceTypes(\/[^/]+)?\/?$/i, '/ResourceTypes'],
  [/^\/Schemas(\/[^/]+)?\/?$/i, '/Schemas'],
  [/^\/Bulk\/?$/i, '/Bulk'],
  [/^\/\.tolerances\/?$/i, '/.tolerances'],
];

/** The endpoint a path names, spelled as this server spells it; undefined for no endpoint. */
function knownEndpoint(path: string): string | undefined {
  return ENDPOINTS.find(([re]) => re.test(path))?.[1];
}
