/*
 * OpenID Connect-only tenants: a tenant whose input has an `oidc` section and no `saml` section (SonarQube Cloud
 * and many other vendors set SSO up over one protocol, chosen in the setup assistant). Such a tenant is resolved
 * like any other, so every part that reads a tenant's profile defaults (SSO enablement, JIT, the landing page)
 * keeps one shape; its `saml` section holds the profile's SAML defaults and trusts NO IdP (NO_SAML_IDP: no
 * entity ID, no SSO URL, no certificate, so nothing could ever verify), and `oidcOnly` marks it. The SAML routes
 * ask `hasSaml` at their tenant lookup and answer 404 `tenant/no-saml` before reading anything else.
 */
import type { ResolvedIdp } from './saml-section.ts';

/** The IdP of a tenant without SAML: trusts nothing. */
export const NO_SAML_IDP: ResolvedIdp = Object.freeze({ entityId: '', ssoUrl: '', signingCertificates: Object.freeze([]) as readonly string[], source: 'manual' as const });

/** Whether the tenant signs in over SAML (false for an OpenID Connect-only tenant). */
export function hasSaml(tenant: { readonly oidcOnly?: true | undefined }): boolean {
  return tenant.oidcOnly !== true;
}

/** Whether a tenant input is OpenID Connect-only: an `oidc` section and no `saml` section. */
export function isOidcOnlyInput(tenant: { readonly saml?: unknown; readonly oidc?: unknown }): boolean {
  return tenant.saml === undefined && tenant.oidc !== undefined;
}
