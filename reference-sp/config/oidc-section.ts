/*
 * The tenant's OpenID Connect section (`oidc`): the reference SP as a relying party (../oidc/). The input type
 * (what a config file may say), the resolved type (every option present, frozen by ./resolve.ts), the JSON
 * schema embedded in the tenant schema (./validate.ts), and the resolution of one tenant's section with every
 * problem naming its full path. Defaults live in ./defaults.ts (oidcDefaults); a profile's in ../profiles/.
 *
 * - The OpenID Provider is found by discovery (OIDC Discovery §4, `issuer.discoveryUrl`) or given by hand
 *   (issuer + authorization, token and JWKS endpoints; userinfo and end_session optional). With both, the
 *   endpoints given by hand override what discovery says, like the SAML side's metadata import.
 * - The redirect URI is always `${baseUrl}/oidc/{tenant}/callback` (the "Callback URL" SonarQube's setup assistant
 *   shows), the post-logout redirect URI `${baseUrl}/oidc/{tenant}/logged-out`.
 * - Group sync, just-in-time provisioning and the identity policy are the SAML side's options, applied by the
 *   same code (../sign-in/).
 */
import { oidcDefaults } from './defaults.ts';
import { identityPolicyJsonSchema, type IdentityPolicy, type IdentityPolicyInput } from './identity-policy.ts';
import { groupSyncJsonSchema, type GroupSyncInput, type ResolvedGroupSync } from './saml-section.ts';

/** Client authentication at the token endpoint (OIDC Core §9). */
export const TOKEN_ENDPOINT_AUTH_METHODS = ['client_secret_basic', 'client_secret_post'] as const;
export type TokenEndpointAuthMethod = (typeof TOKEN_ENDPOINT_AUTH_METHODS)[number];

/** Asymmetric JWS algorithms an ID token may be signed with (RFC 7518 §3.1). `none` and HS* are never offered (RFC 8725 §3.1). */
export const ID_TOKEN_SIGNING_ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'] as const;
export type IdTokenSigningAlgorithm = (typeof ID_TOKEN_SIGNING_ALGORITHMS)[number];

export interface OidcIssuerInput {
  /** OIDC Discovery: the issuer's `/.well-known/openid-configuration` URL, or the issuer URL itself. */
  readonly discoveryUrl?: string;
  /** Manual endpoints (override discovery when both are given). */
  readonly issuer?: string;
  readonly authorizationEndpoint?: string;
  readonly tokenEndpoint?: string;
  readonly userinfoEndpoint?: string;
  readonly jwksUri?: string;
  readonly endSessionEndpoint?: string;
}

/** Which ID token / userinfo claim is the user's login, email, name and groups. */
export interface OidcClaimMappingInput {
  readonly login?: string;
  readonly email?: string;
  readonly name?: string;
  readonly groups?: string;
}

export interface OidcTenantInput {
  readonly issuer?: OidcIssuerInput;
  readonly clientId?: string;
  readonly clientSecret?: string;
  readonly tokenEndpointAuthMethod?: TokenEndpointAuthMethod;
  readonly scopes?: readonly string[];
  readonly claimMapping?: OidcClaimMappingInput;
  readonly requireEmailVerified?: boolean;
  readonly allowedSigningAlgorithms?: readonly IdTokenSigningAlgorithm[];
  readonly clockSkewSeconds?: number;
  readonly autoProvisioningEnabled?: boolean;
  readonly groupSync?: GroupSyncInput;
  readonly identityPolicy?: IdentityPolicyInput;
  readonly requestTtlSeconds?: number;
  readonly sessionTtlSeconds?: number;
}

/** The resolved issuer: discovered at the first sign-in (../oidc/provider.ts), or complete by hand. */
export interface ResolvedOidcIssuer {
  readonly discoveryUrl: string | undefined;
  readonly issuer: string | undefined;
  readonly authorizationEndpoint: string | undefined;
  readonly tokenEndpoint: string | undefined;
  readonly userinfoEndpoint: string | undefined;
  readonly jwksUri: string | undefined;
  readonly endSessionEndpoint: string | undefined;
}

