/*
 * Stored rows → SCIM resources.
 * - RFC 7643 §3.1: id, externalId and meta (resourceType, created, lastModified, location, version) are set by
 *   the service provider, never taken from the client.
 * - RFC 7644 §3.14: meta.version is the ETag.
 * - RFC 7643 §4.1.2: User.groups is readOnly and derived from Group membership (direct memberships).
 * - RFC 7643 §4.2: Group.members with value, $ref, type and display.
 */
import type { GroupRow, JsonObject, Membership, Store, UserRow } from '../../store/types.ts';
import { etagOf } from '../http/etag.ts';

export const USER_SCHEMA_URN = 'urn:ietf:params:scim:schemas:core:2.0:User';
export const GROUP_SCHEMA_URN = 'urn:ietf:params:scim:schemas:core:2.0:Group';

/** Attributes the server owns and strips from stored bodies. */
const SERVER_OWNED = new Set(['id', 'meta', 'groups', 'members', 'password']);

/** The body to store: the client's resource without server-owned attributes. */
export function storableBody(resource: JsonObject): JsonObject {
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(resource)) if (!SERVER_OWNED.has(k.toLowerCase())) out[k] = v;
  return out;
}

const meta = (
  resourceType: 'User' | 'Group',
  row: { id: string; created: string; lastModified: string; version: number },
  base: string,
) => ({
  resourceType,
  created: row.created,
  lastModified: row.lastModified,
  location: `${base}/${resourceType === 'User' ? 'Users' : 'Groups'}/${row.id}`,
  version: etagOf(row.version),
});

export function userResource(store: Store, row: UserRow, base: string): JsonObject {
  const { schemas, ...rest } = row.resource;
  const out: JsonObject = { schemas: Array.isArray(schemas) ? schemas : [USER_SCHEMA_URN], id: row.id, ...rest };
  const groups = store.groupsOfMember(row.tenantId, row.id);
  if (groups.length > 0) {
    out['groups'] = groups.map((g) => ({
      value: g.id,
      $ref: `${base}/Groups/${g.id}`,
      display: g.displayName,
      type: 'direct',
    }));
  }
  out['meta'] = meta('User', row, base);
  return out;
}

export function memberValues(
  store: Store,
  tenantId: string,
  members: readonly Membership[],
  base: string,
  withDisplay = true,
): JsonObject[] {
  return members.map((m) => {
    const display = !withDisplay
      ? undefined
      : m.memberType === 'User'
        ? displayOfUser(store.getUser(tenantId, m.memberId))
        : store.getGroup(tenantId, m.memberId)?.displayName;
    return {
      value: m.memberId,
      $ref: `${base}/${m.memberType === 'User' ? 'Users' : 'Groups'}/${m.memberId}`,
      type: m.memberType,
      ...(display !== undefined ? { display } : {}),
    };
  });
}

const displayOfUser = (u: UserRow | undefined): string | undefined =>
  u === undefined ? undefined : typeof u.resource['displayName'] === 'string' ? u.resource['displayName'] : u.userName;

export interface GroupRepresentation {
  /** Include members at all (left out for excludedAttributes=members). */
  readonly withMembers?: boolean | undefined;
  /** Look up each member's display (one read per member; skipped when only values are needed). */
  readonly memberDisplay?: boolean | undefined;
}

export function groupResource(store: Store, row: GroupRow, base: string, opts: GroupRepresentation = {}): JsonObject {
  const { schemas, ...rest } = row.resource;
  const out: JsonObject = { schemas: Array.isArray(schemas) ? schemas : [GROUP_SCHEMA_URN], id: row.id, ...rest };
  if (opts.withMembers ?? true) {
    const members = store.membersOf(row.tenantId, row.id);
    if (members.length > 0) out['members'] = memberValues(store, row.tenantId, members, base, opts.memberDisplay ?? true);
  }
  out['meta'] = meta('Group', row, base);
  return out;
}
