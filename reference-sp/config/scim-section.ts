/*
 * The tenant's SCIM section: the input type (what a config file may say), the resolved type (what the SCIM
 * server runs with, every option present), its JSON schema (ajv; embedded in the tenant schema by the config
 * loader), the defaults with one comment per option, and the per-profile defaults of the seed vendors.
 *
 * Resolution: scimDefaults ← scimProfileDefaults[profile] ← the config file. `resolveScimSection` is idempotent,
 * so resolving an already-resolved section changes nothing.
 */
import type { ProfileName } from './types.ts';

export type ScimMode = 'strict' | 'lenient';

/**
 * Where the tenant's SCIM API is reachable besides the generic `/scim/v2/{tenant}`:
 * - 'particle': `/v1/orgs/{orgSlug}/team/provision` (seed 000)
 * - 'ninjaone': `/ws/scim/v2`, the tenant taken from the bearer token (seed 002)
 */
export type ScimLayout = 'generic' | 'particle' | 'ninjaone';

export type ScimAttributeType = 'string' | 'boolean' | 'decimal' | 'integer' | 'dateTime' | 'reference' | 'binary';

/** An attribute of a custom extension schema, in RFC 7643 §7's terms (sub-attributes not supported). */
export interface ExtensionAttributeInput {
  readonly name: string;
  readonly type?: ScimAttributeType;
  readonly multiValued?: boolean;
  readonly required?: boolean;
  readonly caseExact?: boolean;
  readonly mutability?: 'readOnly' | 'readWrite' | 'immutable' | 'writeOnly';
  readonly returned?: 'always' | 'never' | 'default' | 'request';
  readonly uniqueness?: 'none' | 'server' | 'global';
  readonly canonicalValues?: readonly string[];
  readonly description?: string;
}

/** A custom extension schema (RFC 7643 §3.3), e.g. NinjaOne's organizationId/userType extension. */
export interface ExtensionSchemaInput {
  /** The schema URN, e.g. urn:ietf:params:scim:schemas:extension:ninjaone:2.0:User. */
  readonly id: string;
  readonly name?: string;
  readonly description?: string;
  readonly resourceType: 'User' | 'Group';
  /** Whether every resource must carry the extension (ResourceType schemaExtensions[].required). */
  readonly required?: boolean;
  readonly attributes: readonly ExtensionAttributeInput[];
}

/** A token known from configuration (embedded defaults, tests). Stored hashed at start-up. */
export interface SeededTokenInput {
  readonly name?: string;
  readonly value: string;
  readonly scopes?: readonly string[];
  /** Identity provider scheme the token is linked to; the provider is created when missing. */
  readonly provider?: string;
}

export interface ScimTenantInput {
  readonly mode?: ScimMode;
  readonly layout?: ScimLayout;
  readonly orgSlug?: string;
  readonly extensions?: readonly ExtensionSchemaInput[];
  readonly tokens?: readonly SeededTokenInput[];
  readonly enforceScopes?: boolean;
  readonly adminToken?: string;
  readonly pagination?: { readonly defaultCount?: number; readonly maxCount?: number };
  readonly bulk?: { readonly maxOperations?: number; readonly maxPayloadSize?: number };
  readonly maxBodyBytes?: number;
  readonly maxScan?: number;
  /** `false` (or `enabled: false`) turns the limit off; `true` is the default limit. */
  readonly rateLimit?: boolean | { readonly enabled?: boolean; readonly requestsPerSecond?: number; readonly burst?: number };
  readonly upload?: { readonly idleTimeoutMs?: number; readonly timeoutMs?: number };
}

/** A token bucket (reference-sp/server/rate-limit.ts): `burst` requests at once, refilled at `requestsPerSecond`. */
export interface ScimRateLimit {
  readonly requestsPerSecond: number;
  readonly burst: number;
}

/** How slowly a request body may arrive (reference-sp/scim/http/read-body.ts): 408 beyond either bound. */
export interface ScimUploadTimeouts {
  /** The longest pause between two chunks of the body. */
  readonly idleTimeoutMs: number;
  /** The longest the whole body may take, from the first byte the handler waits for. */
  readonly timeoutMs: number;
}

export interface ScimTenantConfig {
  readonly mode: ScimMode;
  readonly layout: ScimLayout;
  /** Particle's org slug; undefined → the tenant id. */
  readonly orgSlug: string | undefined;
  readonly extensions: readonly ExtensionSchemaInput[];
  readonly tokens: readonly SeededTokenInput[];
  readonly enforceScopes: boolean;
  readonly adminToken: string | undefined;
  readonly pagination: { readonly defaultCount: number; readonly maxCount: number };
  readonly bulk: { readonly maxOperations: number; readonly maxPayloadSize: number };
  readonly maxBodyBytes: number;
  readonly maxScan: number;
  readonly rateLimit: false | ScimRateLimit;
  readonly upload: ScimUploadTimeouts;
}

