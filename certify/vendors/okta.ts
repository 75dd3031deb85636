/*
 * The requests Okta's SCIM 2.0 provisioning sends (developer.okta.com "SCIM 2.0 protocol reference" and
 * "Build a SCIM provisioning integration"):
 * - user lookup: `filter=userName eq "…"` with `startIndex=1&count=100`;
 * - profile updates as a full PUT of the user;
 * - deactivation as a path-less `replace` with `{"active": false}`;
 * - group push: a POST with members, then PATCH member adds/removes and a path-less rename.
 */
import type { UserSeed, VendorRequest } from './entra.ts';
import { GROUP_SCHEMA, PATCH_OP_SCHEMA, USER_SCHEMA } from './scim-urns.ts';

const q = (filter: string): string => encodeURIComponent(filter);
const patch = (path: string, operations: unknown[]): VendorRequest => ({
  method: 'PATCH',
  path,
  body: { schemas: [PATCH_OP_SCHEMA], Operations: operations },
});

export function oktaUserBody(seed: UserSeed, extra: Readonly<Record<string, unknown>> = {}): Record<string, unknown> {
  return {
    schemas: [USER_SCHEMA],
    userName: seed.userName,
    name: { givenName: seed.givenName, familyName: seed.familyName },
    emails: [{ primary: true, value: seed.userName, type: 'work' }],
    displayName: `${seed.givenName} ${seed.familyName}`,
    locale: 'en-US',
    externalId: seed.externalId,
    groups: [],
    active: true,
    ...extra,
  };
}

export const okta = {
  findUser: (userName: string): VendorRequest => ({
    method: 'GET',
    path: `/Users?filter=${q(`userName eq "${userName}"`)}&startIndex=1&count=100`,
  }),

  createUser: (seed: UserSeed): VendorRequest => ({ method: 'POST', path: '/Users', body: oktaUserBody(seed) }),

  getUser: (id: string): VendorRequest => ({ method: 'GET', path: `/Users/${encodeURIComponent(id)}` }),

  /** Okta sends the whole user, id included, on every profile change. */
  replaceUser: (id: string, seed: UserSeed, extra: Readonly<Record<string, unknown>> = {}): VendorRequest => ({
    method: 'PUT',
    path: `/Users/${encodeURIComponent(id)}`,
    body: { ...oktaUserBody(seed, extra), id },
  }),

  deactivateUser: (id: string): VendorRequest => patch(`/Users/${encodeURIComponent(id)}`, [{ op: 'replace', value: { active: false } }]),

  reactivateUser: (id: string): VendorRequest => patch(`/Users/${encodeURIComponent(id)}`, [{ op: 'replace', value: { active: true } }]),

  pushGroup: (displayName: string, members: ReadonlyArray<{ id: string; userName: string }>): VendorRequest => ({
    method: 'POST',
    path: '/Groups',
    body: { schemas: [GROUP_SCHEMA], displayName, members: members.map((m) => ({ value: m.id, display: m.userName })) },
  }),

  getGroup: (id: string): VendorRequest => ({ method: 'GET', path: `/Groups/${encodeURIComponent(id)}` }),

  updateMembers: (groupId: string, add: ReadonlyArray<{ id: string; userName: string }>, remove: readonly string[]): VendorRequest =>
    patch(`/Groups/${encodeURIComponent(groupId)}`, [
      ...remove.map((id) => ({ op: 'remove', path: `members[value eq "${id}"]` })),
      ...(add.length > 0 ? [{ op: 'add', path: 'members', value: add.map((m) => ({ value: m.id, display: m.userName })) }] : []),
    ]),

  renameGroup: (groupId: string, displayName: string): VendorRequest => patch(`/Groups/${encodeURIComponent(groupId)}`, [{ op: 'replace', value: { id: groupId, displayName } }]),

  deleteGroup: (id: string): VendorRequest => ({ method: 'DELETE', path: `/Groups/${encodeURIComponent(id)}` }),
};
