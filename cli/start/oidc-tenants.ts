/*
 * `npm start`'s OpenID Connect wiring, the steps of SonarQube's "Okta OIDC" guide done for the person at the
 * keyboard: each embedded tenant with an `oidc` entry gets a client at the mock OP's issuer (1. Create application:
 * a web app whose sign-in redirect URI is the tenant's Callback URL), its client ID and secret and the issuer's
 * discovery URL in the tenant's `oidc` section (2. Configure connection), and the app's groups claim filter
 * (3. Claims mapping). The client secret is made once per data directory, like the SCIM tokens.
 */
import type { MockOpenIdProvider } from '../../mock-idp/index.ts';
import type { ReferenceSpConfig } from '../../reference-sp/config/index.ts';
import type { EmbeddedOidcTenant } from './embedded-defaults.ts';

/** Where a person signs in to an OIDC tenant, and where its Test Connection and the OP's discovery are. */
export interface OidcTenantUrls {
  readonly tenant: string;
  readonly signIn: string;
  readonly testConnection: string;
  readonly discovery: string;
}

/** The client ID an embedded tenant's app has at the OP. */
export const oidcClientId = (tenantId: string): string => `${tenantId}-app`;

/** The tenant's `oidc` section: the OP found by discovery, the client's credentials, the tenant's own settings. */
export function oidcSection(op: MockOpenIdProvider, tenantId: string, oidc: EmbeddedOidcTenant, clientSecret: string): Record<string, unknown> {
  return { issuer: { discoveryUrl: op.discoveryUrl(oidc.preset) }, clientId: oidcClientId(tenantId), clientSecret, ...oidc.settings };
}

/** Registers each OIDC tenant's app at the OP with the tenant's own Callback and post-logout URLs, as the SP resolved them. */
export function registerOidcApps(op: MockOpenIdProvider, config: ReferenceSpConfig, embedded: ReadonlyMap<string, EmbeddedOidcTenant>, spUrl: string): OidcTenantUrls[] {
  const urls: OidcTenantUrls[] = [];
  for (const tenant of config.tenants) {
    const oidc = embedded.get(tenant.id);
    if (!oidc || !tenant.oidc) continue;
    op.registerClient({
      preset: oidc.preset,
      client_id: tenant.oidc.clientId,
      client_secret: tenant.oidc.clientSecret,
      token_endpoint_auth_method: tenant.oidc.tokenEndpointAuthMethod,
      redirect_uris: [tenant.oidc.redirectUri],
      post_logout_redirect_uris: [tenant.oidc.postLogoutRedirectUri],
      ...(oidc.groupsClaim ? { groups_claim: oidc.groupsClaim } : {}),
    });
    const base = `${spUrl}/oidc/${encodeURIComponent(tenant.id)}`;
    urls.push({ tenant: tenant.id, signIn: `${base}/login`, testConnection: `${base}/test-connection`, discovery: op.discoveryUrl(oidc.preset) });
  }
  return urls;
}