/** Particle's API-user scopes (seed 000) and the operations each one allows. */
export const PARTICLE_SCOPES = {
  'teams.users:invite': 'create',
  'teams.users:remove': 'delete',
  'teams.users:list': 'read',
  'teams.users:update': 'update',
} as const;
export type ScimScope = keyof typeof PARTICLE_SCOPES;

export const scimDefaults = {
  /** 'strict' refuses Entra's legacy shapes with a precise 400; 'lenient' accepts and records them. */
  mode: 'strict',
  /** Extra URL layout; the generic /scim/v2/{tenant} is always served. */
  layout: 'generic',
  /** Particle org slug; undefined → the tenant id. */
  orgSlug: undefined,
  /** Custom extension schemas (RFC 7643 §3.3) beyond the enterprise User extension. */
  extensions: [],
  /** Tokens seeded from configuration, stored hashed. */
  tokens: [],
  /** Check each request's operation against the token's scopes (403 when missing). */
  enforceScopes: false,
  /** Bearer token for the tenant's admin API; SSO_HARNESS_ADMIN_TOKEN (all tenants) also works. */
  adminToken: undefined,
  /** count when the client gives none, and the most a page may hold (RFC 7644 §3.4.2.4; SPC filter.maxResults). */
  pagination: { defaultCount: 100, maxCount: 200 },
  /** /Bulk limits advertised in ServiceProviderConfig (RFC 7644 §3.7.4): 413 beyond them. */
  bulk: { maxOperations: 1000, maxPayloadSize: 1_048_576 },
  /** Largest request body for any other endpoint; 413 beyond it. */
  maxBodyBytes: 1_048_576,
  /**
   * Most resources of one type a query may examine when no index serves its filter or sortBy (indexed: `id eq`,
   * `externalId eq`, Users' `userName eq`, Groups' `displayName eq`, alone or as one side of `and`; see
   * reference-sp/scim/resources/query-plan.ts). Beyond it: 400 tooMany (RFC 7644 §3.4.2.2, §3.12 Table 9). A scan
   * costs about 20 µs per resource on the event loop, so 5,000 bounds one query near 100 ms.
   */
  maxScan: 5_000,
  /**
   * Requests per second the tenant's SCIM clients may make, over all its tokens: `burst` at once, refilled at
   * `requestsPerSecond`; beyond it 429 with Retry-After (RFC 6585 §4). Entra's and Okta's clients honour
   * Retry-After. `false` turns it off.
   */
  rateLimit: { requestsPerSecond: 200, burst: 400 },
  /** A request body that pauses longer than idleTimeoutMs, or takes longer than timeoutMs in all, gets 408. */
  upload: { idleTimeoutMs: 10_000, timeoutMs: 30_000 },
} as const satisfies ScimTenantConfig;

/** NinjaOne's extension (seed 002): organizationId required ('all' = global end user), userType optional. */
export const ninjaOneExtension: ExtensionSchemaInput = {
  id: 'urn:ietf:params:scim:schemas:extension:ninjaone:2.0:User',
  name: 'NinjaOneUser',
  description: 'NinjaOne user extension',
  resourceType: 'User',
  required: true,
  attributes: [
    { name: 'organizationId', type: 'string', required: true, description: "Organization ID; 'all' = global" },
    { name: 'userType', type: 'string', required: false, description: 'End user or technician' },
  ],
};

/** Per-profile defaults of the seed vendors. */
/*
 * The generic tenant is the RFC model and strict. Particle, NinjaOne and Aritma document provisioning from Entra
 * ID (seeds 000–002), whose default (non-`aadOptscim062020`) requests use legacy shapes; a vendor that works with
 * Entra accepts them, so their emulations are lenient, and every tolerance is recorded.
 */
export const scimProfileDefaults: Readonly<Record<ProfileName, ScimTenantInput>> = {
  generic: {},
  particle: { layout: 'particle', enforceScopes: true, mode: 'lenient' },
  ninjaone: { layout: 'ninjaone', extensions: [ninjaOneExtension], mode: 'lenient' },
  aritma: { mode: 'lenient' },
  sonarqube: {},
  datocms: {},
};

