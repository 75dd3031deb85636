/*
 * A tenant's organizations (SonarQube Cloud, seed 003, "Verify groups"): an enterprise holds organizations
 * (the guide's OrgA and OrgB), and an administrator creates groups in each. A group the IdP sends is
 * synchronised only "if the group in Okta and the corresponding group in the SonarQube Cloud organization have
 * the same (case-sensitive) name"; a user in such a group "will have access to OrgA with the permissions
 * defined in SonarQube Cloud". The default "Members" group is excluded from the synchronisation.
 *
 * - A group exists for the sync when an organization lists it, or the tenant already has it (created by an
 *   administrator or over SCIM). Names are compared exactly: "Legacy-Team" is not "legacy-team".
 * - The same name in two organizations is one membership that counts in both, as it does in SonarQube.
 */
import type { OrganizationInput } from '../config/saml-section.ts';

/** The group names of every organization, each once, in the order they are configured. */
export function organizationGroupNames(organizations: readonly OrganizationInput[]): string[] {
  return [...new Set(organizations.flatMap((o) => o.groups))];
}

/** Per organization key, the user's groups in it (only organizations where the user has one). */
export function organizationsOf(organizations: readonly OrganizationInput[], userGroups: readonly string[], preserved: readonly string[]): Record<string, string[]> {
  const mine = new Set(userGroups.filter((g) => !preserved.includes(g)));
  const result: Record<string, string[]> = {};
  for (const org of organizations) {
    const groups = org.groups.filter((g) => mine.has(g));
    if (groups.length > 0) result[org.key] = groups;
  }
  return result;
}
