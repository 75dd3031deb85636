/*
 * Group synchronisation at sign-in, for both protocols (SAML attributes and OIDC claims read as named values;
 * the SAML ACS and the OIDC callback call the same function) (SonarQube, seed 003): "JIT SSO users' group memberships are reset to
 * match those in your identity provider upon login"; names are compared case-sensitively; the default
 * "Members" group is excluded from the synchronisation (the tenant's preservedGroups).
 *
 * - Only into existing groups (tenant option groupSync.missingGroups = 'ignore', the SonarQube profile): a
 *   group is synchronised "if a group with the same (case-sensitive) name exists in the relevant
 *   organization(s)" (./organizations.ts); a group the IdP sends that the tenant lacks is never created, it is
 *   reported as `ignored`. With 'create' (the default) a missing group is created.
 * - Entra's group overage: past 150 groups a SAML token carries no groups claim at all, only the overage claim
 *   `http://schemas.microsoft.com/claims/groups.link` pointing at Microsoft Graph ("Claims in SAML tokens",
 *   Microsoft identity platform). The token then says nothing about the user's groups, so the memberships are
 *   left exactly as they are and the outcome says the sync was skipped, rather than reading the missing claim
 *   as "member of nothing" and removing every group (SonarQube's guide: "you might need to reduce the number
 *   of groups the user is in").
 * - Without the overage claim, a missing groups attribute means no groups: memberships are reset to none.
 * - A tenant whose identityPolicy.groups is 'scim' provisions memberships over SCIM only: the sync is skipped
 *   (`scim-managed-groups`) and nothing is written.
 * - Nested groups are not expanded: the sync reads only the names the token carries (SonarQube: "Group
 *   synchronization doesn't work with Microsoft Entra ID's nested groups").
 */
import type { SamlTenantConfig } from '../config/saml-section.ts';
import { organizationGroupNames, organizationsOf } from '../saml/organizations.ts';
import type { GroupSyncResult, SsoDirectory } from '../store/sso-directory.ts';

/** The part of a tenant's SAML or OIDC section the sync reads. */
export type GroupSyncPolicy = Pick<SamlTenantConfig, 'groupSync' | 'identityPolicy'>;

/** Entra ID's group overage claim (Microsoft identity platform, "Claims in SAML tokens": groups). */
export const ENTRA_GROUPS_OVERAGE_CLAIM = 'http://schemas.microsoft.com/claims/groups.link';

export type GroupSyncOutcome =
  | (GroupSyncResult & {
      readonly skipped?: undefined;
      /** Groups the IdP sent that the tenant does not have (missingGroups 'ignore'): left out, never created. */
      readonly ignored: readonly string[];
      /** Per organization, the user's groups in it after the sync (tenants with organizations only). */
      readonly organizations?: Readonly<Record<string, readonly string[]>>;
    })
  | { readonly skipped: 'entra-group-overage'; readonly link: string; readonly added: readonly []; readonly removed: readonly [] }
  | { readonly skipped: 'scim-managed-groups'; readonly link?: undefined; readonly added: readonly []; readonly removed: readonly [] };

export function syncGroups(
  directory: SsoDirectory,
  tenantId: string,
  userId: string,
  policy: GroupSyncPolicy,
  attributes: Readonly<Record<string, readonly string[]>>,
): GroupSyncOutcome | undefined {
  const sync = policy.groupSync;
  if (!sync.enabled || !sync.attributeName) return undefined;
  // The tenant's identity policy gives memberships to SCIM (../config/identity-policy.ts): a sign-in never
  // rewrites them, and says the sync was skipped.
  if (policy.identityPolicy.groups === 'scim') return { skipped: 'scim-managed-groups', added: [], removed: [] };
  const named = attributes[sync.attributeName];
  const overage = attributes[ENTRA_GROUPS_OVERAGE_CLAIM];
  if (named === undefined && overage !== undefined) {
    return { skipped: 'entra-group-overage', link: overage[0] ?? '', added: [], removed: [] };
  }
  const sent = [...new Set(named ?? [])];
  let wanted = sent;
  let ignored: string[] = [];
  if (sync.missingGroups === 'ignore') {
    const inOrganizations = new Set(organizationGroupNames(sync.organizations));
    const candidates = sent.filter((g) => !sync.preservedGroups.includes(g));
    const inTenant = new Set(
      directory.existingGroupNames(
        tenantId,
        candidates.filter((g) => !inOrganizations.has(g)),
      ),
    );
    wanted = candidates.filter((g) => inOrganizations.has(g) || inTenant.has(g));
    ignored = candidates.filter((g) => !wanted.includes(g));
  }
  const result = directory.replaceGroupMemberships(tenantId, userId, wanted, { preserve: sync.preservedGroups });
  if (sync.organizations.length === 0) return { ...result, ignored };
  // After the reset the user's groups outside the preserved ones are exactly `wanted`.
  return { ...result, ignored, organizations: organizationsOf(sync.organizations, wanted, sync.preservedGroups) };
}