export function resolveScimSection(profile: ProfileName, input: ScimTenantInput | undefined): ScimTenantConfig {
  const p = scimProfileDefaults[profile] ?? {};
  const i = input ?? {};
  return Object.freeze({
    mode: i.mode ?? p.mode ?? scimDefaults.mode,
    layout: i.layout ?? p.layout ?? scimDefaults.layout,
    orgSlug: i.orgSlug ?? p.orgSlug ?? scimDefaults.orgSlug,
    extensions: i.extensions ?? p.extensions ?? scimDefaults.extensions,
    tokens: i.tokens ?? p.tokens ?? scimDefaults.tokens,
    enforceScopes: i.enforceScopes ?? p.enforceScopes ?? scimDefaults.enforceScopes,
    adminToken: i.adminToken ?? p.adminToken ?? scimDefaults.adminToken,
    pagination: { ...scimDefaults.pagination, ...p.pagination, ...i.pagination },
    bulk: { ...scimDefaults.bulk, ...p.bulk, ...i.bulk },
    maxBodyBytes: i.maxBodyBytes ?? p.maxBodyBytes ?? scimDefaults.maxBodyBytes,
    maxScan: i.maxScan ?? p.maxScan ?? scimDefaults.maxScan,
    rateLimit: resolveRateLimit(p.rateLimit, i.rateLimit),
    upload: { ...scimDefaults.upload, ...p.upload, ...i.upload },
  });
}

/**
 * defaults ← profile ← input. A resolved section (rateLimit false, or { requestsPerSecond, burst }) resolves to
 * itself. A burst not given is two seconds' worth of requests (at least 1) when the rate is given, else the default.
 */
function resolveRateLimit(...layers: ReadonlyArray<ScimTenantInput['rateLimit'] | ScimRateLimit>): false | ScimRateLimit {
  let resolved: false | ScimRateLimit = scimDefaults.rateLimit;
  for (const layer of layers) {
    if (layer === undefined) continue;
    if (layer === false || (typeof layer === 'object' && 'enabled' in layer && layer.enabled === false)) {
      resolved = false;
      continue;
    }
    if (layer === true) {
      if (resolved === false) resolved = scimDefaults.rateLimit;
      continue;
    }
    const base: ScimRateLimit = resolved === false ? scimDefaults.rateLimit : resolved;
    const requestsPerSecond: number = layer.requestsPerSecond ?? base.requestsPerSecond;
    const burst: number = layer.burst ?? (layer.requestsPerSecond !== undefined ? Math.max(1, Math.ceil(requestsPerSecond * 2)) : base.burst);
    resolved = { requestsPerSecond, burst };
  }
  return resolved;
}

const attributeSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['name'],
  properties: {
    name: { type: 'string', pattern: '^[A-Za-z][A-Za-z0-9_-]*$' },
    type: { enum: ['string', 'boolean', 'decimal', 'integer', 'dateTime', 'reference', 'binary'] },
    multiValued: { type: 'boolean' },
    required: { type: 'boolean' },
    caseExact: { type: 'boolean' },
    mutability: { enum: ['readOnly', 'readWrite', 'immutable', 'writeOnly'] },
    returned: { enum: ['always', 'never', 'default', 'request'] },
    uniqueness: { enum: ['none', 'server', 'global'] },
    canonicalValues: { type: 'array', items: { type: 'string' } },
    description: { type: 'string' },
  },
} as const;

const positiveInteger = { type: 'integer', minimum: 1, 'x-expect': 'a positive integer' } as const;

/** JSON schema of ScimTenantInput (ajv draft-07). */
export const scimTenantJsonSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    mode: { enum: ['strict', 'lenient'] },
    layout: { enum: ['generic', 'particle', 'ninjaone'] },
    orgSlug: { type: 'string', pattern: '^[a-z0-9][a-z0-9-]*$' },
    extensions: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'resourceType', 'attributes'],
        properties: {
          id: { type: 'string', pattern: '^urn:' },
          name: { type: 'string' },
          description: { type: 'string' },
          resourceType: { enum: ['User', 'Group'] },
          required: { type: 'boolean' },
          attributes: { type: 'array', items: attributeSchema },
        },
      },
    },
    tokens: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['value'],
        properties: {
          name: { type: 'string' },
          value: { type: 'string', minLength: 16 },
          scopes: { type: 'array', items: { type: 'string' } },
          provider: { type: 'string', minLength: 1 },
        },
      },
    },
    enforceScopes: { type: 'boolean' },
    adminToken: { type: 'string', minLength: 16 },
    pagination: {
      type: 'object',
      additionalProperties: false,
      properties: { defaultCount: { type: 'integer', minimum: 0 }, maxCount: positiveInteger },
    },
    bulk: {
      type: 'object',
      additionalProperties: false,
      properties: { maxOperations: positiveInteger, maxPayloadSize: positiveInteger },
    },
    maxBodyBytes: positiveInteger,
    maxScan: positiveInteger,
    rateLimit: {
      type: ['boolean', 'object'],
      'x-expect': 'true, false, or an object with enabled, requestsPerSecond and burst',
      additionalProperties: false,
      properties: {
        enabled: { type: 'boolean', 'x-expect': 'true or false' },
        requestsPerSecond: { type: 'number', exclusiveMinimum: 0, 'x-expect': 'a positive number' },
        burst: positiveInteger,
      },
    },
    upload: {
      type: 'object',
      additionalProperties: false,
      properties: { idleTimeoutMs: positiveInteger, timeoutMs: positiveInteger },
    },
  },
} as const;
