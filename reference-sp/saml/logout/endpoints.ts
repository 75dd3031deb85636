/*
 * Where a tenant's Single Logout happens: its SingleLogoutService (one URL for both bindings, advertised in its
 * metadata, saml-metadata §2.4.2) sits beside its first ACS, /saml/{tenant}/slo on the same origin.
 */
import type { TenantConfig } from '../../config/types.ts';

export function spSloUrl(tenant: TenantConfig): string {
  return `${new URL(tenant.saml.acsUrls[0]!).origin}/saml/${tenant.id}/slo`;
}
