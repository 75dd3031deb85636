/*
 * The requests OneLogin's SCIM v2 connector sends (profile onelogin-2024; mock-idp/scim-client/onelogin/client.ts
 * sends the same shapes; sources and documented-vs-inferred in docs/provisioning-clients.md):
 * - user lookup: `filter=userName eq "…"`, no paging parameters;
 * - create: the SCIM JSON template rendered (core + enterprise schemas, name.formatted, one primary work email,
 *   title, department), without `active` and without `externalId`;
 * - profile updates: a PUT of the whole template, without `id`;
 * - Suspend: PATCH replace path `active` false; Delete: DELETE;
 * - groups are the app's: Refresh Entitlements pages through GET /Groups?startIndex=N&count=100 unfiltered; rules add
 *   members with `add members` and remove them with `remove members[value eq "…"]`.
 */
import { patchBody } from '../../mock-idp/scim-client/entra/patch-ops.ts';
import type { UserSeed, VendorRequest } from './entra.ts';
import { ENTERPRISE_USER_SCHEMA, GROUP_SCHEMA, USER_SCHEMA } from './scim-urns.ts';

const q = (filter: string): string => encodeURIComponent(filter);
const users = (id: string): string => `/Users/${encodeURIComponent(id)}`;
const groups = (id: string): string => `/Groups/${encodeURIComponent(id)}`;

/** Refresh Entitlements' page size. */
export const ONELOGIN_GROUP_PAGE = 100;

export interface TemplateValues {
  readonly title: string;
  readonly department: string;
}

export function oneLoginTemplate(seed: UserSeed, values: TemplateValues): Record<string, unknown> {
  return {
    schemas: [USER_SCHEMA, ENTERPRISE_USER_SCHEMA],
    userName: seed.userName,
    name: { givenName: seed.givenName, familyName: seed.familyName, formatted: `${seed.givenName} ${seed.familyName}` },
    emails: [{ value: seed.userName, type: 'work', primary: true }],
    title: values.title,
    [ENTERPRISE_USER_SCHEMA]: { department: values.department },
  };
}

export const onelogin = {
  findUser: (userName: string): VendorRequest => ({ method: 'GET', path: `/Users?filter=${q(`userName eq "${userName}"`)}` }),

  createUser: (seed: UserSeed, values: TemplateValues): VendorRequest => ({ method: 'POST', path: '/Users', body: oneLoginTemplate(seed, values) }),

  replaceUser: (id: string, seed: UserSeed, values: TemplateValues): VendorRequest => ({ method: 'PUT', path: users(id), body: oneLoginTemplate(seed, values) }),

  suspendUser: (id: string): VendorRequest => ({ method: 'PATCH', path: users(id), body: patchBody([{ op: 'replace', path: 'active', value: false }]) }),

  deleteUser: (id: string): VendorRequest => ({ method: 'DELETE', path: users(id) }),

  /** One page of Refresh Entitlements (page 0 first). */
  entitlements: (page: number): VendorRequest => ({ method: 'GET', path: `/Groups?startIndex=${page * ONELOGIN_GROUP_PAGE + 1}&count=${ONELOGIN_GROUP_PAGE}` }),

  /** Not OneLogin: the app's admin making the group OneLogin will find. */
  appGroup: (displayName: string): VendorRequest => ({ method: 'POST', path: '/Groups', body: { schemas: [GROUP_SCHEMA], displayName } }),

  addMember: (groupId: string, userId: string): VendorRequest => ({
    method: 'PATCH',
    path: groups(groupId),
    body: patchBody([{ op: 'add', path: 'members', value: [{ value: userId }] }]),
  }),

  removeMember: (groupId: string, userId: string): VendorRequest => ({
    method: 'PATCH',
    path: groups(groupId),
    body: patchBody([{ op: 'remove', path: `members[value eq "${userId}"]` }]),
  }),
};
