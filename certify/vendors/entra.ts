/*
 * The requests Microsoft Entra ID's provisioning service sends, for certifying an endpoint against them. The shapes
 * are the simulator's own (mock-idp/scim-client/entra: patch-ops.ts for every PATCH body in both behaviours,
 * resources.ts for the create envelopes), never restated here, so certification and the simulator send the same
 * bytes; docs/provisioning.md ("Fidelity to Microsoft's documented requests") traces each one to Microsoft's
 * articles.
 * - legacy (no flag): capitalised ops "Replace"/"Add"/"Remove", booleans as the strings "True"/"False", members
 *   removed with `path: "members"` and a value array;
 * - compliant (`aadOptscim062020`): lowercase ops, real booleans, path-less replace whose value object uses dotted
 *   attribute paths as keys, members removed with a `members[value eq "…"]` filter path.
 * - a created user carries `meta` and its work email `primary: true`; a created group lists the core and Microsoft's
 *   ADSCIM Group URNs plus `meta` (a server that refuses unknown schema URNs refuses it, as it refuses real Entra).
 * Test Connection is a filter on a random GUID that must come back as an empty ListResponse.
 */
import { filterEq } from '../../mock-idp/scim-client/engine/client.ts';
import {
  addMembersOperation,
  attributeOperations,
  patchBody,
  removeMembersOperations,
  replaceDisplayNameOperation,
  type AttributeChange,
  type PatchOperation,
} from '../../mock-idp/scim-client/entra/patch-ops.ts';
import { entraCreateGroupBody, entraCreateUserBody } from '../../mock-idp/scim-client/entra/resources.ts';
import type { PatchBehaviour } from '../../mock-idp/scim-client/http/tenant-url.ts';
import { parseTargetPath } from '../../mock-idp/scim-client/mappings/target-path.ts';
import { GROUP_SCHEMA, USER_SCHEMA } from './scim-urns.ts';

export type PatchStyle = PatchBehaviour;

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
const patch = (path: string, operations: PatchOperation[]): VendorRequest => ({ method: 'PATCH', path, body: patchBody(operations) });
/** One attribute change as Entra sends it when it is the only one: an op with a path. */
const change = (path: string, before: unknown, after: unknown): AttributeChange => ({ path: parseTargetPath(path), before, after });

export const entra = {
  /** Test Connection: a filter on a user that cannot exist. */
  testConnection: (guid: string): VendorRequest => ({ method: 'GET', path: `/Users?filter=${q(filterEq('userName', guid))}` }),

  /** Before a create (and on every cycle), Entra matches users on userName. */
  findUser: (userName: string): VendorRequest => ({ method: 'GET', path: `/Users?filter=${q(filterEq('userName', userName))}` }),

  createUser: (seed: UserSeed): VendorRequest => ({
    method: 'POST',
    path: '/Users',
    body: entraCreateUserBody({
      schemas: [USER_SCHEMA],
      externalId: seed.externalId,
      userName: seed.userName,
      active: true,
      displayName: `${seed.givenName} ${seed.familyName}`,
      emails: [{ type: 'work', value: seed.userName }],
      name: { formatted: `${seed.givenName} ${seed.familyName}`, familyName: seed.familyName, givenName: seed.givenName },
    }),
  }),

  getUser: (id: string): VendorRequest => ({ method: 'GET', path: `/Users/${encodeURIComponent(id)}` }),

  /** An update: one operation per changed attribute, each with a path (each as Entra sends a lone change). */
  updateUser: (id: string, style: PatchStyle, changes: Readonly<Record<string, string>>): VendorRequest =>
    patch(
      `/Users/${encodeURIComponent(id)}`,
      Object.entries(changes).flatMap(([path, value]) => attributeOperations([change(path, '', value)], style)),
    ),

  /** The compliant behaviour's path-less replace, keys being attribute paths ("name.givenName"); needs two or more. */
  updateUserPathless: (id: string, changes: Readonly<Record<string, unknown>>): VendorRequest =>
    patch(
      `/Users/${encodeURIComponent(id)}`,
      attributeOperations(
        Object.entries(changes).map(([path, value]) => change(path, '', value)),
        'compliant',
      ),
    ),

  /** An add of an attribute the user did not have (Entra sends "Add" for newly mapped values). */
  addToUser: (id: string, style: PatchStyle, path: string, value: unknown): VendorRequest =>
    patch(`/Users/${encodeURIComponent(id)}`, attributeOperations([change(path, undefined, value)], style)),

  /** Soft delete: active false ("False" in the legacy behaviour). */
  disableUser: (id: string, style: PatchStyle): VendorRequest => patch(`/Users/${encodeURIComponent(id)}`, attributeOperations([change('active', true, false)], style)),

  deleteUser: (id: string): VendorRequest => ({ method: 'DELETE', path: `/Users/${encodeURIComponent(id)}` }),

  findGroup: (displayName: string): VendorRequest => ({
    method: 'GET',
    path: `/Groups?excludedAttributes=members&filter=${q(filterEq('displayName', displayName))}`,
  }),

  /** Groups are created without members; members follow in a PATCH. */
  createGroup: (displayName: string, externalId: string): VendorRequest => ({
    method: 'POST',
    path: '/Groups',
    body: entraCreateGroupBody({ schemas: [GROUP_SCHEMA], externalId, displayName }),
  }),

  getGroup: (id: string): VendorRequest => ({ method: 'GET', path: `/Groups/${encodeURIComponent(id)}` }),

  addMembers: (groupId: string, style: PatchStyle, userIds: readonly string[]): VendorRequest =>
    patch(`/Groups/${encodeURIComponent(groupId)}`, [addMembersOperation(userIds, style)]),

  removeMember: (groupId: string, style: PatchStyle, userId: string): VendorRequest => patch(`/Groups/${encodeURIComponent(groupId)}`, removeMembersOperations([userId], style)),

  renameGroup: (groupId: string, style: PatchStyle, displayName: string): VendorRequest =>
    patch(`/Groups/${encodeURIComponent(groupId)}`, [replaceDisplayNameOperation(displayName, style)]),

  deleteGroup: (id: string): VendorRequest => ({ method: 'DELETE', path: `/Groups/${encodeURIComponent(id)}` }),
};
