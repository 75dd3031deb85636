/*
 * Group synchronisation at sign-in (SonarQube, seed 003): "JIT SSO users' group memberships are reset to
 * match those in your identity provider upon login"; names are compared case-sensitively; the default
 * "Members" group is excluded from the synchronisation (the tenant's preservedGroups).
 */
import type { SamlTenantConfig } from '../config/saml-section.ts';
import type { GroupSyncResult, SsoDirectory } from '../store/sso-directory.ts';

export function syncGroups(
  directory: SsoDirectory,
  tenantId: string,
  userId: string,
  saml: SamlTenantConfig,
  attributes: Readonly<Record<string, readonly string[]>>,
): GroupSyncResult | undefined {
  if (!saml.groupSync.enabled || !saml.groupSync.attributeName) return undefined;
  const groups = [...new Set(attributes[saml.groupSync.attributeName] ?? [])];
  return directory.replaceGroupMemberships(tenantId, userId, groups, { preserve: saml.groupSync.preservedGroups });
}
