/*
 * Group synchronisation at sign-in (SonarQube, seed 003): "JIT SSO users' group memberships are reset to
 * match those in your identity provider upon login"; names are compared case-sensitively; the default
 * "Members" group is excluded from the synchronisation (the tenant's preservedGroups).
 *
 * - Entra's group overage: past 150 groups a SAML token carries no groups claim at all, only the overage claim
 *   `http://schemas.microsoft.com/claims/groups.link` pointing at Microsoft Graph ("Claims in SAML tokens",
 *   Microsoft identity platform). The token then says nothing about the user's groups, so the memberships are
 *   left exactly as they are and the outcome says the sync was skipped, rather than reading the missing claim
 *   as "member of nothing" and removing every group (SonarQube's guide: "you might need to reduce the number
 *   of groups the user is in").
 * - Without the overage claim, a missing groups attribute means no groups: memberships are reset to none.
 */
import type { SamlTenantConfig } from '../config/saml-section.ts';
import type { GroupSyncResult, SsoDirectory } from '../store/sso-directory.ts';

/** Entra ID's group overage claim (Microsoft identity platform, "Claims in SAML tokens": groups). */
export const ENTRA_GROUPS_OVERAGE_CLAIM = 'http://schemas.microsoft.com/claims/groups.link';

export type GroupSyncOutcome =
  | (GroupSyncResult & { readonly skipped?: undefined })
  | { readonly skipped: 'entra-group-overage'; readonly link: string; readonly added: readonly []; readonly removed: readonly [] };

export function syncGroups(
  directory: SsoDirectory,
  tenantId: string,
  userId: string,
  saml: SamlTenantConfig,
  attributes: Readonly<Record<string, readonly string[]>>,
): GroupSyncOutcome | undefined {
  if (!saml.groupSync.enabled || !saml.groupSync.attributeName) return undefined;
  const named = attributes[saml.groupSync.attributeName];
  const overage = attributes[ENTRA_GROUPS_OVERAGE_CLAIM];
  if (named === undefined && overage !== undefined) {
    return { skipped: 'entra-group-overage', link: overage[0] ?? '', added: [], removed: [] };
  }
  const groups = [...new Set(named ?? [])];
  return directory.replaceGroupMemberships(tenantId, userId, groups, { preserve: saml.groupSync.preservedGroups });
}
