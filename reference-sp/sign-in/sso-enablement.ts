/*
 * Whether a tenant's single sign-on is enabled (NinjaOne's guide, step 7: "When the test succeeds, click Save, and
 * on the resulting page, click Enable. Single sign-on will now be active."). The admin's Enable, kept in the store
 * (tenant_sso_state, migration 6), wins over the configured `saml.ssoEnabled` (true by default, false for the
 * NinjaOne profile), so it survives a restart. One place decides it: the ACS check (../saml/checks/check-sso-enabled.ts),
 * the admin API (../scim/admin/router.ts) and the landing page all ask here.
 */
import type { AuthnRequestPurpose, SpStateStore } from '../store/sp-state.ts';

export type SsoEnablementStore = Pick<SpStateStore, 'getSsoEnabled'>;

export function ssoEnabled(store: SsoEnablementStore | undefined, tenant: { readonly id: string; readonly saml: { readonly ssoEnabled: boolean } }): boolean {
  return store?.getSsoEnabled(tenant.id) ?? tenant.saml.ssoEnabled;
}

/**
 * Whether a sign-in may go on (NinjaOne's step 7, seed 002): always once SSO is enabled; before that only the
 * administrator's Test Connection, known from the SP's own record of the request it sent, never from the response.
 * The SAML ACS and the OIDC callback both ask here (../saml/checks/check-sso-enabled.ts, ../oidc/checks/check-sso-enabled.ts).
 */
export function signInAllowed(store: SsoEnablementStore | undefined, tenant: Parameters<typeof ssoEnabled>[1], purpose: AuthnRequestPurpose | undefined): boolean {
  return ssoEnabled(store, tenant) || purpose === 'test-connection';
}