export interface OidcClaimMapping {
  readonly login: string;
  readonly email: string;
  readonly name: string;
  readonly groups: string;
}

/** The resolved OIDC section: every option present, frozen. */
export interface OidcTenantConfig {
  readonly issuer: ResolvedOidcIssuer;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly tokenEndpointAuthMethod: TokenEndpointAuthMethod;
  readonly scopes: readonly string[];
  readonly claimMapping: OidcClaimMapping;
  readonly requireEmailVerified: boolean;
  readonly allowedSigningAlgorithms: readonly IdTokenSigningAlgorithm[];
  readonly clockSkewSeconds: number;
  readonly autoProvisioningEnabled: boolean;
  readonly groupSync: ResolvedGroupSync;
  readonly identityPolicy: IdentityPolicy;
  readonly requestTtlSeconds: number;
  readonly sessionTtlSeconds: number;
  /** `${baseUrl}/oidc/{tenant}/callback`: the Callback URL to register at the OP. */
  readonly redirectUri: string;
  /** `${baseUrl}/oidc/{tenant}/logged-out`: where the OP sends the browser after RP-initiated logout. */
  readonly postLogoutRedirectUri: string;
}

const httpUrl = { type: 'string', pattern: '^https?://[^\\s]+$', 'x-expect': 'an http(s) URL' } as const;
const nonEmptyString = { type: 'string', minLength: 1, 'x-expect': 'a non-empty string' } as const;
const bool = { type: 'boolean', 'x-expect': 'true or false' } as const;
const positiveInteger = { type: 'integer', minimum: 1, 'x-expect': 'a positive integer' } as const;
/** A scope token (RFC 6749 §3.3: %x21 / %x23-5B / %x5D-7E). */
const scopeToken = { type: 'string', pattern: '^[\\x21\\x23-\\x5B\\x5D-\\x7E]+$', 'x-expect': 'a scope token (no spaces or quotes)' } as const;

/** JSON schema for OidcTenantInput. `x-expect` phrases the problem in ConfigError messages. */
export const oidcTenantJsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['issuer', 'clientId', 'clientSecret'],
  properties: {
    issuer: {
      type: 'object',
      additionalProperties: false,
      'x-expect': 'an object { discoveryUrl } or { issuer, authorizationEndpoint, tokenEndpoint, jwksUri, … }',
      properties: {
        discoveryUrl: httpUrl,
        issuer: httpUrl,
        authorizationEndpoint: httpUrl,
        tokenEndpoint: httpUrl,
        userinfoEndpoint: httpUrl,
        jwksUri: httpUrl,
        endSessionEndpoint: httpUrl,
      },
    },
    clientId: nonEmptyString,
    clientSecret: nonEmptyString,
    tokenEndpointAuthMethod: { enum: TOKEN_ENDPOINT_AUTH_METHODS, 'x-expect': `one of ${TOKEN_ENDPOINT_AUTH_METHODS.join(', ')}` },
    scopes: { type: 'array', items: scopeToken, uniqueItems: true, maxItems: 32, 'x-expect': 'a list of distinct scope tokens' },
    claimMapping: {
      type: 'object',
      additionalProperties: false,
      properties: { login: nonEmptyString, email: nonEmptyString, name: nonEmptyString, groups: nonEmptyString },
    },
    requireEmailVerified: bool,
    allowedSigningAlgorithms: {
      type: 'array',
      minItems: 1,
      uniqueItems: true,
      items: { enum: ID_TOKEN_SIGNING_ALGORITHMS, 'x-expect': `one of ${ID_TOKEN_SIGNING_ALGORITHMS.join(', ')} (never none or HS*: RFC 8725 §3.1)` },
      'x-expect': 'a non-empty list of signing algorithms',
    },
    clockSkewSeconds: { type: 'integer', minimum: 0, maximum: 600, 'x-expect': 'an integer from 0 to 600' },
    autoProvisioningEnabled: bool,
    groupSync: groupSyncJsonSchema,
    identityPolicy: identityPolicyJsonSchema,
    requestTtlSeconds: positiveInteger,
    sessionTtlSeconds: positiveInteger,
  },
} as const;

