/*
 * The requests JumpCloud's Custom SCIM integration sends (profile jumpcloud-2024; mock-idp/scim-client/jumpcloud/
 * client.ts sends the same shapes; sources and documented-vs-inferred in docs/provisioning-clients.md):
 * - Test Connection: POST a test user, POST a test group with it as a member, DELETE the group, DELETE the user;
 * - users carry the core schema only (no extension, no custom attribute), `active: true` on create;
 * - lookup by `filter=userName eq "…"`; changes are PATCH `replace` ops with a path; deactivation is a PATCH of active;
 * - groups are POSTed with their members; members leave by `remove` with path `members` and a value list, no filter
 *   (a shape RFC 7644 §3.5.2.2 does not define: the certification runs it on the bundled server's lenient tenant).
 */
import { patchBody } from '../../mock-idp/scim-client/entra/patch-ops.ts';
import type { UserSeed, VendorRequest } from './entra.ts';
import { GROUP_SCHEMA, USER_SCHEMA } from './scim-urns.ts';

const q = (filter: string): string => encodeURIComponent(filter);
const users = (id: string): string => `/Users/${encodeURIComponent(id)}`;
const groups = (id: string): string => `/Groups/${encodeURIComponent(id)}`;
const values = (ids: readonly string[]) => ids.map((value) => ({ value }));

export function jumpCloudUser(seed: UserSeed): Record<string, unknown> {
  return {
    schemas: [USER_SCHEMA],
    userName: seed.userName,
    name: { givenName: seed.givenName, familyName: seed.familyName },
    displayName: `${seed.givenName} ${seed.familyName}`,
    emails: [{ value: seed.userName, type: 'work' }],
    active: true,
  };
}

export const jumpcloud = {
  findUser: (userName: string): VendorRequest => ({ method: 'GET', path: `/Users?filter=${q(`userName eq "${userName}"`)}` }),

  createUser: (seed: UserSeed): VendorRequest => ({ method: 'POST', path: '/Users', body: jumpCloudUser(seed) }),

  replaceFamilyName: (id: string, familyName: string): VendorRequest => ({
    method: 'PATCH',
    path: users(id),
    body: patchBody([{ op: 'replace', path: 'name.familyName', value: familyName }]),
  }),

  deactivateUser: (id: string): VendorRequest => ({ method: 'PATCH', path: users(id), body: patchBody([{ op: 'replace', path: 'active', value: false }]) }),

  deleteUser: (id: string): VendorRequest => ({ method: 'DELETE', path: users(id) }),

  pushGroup: (displayName: string, memberIds: readonly string[]): VendorRequest => ({
    method: 'POST',
    path: '/Groups',
    body: { schemas: [GROUP_SCHEMA], displayName, members: values(memberIds) },
  }),

  deleteGroup: (id: string): VendorRequest => ({ method: 'DELETE', path: groups(id) }),

  removeMembers: (groupId: string, memberIds: readonly string[]): VendorRequest => ({
    method: 'PATCH',
    path: groups(groupId),
    body: patchBody([{ op: 'remove', path: 'members', value: values(memberIds) }]),
  }),
};
