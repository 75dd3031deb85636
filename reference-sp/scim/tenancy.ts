/*
 * Tenants of the SCIM server and how a request finds its own.
 *
 * - Generic layout: /scim/v2/{tenant} — every tenant.
 * - Particle (seed 000): /v1/orgs/{org_slug}/team/provision — tenants with layout 'particle'; org_slug is the
 *   tenant's orgSlug (default: its id), matched lower-case as Particle's Console does.
 * - NinjaOne (seed 002): /ws/scim/v2 — no tenant in the URL; the tenant is the bearer token's.
 * In every layout, the token must belong to the tenant: a token never reaches another tenant's data (401).
 *
 * Once authenticated, the request counts against its tenant's rate limit (`scim.rateLimit`, a token bucket per
 * tenant, ../server/rate-limit.ts): over it → 429 with Retry-After (RFC 6585 §4). Only authenticated requests
 * count, so nobody without a tenant's token can use up its budget.
 */
import type { Request } from 'express';
import type { ReferenceSpConfig, TenantConfig } from '../config/types.ts';
import { resolveScimSection, type ScimTenantConfig } from '../config/scim-section.ts';
import type { Store, ScimTokenRow } from '../store/types.ts';
import { normaliseSchema } from './schemas/types.ts';
import { SchemaRegistry } from './schemas/registry.ts';
import { TokenBuckets, type Admission } from '../server/rate-limit.ts';
import { bearerTokenOf } from './http/bearer.ts';
import { TooManyRequests } from './http/too-many-requests.ts';
import { ScimError } from './types/errors.ts';

export interface ScimTenant {
  readonly id: string;
  readonly profile: TenantConfig['profile'];
  readonly scim: ScimTenantConfig;
  readonly registry: SchemaRegistry;
}

export interface ScimRequestContext {
  readonly tenant: ScimTenant;
  readonly token: ScimTokenRow;
  /** Absolute base URL of the SCIM API as this request reached it (for Location and meta.location). */
  readonly base: string;
}

export function registryFor(scim: ScimTenantConfig): SchemaRegistry {
  return new SchemaRegistry({
    extensions: scim.extensions.map((e) => ({
      schema: normaliseSchema({
        id: e.id,
        ...(e.name !== undefined ? { name: e.name } : {}),
        ...(e.description !== undefined ? { description: e.description } : {}),
        attributes: e.attributes.map((a) => ({ ...a, type: a.type ?? 'string' })),
      }),
      resourceType: e.resourceType,
      required: e.required ?? false,
    })),
  });
}

export class Tenants {
  readonly #byId = new Map<string, ScimTenant>();
  readonly #byOrgSlug = new Map<string, ScimTenant>();
  readonly #buckets: TokenBuckets;

  /** `now`: monotonic milliseconds for the rate limit (tests); default performance.now. */
  constructor(config: ReferenceSpConfig, now?: () => number) {
    this.#buckets = new TokenBuckets(now);
    for (const t of config.tenants) {
      const scim = resolveScimSection(t.profile, t.scim);
      const tenant: ScimTenant = { id: t.id, profile: t.profile, scim, registry: registryFor(scim) };
      this.#byId.set(t.id, tenant);
      if (scim.layout === 'particle') this.#byOrgSlug.set((scim.orgSlug ?? t.id).toLowerCase(), tenant);
    }
  }

  all(): ScimTenant[] {
    return [...this.#byId.values()];
  }

  byId(id: string): ScimTenant | undefined {
    return this.#byId.get(id);
  }

  byOrgSlug(slug: string): ScimTenant | undefined {
    return this.#byOrgSlug.get(slug.toLowerCase());
  }

  /** Takes one request from the tenant's rate limit (always admitted when the tenant has none). */
  admit(tenant: ScimTenant): Admission {
    const limit = tenant.scim.rateLimit;
    return limit === false ? { admitted: true } : this.#buckets.take(tenant.id, limit);
  }
}

/**
 * Authenticates the request for `tenant` (undefined: take the token's tenant). Unknown tenants and tokens of
 * another tenant get the same 401 as a bad token, so tenant names cannot be probed.
 */
export function authenticate(req: Request, store: Store, tenants: Tenants, pick: (tokenTenantId: string) => ScimTenant | undefined): { tenant: ScimTenant; token: ScimTokenRow } {
  const value = bearerTokenOf(req);
  const token = store.authenticateToken(value);
  if (!token) throw ScimError.unauthorized('the bearer token is not valid');
  const tenant = pick(token.tenantId);
  if (!tenant || tenant.id !== token.tenantId || !tenants.byId(tenant.id)) {
    throw ScimError.unauthorized('the bearer token is not valid for this tenant');
  }
  const admission = tenants.admit(tenant);
  if (!admission.admitted) throw new TooManyRequests(admission.retryAfterSeconds);
  return { tenant, token };
}

/** Creates tenants and their configured tokens (stored hashed; idempotent across restarts). */
export function seedTenants(store: Store, tenants: Tenants): void {
  store.transaction(() => {
    for (const t of tenants.all()) {
      store.ensureTenant(t.id, t.profile);
      for (const seeded of t.scim.tokens) {
        const existing = store.authenticateToken(seeded.value);
        if (existing) {
          if (existing.tenantId !== t.id) {
            throw new TypeError(`tenants.${t.id}.scim.tokens: a seeded token value is already used by another tenant`);
          }
          continue;
        }
        if (seeded.provider !== undefined && !store.getIdentityProvider(t.id, seeded.provider)) {
          store.createIdentityProvider(t.id, { scheme: seeded.provider, type: 'entra', autoProvisioningEnabled: false });
        }
        store.createToken(t.id, {
          name: seeded.name ?? 'seeded',
          value: seeded.value,
          scopes: seeded.scopes ?? [],
          providerScheme: seeded.provider,
        });
      }
    }
  });
}
