/*
 * The requests Microsoft Entra ID's provisioning service sends, in both of its PATCH behaviours
 * (learn.microsoft.com "Tutorial: Develop and plan provisioning for a SCIM endpoint" and "Known issues and
 * resolutions with SCIM 2.0 protocol compliance of the Microsoft Entra user provisioning service"):
 * - legacy (the default for older app registrations): capitalised ops "Replace"/"Add"/"Remove", booleans as the
 *   strings "True"/"False", members removed with `path: "members"` and a value array;
 * - compliant (the `aadOptscim062020` behaviour): lowercase ops, real booleans, path-less replace whose value
 *   object uses dotted attribute paths as keys, members removed with a `members[value eq "…"]` filter path.
 * Test Connection is a filter on a random GUID that must come back as an empty ListResponse.
 */
import { GROUP_SCHEMA, PATCH_OP_SCHEMA, USER_SCHEMA } from './scim-urns.ts';

export type PatchStyle = 'legacy' | 'compliant';

export interface VendorRequest {
  readonly method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  readonly path: string;
  readonly body?: unknown;
}

export interface UserSeed {
  readonly userName: string;
  readonly givenName: string;
  readonly familyName: string;
  readonly externalId: string;
}

const q = (filter: string): string => encodeURIComponent(filter);
const op = (style: PatchStyle, name: 'replace' | 'add' | 'remove'): string =>
  style === 'legacy' ? name[0]!.toUpperCase() + name.slice(1) : name;
const bool = (style: PatchStyle, value: boolean): boolean | string => (style === 'legacy' ? (value ? 'True' : 'False') : value);
const patch = (path: string, operations: unknown[]): VendorRequest => ({
  method: 'PATCH',
  path,
  body: { schemas: [PATCH_OP_SCHEMA], Operations: operations },
});

export const entra = {
  /** Test Connection: a filter on a user that cannot exist. */
  testConnection: (guid: string): VendorRequest => ({ method: 'GET', path: `/Users?filter=${q(`userName eq "${guid}"`)}` }),

  /** Before a create (and on every cycle), Entra matches users on userName. */
  findUser: (userName: string): VendorRequest => ({ method: 'GET', path: `/Users?filter=${q(`userName eq "${userName}"`)}` }),

  createUser: (seed: UserSeed): VendorRequest => ({
    method: 'POST',
    path: '/Users',
    body: {
      schemas: [USER_SCHEMA],
      externalId: seed.externalId,
      userName: seed.userName,
      active: true,
      displayName: `${seed.givenName} ${seed.familyName}`,
      emails: [{ primary: true, type: 'work', value: seed.userName }],
      name: { formatted: `${seed.givenName} ${seed.familyName}`, familyName: seed.familyName, givenName: seed.givenName },
      meta: { resourceType: 'User' },
      roles: [],
    },
  }),

  getUser: (id: string): VendorRequest => ({ method: 'GET', path: `/Users/${encodeURIComponent(id)}` }),

  /** An update: one operation per changed attribute, each with a path. */
  updateUser: (id: string, style: PatchStyle, changes: Readonly<Record<string, string>>): VendorRequest =>
    patch(`/Users/${encodeURIComponent(id)}`, Object.entries(changes).map(([path, value]) => ({ op: op(style, 'replace'), path, value }))),

  /** The compliant behaviour's path-less replace, keys being attribute paths ("name.givenName"). */
  updateUserPathless: (id: string, changes: Readonly<Record<string, unknown>>): VendorRequest =>
    patch(`/Users/${encodeURIComponent(id)}`, [{ op: 'replace', value: { ...changes } }]),

  /** An add of an attribute the user did not have (Entra sends "Add" for newly mapped values). */
  addToUser: (id: string, style: PatchStyle, path: string, value: unknown): VendorRequest =>
    patch(`/Users/${encodeURIComponent(id)}`, [{ op: op(style, 'add'), path, value }]),

  /** Soft delete: active false ("False" in the legacy behaviour). */
  disableUser: (id: string, style: PatchStyle): VendorRequest =>
    patch(`/Users/${encodeURIComponent(id)}`, [{ op: op(style, 'replace'), path: 'active', value: bool(style, false) }]),

  deleteUser: (id: string): VendorRequest => ({ method: 'DELETE', path: `/Users/${encodeURIComponent(id)}` }),

  findGroup: (displayName: string): VendorRequest => ({
    method: 'GET',
    path: `/Groups?excludedAttributes=members&filter=${q(`displayName eq "${displayName}"`)}`,
  }),

  /** Groups are created without members; members follow in a PATCH. */
  createGroup: (displayName: string, externalId: string): VendorRequest => ({
    method: 'POST',
    path: '/Groups',
    body: { schemas: [GROUP_SCHEMA], externalId, displayName, meta: { resourceType: 'Group' } },
  }),

  getGroup: (id: string): VendorRequest => ({ method: 'GET', path: `/Groups/${encodeURIComponent(id)}` }),

  addMembers: (groupId: string, style: PatchStyle, userIds: readonly string[]): VendorRequest =>
    patch(`/Groups/${encodeURIComponent(groupId)}`, [
      { op: op(style, 'add'), path: 'members', value: userIds.map((value) => ({ $ref: null, value })) },
    ]),

  removeMember: (groupId: string, style: PatchStyle, userId: string): VendorRequest =>
    patch(
      `/Groups/${encodeURIComponent(groupId)}`,
      style === 'legacy'
        ? [{ op: 'Remove', path: 'members', value: [{ value: userId }] }]
        : [{ op: 'remove', path: `members[value eq "${userId}"]` }],
    ),

  renameGroup: (groupId: string, style: PatchStyle, displayName: string): VendorRequest =>
    patch(`/Groups/${encodeURIComponent(groupId)}`, [{ op: op(style, 'replace'), path: 'displayName', value: displayName }]),

  deleteGroup: (id: string): VendorRequest => ({ method: 'DELETE', path: `/Groups/${encodeURIComponent(id)}` }),
};
