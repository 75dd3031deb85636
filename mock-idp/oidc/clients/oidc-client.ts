/*
 * An OpenID client (relying party) registered at the mock OpenID Provider, in RFC 7591 §2 metadata names so a
 * body reads like a registration request:
 *   { preset, authorization_server?, tenant_id?, client_id, client_secret?, redirect_uris, post_logout_redirect_uris?,
 *     token_endpoint_auth_method?, groups_claim? }
 * - preset (+ authorization_server for okta, tenant_id for entra) names the issuer the client lives at
 * - no client_secret → a public client (token_endpoint_auth_method "none"), which must use PKCE S256
 *   (RFC 7636 §4.2; OAuth 2.0 Security BCP, RFC 9700 §2.1.1); confidential clients may use it and are accepted
 *   either way
 * - redirect_uris are compared exactly (OIDC Core §3.1.2.1, "Simple String Comparison")
 * - groups_claim: Okta's groups claim filter (../presets/okta-groups-filter.ts)
 * The body is validated with ajv; every problem names its path (`redirect_uris[0] must match format "uri"`).
 */
import { validateAgainst } from '../../scim-client/validate.ts';
import { opError } from '../errors.ts';
import { GROUP_FILTER_TYPES, type GroupsClaimFilter } from '../presets/okta-groups-filter.ts';

export const OIDC_PRESET_NAMES = ['generic', 'okta', 'entra'] as const;
export type OidcPresetName = (typeof OIDC_PRESET_NAMES)[number];
export const AUTH_METHODS = ['client_secret_basic', 'client_secret_post', 'none'] as const;
export type TokenEndpointAuthMethod = (typeof AUTH_METHODS)[number];

export interface OidcClientInput {
  readonly preset?: OidcPresetName | undefined;
  /** Okta custom authorization server id (`default` when omitted). */
  readonly authorization_server?: string | undefined;
  /** Entra tenant id (the example tenant when omitted). */
  readonly tenant_id?: string | undefined;
  readonly client_id: string;
  readonly client_secret?: string | undefined;
  readonly redirect_uris: readonly string[];
  readonly post_logout_redirect_uris?: readonly string[] | undefined;
  readonly token_endpoint_auth_method?: TokenEndpointAuthMethod | undefined;
  readonly groups_claim?: GroupsClaimFilter | undefined;
}

export interface OidcClient {
  readonly preset: OidcPresetName;
  /** Which issuer of this IdP the client is registered at (./../issuers.ts issuerKey). */
  readonly issuerKey: string;
  readonly clientId: string;
  readonly clientSecret: string | undefined;
  readonly redirectUris: readonly string[];
  readonly postLogoutRedirectUris: readonly string[];
  readonly tokenEndpointAuthMethod: TokenEndpointAuthMethod;
  readonly groupsClaim: GroupsClaimFilter | undefined;
}

const ID_SEGMENT = '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$';
const httpUri = { type: 'string', minLength: 1, maxLength: 2048, pattern: '^https?://[^\\s#]+$' };

export const OIDC_CLIENT_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['client_id', 'redirect_uris'],
  properties: {
    preset: { enum: [...OIDC_PRESET_NAMES] },
    authorization_server: { type: 'string', pattern: ID_SEGMENT },
    tenant_id: { type: 'string', pattern: ID_SEGMENT },
    client_id: { type: 'string', minLength: 1, maxLength: 255, pattern: '^[\\x21-\\x7e]+$' },
    client_secret: { type: 'string', minLength: 8, maxLength: 512 },
    redirect_uris: { type: 'array', minItems: 1, maxItems: 20, items: httpUri },
    post_logout_redirect_uris: { type: 'array', maxItems: 20, items: httpUri },
    token_endpoint_auth_method: { enum: [...AUTH_METHODS] },
    groups_claim: {
      type: 'object',
      additionalProperties: false,
      required: ['name', 'filter', 'value'],
      properties: {
        name: { type: 'string', minLength: 1, maxLength: 100, pattern: '^[A-Za-z0-9_.:-]+$' },
        filter: { enum: [...GROUP_FILTER_TYPES] },
        value: { type: 'string', minLength: 1, maxLength: 256 },
      },
    },
  },
} as const;

export const DEFAULT_OKTA_AUTHORIZATION_SERVER = 'default';

/** Validates a registration body; throws control/bad-body naming every problem's path. */
export function parseClientInput(body: unknown): OidcClientInput {
  const problems = validateAgainst(OIDC_CLIENT_SCHEMA, body);
  const input = body as OidcClientInput;
  if (problems.length === 0) {
    const secret = input.client_secret !== undefined;
    const method = input.token_endpoint_auth_method;
    if (method === 'none' && secret) problems.push('token_endpoint_auth_method "none" is for public clients: drop client_secret');
    if (method !== undefined && method !== 'none' && !secret) problems.push(`token_endpoint_auth_method "${method}" needs a client_secret`);
    if (input.authorization_server !== undefined && (input.preset ?? 'generic') !== 'okta') problems.push('authorization_server is for the okta preset only');
    if (input.tenant_id !== undefined && (input.preset ?? 'generic') !== 'entra') problems.push('tenant_id is for the entra preset only');
    if (input.groups_claim?.filter === 'regex') {
      try {
        new RegExp(input.groups_claim.value, 'u');
      } catch {
        problems.push('groups_claim.value is not a valid regular expression');
      }
    }
  }
  if (problems.length > 0) throw opError('control/bad-body', problems.join('; '));
  return input;
}

/** oidc-provider client metadata (RFC 7591 names) for a registered client. */
export function providerMetadata(c: OidcClient): Record<string, unknown> {
  return {
    client_id: c.clientId,
    ...(c.clientSecret !== undefined ? { client_secret: c.clientSecret } : {}),
    redirect_uris: [...c.redirectUris],
    post_logout_redirect_uris: [...c.postLogoutRedirectUris],
    token_endpoint_auth_method: c.tokenEndpointAuthMethod,
    grant_types: ['authorization_code', 'refresh_token'],
    response_types: ['code'],
    // Entra's `sub` is pairwise: "unique to a particular application ID" (id-token-claims-reference).
    subject_type: c.preset === 'entra' ? 'pairwise' : 'public',
  };
}
