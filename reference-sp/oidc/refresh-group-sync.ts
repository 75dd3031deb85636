/*
 * Group sync on refresh (OIDC Core §12.2: a refresh may return a new ID token; its claims are the user's as the OP
 * sees them now). When the refreshed ID token carries the tenant's groups claim — or Entra's overage marker in its
 * place — memberships are synchronised exactly as at sign-in (../sign-in/group-sync.ts: same rules, Members kept,
 * missing groups ignored or created, overage leaves them alone). When it carries neither (an OP that sends groups
 * only at sign-in, or no new ID token at all), memberships are left as they are: a claim the token does not carry
 * says nothing about the user's groups, and reading it as "member of nothing" would remove every membership.
 */
import { ENTRA_GROUPS_OVERAGE_CLAIM, type GroupSyncOutcome, syncGroups } from '../sign-in/group-sync.ts';
import type { SsoDirectory } from '../store/sso-directory.ts';
import type { OidcTenantConfig } from '../config/oidc-section.ts';
import { claimAttributes } from './checks/map-claims.ts';

export function syncGroupsOnRefresh(
  directory: SsoDirectory,
  tenantId: string,
  userId: string,
  oidc: OidcTenantConfig,
  claims: Readonly<Record<string, unknown>>,
): GroupSyncOutcome | undefined {
  const groupsClaim = oidc.groupSync.attributeName ?? oidc.claimMapping.groups;
  const attributes = claimAttributes(claims, groupsClaim);
  if (!(groupsClaim in attributes) && !(ENTRA_GROUPS_OVERAGE_CLAIM in attributes)) return undefined;
  return syncGroups(directory, tenantId, userId, oidc, attributes);
}
