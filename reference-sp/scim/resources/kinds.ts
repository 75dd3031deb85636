/*
 * What differs between Users and Groups for the services: how a row is read, written and represented.
 * - Users: userName is required and unique per tenant, case-insensitively (RFC 7643 §4.1.1, RFC 7644 §3.3 → 409).
 *   `active` absent counts as active for sign-in; a password, when sent, is never stored nor returned
 *   (RFC 7643 §4.1.1: writeOnly, returned never) — it only marks the user as having one.
 * - Groups: members live in the memberships table; a member value that names no user or group of the tenant
 *   → 400 invalidValue.
 */
import type { GroupRow, JsonObject, Store, UserRow } from '../../store/types.ts';
import { ScimError } from '../types/errors.ts';
import { groupResources, storableBody, userResources, type Representation } from './represent.ts';
import type { IndexProbe } from './query-plan.ts';
import type { ResourceTypeName } from './protocol-port.ts';

export interface StoredRow {
  readonly id: string;
  readonly version: number;
}

export interface ResourceKind {
  readonly type: ResourceTypeName;
  readonly endpoint: 'Users' | 'Groups';
  get(store: Store, tenantId: string, id: string): StoredRow | undefined;
  /** Rows of this kind (as returned by get/list/probe/insert/replace) as resources; batched per call. */
  represent(store: Store, tenantId: string, rows: readonly StoredRow[], base: string, opts?: Representation): JsonObject[];
  insert(store: Store, tenantId: string, resource: JsonObject): StoredRow;
  /** `keepDerived`: the resource was built without its derived attribute (members), which stays as stored. */
  replace(store: Store, tenantId: string, id: string, resource: JsonObject, keepDerived?: boolean): StoredRow | undefined;
  /** The attribute derived from other rows (User.groups, Group.members): a PATCH that leaves it alone need not build it. */
  readonly derived: 'groups' | 'members';
  /** Groups: membership lookups and deltas (the PATCH membership delta path). */
  readonly members?: {
    has(store: Store, tenantId: string, groupId: string, memberId: string): boolean;
    change(store: Store, tenantId: string, groupId: string, add: readonly string[], remove: readonly string[]): StoredRow | undefined;
  };
  delete(store: Store, tenantId: string, id: string): boolean;
  count(store: Store, tenantId: string): number;
  list(store: Store, tenantId: string, page?: { offset: number; limit: number }): StoredRow[];
  probe(store: Store, tenantId: string, probe: IndexProbe): StoredRow[];
}

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

function requiredString(resource: JsonObject, name: string): string {
  const key = Object.keys(resource).find((k) => k.toLowerCase() === name.toLowerCase());
  const v = key === undefined ? undefined : resource[key];
  if (typeof v !== 'string' || v.trim() === '') {
    throw ScimError.invalidValue(`"${name}" is required and must be a non-empty string`);
  }
  return v;
}

const get = (resource: JsonObject, name: string): unknown => {
  const key = Object.keys(resource).find((k) => k.toLowerCase() === name.toLowerCase());
  return key === undefined ? undefined : resource[key];
};

export const userKind: ResourceKind = {
  type: 'User',
  endpoint: 'Users',
  derived: 'groups',
  get: (store, t, id) => store.getUser(t, id),
  represent: (store, t, rows, base, opts) => userResources(store, t, rows as readonly UserRow[], base, opts),
  insert: (store, t, resource) =>
    store.insertUser(t, {
      userName: requiredString(resource, 'userName'),
      externalId: str(get(resource, 'externalId')) ?? null,
      active: get(resource, 'active') !== false,
      resource: storableBody(resource),
      hasPassword: typeof get(resource, 'password') === 'string',
    }),
  replace: (store, t, id, resource) =>
    store.replaceUser(t, id, {
      userName: requiredString(resource, 'userName'),
      externalId: str(get(resource, 'externalId')) ?? null,
      active: get(resource, 'active') !== false,
      resource: storableBody(resource),
    }),
  delete: (store, t, id) => store.deleteUser(t, id),
  count: (store, t) => store.countUsers(t),
  list: (store, t, page) => store.listUsers(t, page),
  probe: (store, t, p) => {
    switch (p.key) {
      case 'id': {
        const u = store.getUser(t, p.value);
        return u ? [u] : [];
      }
      case 'userName': {
        const u = store.findUserByUserNameRow(t, p.value);
        return u ? [u] : [];
      }
      case 'externalId':
        return store.findUsersByExternalId(t, p.value);
      default:
        return store.listUsers(t);
    }
  },
};

/** Member ids in order, without duplicates; the store checks each new one names a user or group of the tenant. */
function memberIdsOf(resource: JsonObject): string[] {
  const raw = get(resource, 'members');
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) throw ScimError.invalidValue('"members" must be an array');
  const seen = new Set<string>();
  for (const m of raw) {
    const value = typeof m === 'object' && m !== null ? (m as JsonObject)['value'] : undefined;
    if (typeof value !== 'string' || value === '') throw ScimError.invalidValue('every member needs a string "value"');
    seen.add(value);
  }
  return [...seen];
}

export const groupKind: ResourceKind = {
  type: 'Group',
  endpoint: 'Groups',
  derived: 'members',
  members: {
    has: (store, t, groupId, memberId) => store.hasMember(t, groupId, memberId),
    change: (store, t, groupId, add, remove) => store.changeMembers(t, groupId, add, remove),
  },
  get: (store, t, id) => store.getGroup(t, id),
  represent: (store, t, rows, base, opts) => groupResources(store, t, rows as readonly GroupRow[], base, opts),
  insert: (store, t, resource) =>
    store.insertGroup(
      t,
      {
        displayName: requiredString(resource, 'displayName'),
        externalId: str(get(resource, 'externalId')) ?? null,
        resource: storableBody(resource),
      },
      memberIdsOf(resource),
    ),
  replace: (store, t, id, resource, keepDerived) =>
    store.replaceGroup(
      t,
      id,
      {
        displayName: requiredString(resource, 'displayName'),
        externalId: str(get(resource, 'externalId')) ?? null,
        resource: storableBody(resource),
      },
      keepDerived ? undefined : memberIdsOf(resource),
    ),
  delete: (store, t, id) => store.deleteGroup(t, id),
  count: (store, t) => store.countGroups(t),
  list: (store, t, page) => store.listGroups(t, page),
  probe: (store, t, p) => {
    switch (p.key) {
      case 'id': {
        const g = store.getGroup(t, p.value);
        return g ? [g] : [];
      }
      case 'externalId':
        return store.findGroupsByExternalId(t, p.value);
      case 'displayName':
        return store.findGroupsByDisplayNameKey(t, p.value);
      default:
        return store.listGroups(t);
    }
  },
};
