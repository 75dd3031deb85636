/*
 * Whether a tenant's single sign-on is enabled (NinjaOne's guide, step 7: "When the test succeeds, click Save, and
 * on the resulting page, click Enable. Single sign-on will now be active."). The admin's Enable, kept in the store
 * (tenant_sso_state, migration 6), wins over the configured `saml.ssoEnabled` (true by default, false for the
 * NinjaOne profile), so it survives a restart. One place decides it: the ACS check (./checks/check-sso-enabled.ts),
 * the admin API (../scim/admin/router.ts) and the landing page all ask here.
 */
import type { SpStateStore } from '../store/sp-state.ts';

export type SsoEnablementStore = Pick<SpStateStore, 'getSsoEnabled'>;

export function ssoEnabled(store: SsoEnablementStore | undefined, tenant: { readonly id: string; readonly saml: { readonly ssoEnabled: boolean } }): boolean {
  return store?.getSsoEnabled(tenant.id) ?? tenant.saml.ssoEnabled;
}
