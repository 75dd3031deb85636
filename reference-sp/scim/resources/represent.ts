/*
 * Stored rows → SCIM resources.
 * - RFC 7643 §3.1: id, externalId and meta (resourceType, created, lastModified, location, version) are set by
 *   the service provider, never taken from the client.
 * - RFC 7644 §3.14: meta.version is the ETag.
 * - RFC 7643 §4.1.2: User.groups is readOnly and derived from Group membership (direct memberships).
 * - RFC 7643 §4.2: Group.members with value, $ref, type and display.
 */
import type { GroupRow, JsonObject, Store, UserRow } from '../../store/types.ts';
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

const meta = (resourceType: 'User' | 'Group', row: { id: string; created: string; lastModified: string; version: number }, base: string) => ({
  resourceType,
  created: row.created,
  lastModified: row.lastModified,
  location: `${base}/${resourceType === 'User' ? 'Users' : 'Groups'}/${row.id}`,
  version: etagOf(row.version),
});

/**
 * What to build beyond the stored body. Leaving out what the response will not return (RFC 7644 §3.4.2.5
 * attributes/excludedAttributes) is the point: a group of 10,000 members asked for with
 * excludedAttributes=members costs no membership read at all. See ./needs.ts for how a request decides.
 */
export interface Representation {
  /** Group.members (default true). */
  readonly withMembers?: boolean | undefined;
  /** Group.members[].display (default true): one join for the whole page, never one read per member. */
  readonly memberDisplay?: boolean | undefined;
  /** User.groups (default true). */
  readonly withGroups?: boolean | undefined;
}

/** Users as SCIM resources; the groups of the whole page come from one query. */
export function userResources(store: Store, tenantId: string, rows: readonly UserRow[], base: string, opts: Representation = {}): JsonObject[] {
  const groupsOf =
    (opts.withGroups ?? true)
      ? store.groupRefsOfMembers(
          tenantId,
          rows.map((r) => r.id),
        )
      : undefined;
  return rows.map((row) => {
    const { schemas, ...rest } = row.resource;
    const out: JsonObject = { schemas: Array.isArray(schemas) ? schemas : [USER_SCHEMA_URN], id: row.id, ...rest };
    const groups = groupsOf?.get(row.id) ?? [];
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
  });
}

/**
 * Groups as SCIM resources; the members of the whole page (and their display: a user's displayName, else its
 * userName; a group's displayName) come from one query.
 */
export function groupResources(store: Store, tenantId: string, rows: readonly GroupRow[], base: string, opts: Representation = {}): JsonObject[] {
  const membersOf =
    (opts.withMembers ?? true)
      ? store.membersOfGroups(
          tenantId,
          rows.map((r) => r.id),
          { display: opts.memberDisplay ?? true },
        )
      : undefined;
  return rows.map((row) => {
    const { schemas, ...rest } = row.resource;
    const out: JsonObject = { schemas: Array.isArray(schemas) ? schemas : [GROUP_SCHEMA_URN], id: row.id, ...rest };
    const members = membersOf?.get(row.id) ?? [];
    if (members.length > 0) {
      out['members'] = members.map((m) => ({
        value: m.memberId,
        $ref: `${base}/${m.memberType === 'User' ? 'Users' : 'Groups'}/${m.memberId}`,
        type: m.memberType,
        ...(m.display !== undefined ? { display: m.display } : {}),
      }));
    }
    out['meta'] = meta('Group', row, base);
    return out;
  });
}