/**
 * Resolves one tenant's OIDC section (schema-valid input): defaults ← profile ← tenant input. Problems a schema
 * cannot express are pushed onto `problems`, each naming its full path; undefined when there were any.
 */
export function resolveOidcSection(
  tenantId: string,
  input: OidcTenantInput,
  fromProfile: OidcTenantInput,
  path: string,
  baseUrl: string,
  problems: string[],
): OidcTenantConfig | undefined {
  const before = problems.length;
  const issuer = { ...fromProfile.issuer, ...input.issuer };
  if (!issuer.discoveryUrl) {
    for (const key of ['issuer', 'authorizationEndpoint', 'tokenEndpoint', 'jwksUri'] as const) {
      if (!issuer[key]) problems.push(`${path}.issuer.${key} is required without ${path}.issuer.discoveryUrl`);
    }
  }
  const mapping = { ...oidcDefaults.claimMapping, ...fromProfile.claimMapping, ...input.claimMapping };
  const groupSync = { ...oidcDefaults.groupSync, ...fromProfile.groupSync, ...input.groupSync };
  const scopes = input.scopes ?? fromProfile.scopes ?? oidcDefaults.scopes;
  if (!scopes.includes('openid')) problems.push(`${path}.scopes must include openid (OIDC Core §3.1.2.1)`);
  const organizationKeys = new Set<string>();
  (groupSync.organizations ?? []).forEach((o, j) => {
    if (organizationKeys.has(o.key)) problems.push(`${path}.groupSync.organizations[${j}].key repeats the organization "${o.key}"`);
    organizationKeys.add(o.key);
  });
  if (problems.length > before) return undefined;
  const pick = <K extends keyof typeof oidcDefaults>(key: K) => (input[key] ?? fromProfile[key] ?? oidcDefaults[key]) as NonNullable<OidcTenantInput[K]>;
  const base = `${baseUrl}/oidc/${encodeURIComponent(tenantId)}`;
  return {
    issuer: {
      discoveryUrl: issuer.discoveryUrl,
      issuer: issuer.issuer,
      authorizationEndpoint: issuer.authorizationEndpoint,
      tokenEndpoint: issuer.tokenEndpoint,
      userinfoEndpoint: issuer.userinfoEndpoint,
      jwksUri: issuer.jwksUri,
      endSessionEndpoint: issuer.endSessionEndpoint,
    },
    clientId: (input.clientId ?? fromProfile.clientId)!,
    clientSecret: (input.clientSecret ?? fromProfile.clientSecret)!,
    tokenEndpointAuthMethod: pick('tokenEndpointAuthMethod'),
    scopes: [...scopes],
    claimMapping: mapping,
    requireEmailVerified: pick('requireEmailVerified'),
    allowedSigningAlgorithms: [...pick('allowedSigningAlgorithms')],
    clockSkewSeconds: pick('clockSkewSeconds'),
    autoProvisioningEnabled: pick('autoProvisioningEnabled'),
    groupSync: {
      enabled: groupSync.enabled ?? false,
      attributeName: groupSync.attributeName ?? mapping.groups,
      preservedGroups: [...(groupSync.preservedGroups ?? [])],
      missingGroups: groupSync.missingGroups ?? 'create',
      organizations: (groupSync.organizations ?? []).map((o) => ({ key: o.key, groups: [...o.groups] })),
    },
    identityPolicy: { ...oidcDefaults.identityPolicy, ...fromProfile.identityPolicy, ...input.identityPolicy },
    requestTtlSeconds: pick('requestTtlSeconds'),
    sessionTtlSeconds: pick('sessionTtlSeconds'),
    redirectUri: `${base}/callback`,
    postLogoutRedirectUri: `${base}/logged-out`,
  };
}
