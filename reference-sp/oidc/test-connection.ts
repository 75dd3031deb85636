/*
 * The OIDC side of SonarQube's Test Connection (seed 003, Okta OIDC step "Test SSO": "verify that the email and
 * groups attributes are correct"): the claims of the last sign-in of this browser, read through the tenant's
 * claim mapping exactly as sign-in reads them, in the shape both protocols share
 * (../sign-in/test-connection-result.ts): a claim not sent is null (groups: []), and every claim is shown raw.
 */
import type { OidcTenantConfig } from '../config/oidc-section.ts';
import type { OidcTestConnectionResult } from '../sign-in/test-connection-result.ts';

const text = (v: unknown): string | null => (typeof v === 'string' ? v : null);

export function oidcTestConnectionResult(tenantId: string, oidc: OidcTenantConfig, claims: Readonly<Record<string, unknown>>): OidcTestConnectionResult {
  const m = oidc.claimMapping;
  const groups = claims[oidc.groupSync.attributeName ?? m.groups];
  return {
    tenant: tenantId,
    protocol: 'oidc',
    login: text(claims[m.login]),
    name: text(claims[m.name]),
    email: text(claims[m.email]),
    groups: Array.isArray(groups) ? groups.filter((g): g is string => typeof g === 'string') : typeof groups === 'string' ? [groups] : [],
    subject: String(claims['sub']),
    claims,
  };
}
