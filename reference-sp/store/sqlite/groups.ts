/*
 * Groups and memberships (the GroupStore port).
 *
 * - displayName is unique per tenant, exactly (groups_tenant_display_name); `displayName eq` is served by
 *   display_name_key, folded the way the filter evaluator compares (../keys.ts, ../migrations.ts).
 * - A member is a user or a group of the same tenant; memberships.member_id has no foreign key, so deleting a
 *   member removes its memberships here and bumps those groups' versions (RFC 7644 §3.6).
 * - Reads that serve a page are batched, one query each (../batch-sql.ts): the members of every group of a
 *   page, the groups of every user of a page, the types of a PATCH's new members.
 * - setMembers writes only the difference (a PUT adding one member to a group of 10,000 writes one row) and
 *   keeps the insertion order of those that stay; changeMembers writes a PATCH's delta without reading the
 *   group's other members (primary-key deletes, one typing query, the last seq from the (group_id, seq) index).
 */
import { randomUUID } from 'node:crypto';
import { BATCH_SQL } from '../batch-sql.ts';
import { StoreError } from '../errors.ts';
import { displayNameKey } from '../keys.ts';
import type { GroupRef, GroupRow, GroupStore, JsonObject, MemberRef, MemberType, NewGroupRow, Page } from '../types.ts';
import { isUniqueViolation, type SqliteDatabase } from './database.ts';
import { prepareAll, sql } from './statements.ts';
import type { TenantPort } from './tenants.ts';

export interface GroupDbRow {
  id: string;
  tenant_id: string;
  display_name: string;
  external_id: string | null;
  resource: string;
  version: number;
  created: string;
  last_modified: string;
}

const toGroup = (r: GroupDbRow): GroupRow => ({
  id: r.id,
  tenantId: r.tenant_id,
  displayName: r.display_name,
  externalId: r.external_id,
  resource: JSON.parse(r.resource) as JsonObject,
  version: r.version,
  created: r.created,
  lastModified: r.last_modified,
});

const NO_PAGE: Page = { offset: 0, limit: -1 };

/**
 * The statements a membership delta runs (changeMembers, and PATCH's hasMember lookups): each reaches one row,
 * or the last one of the group, through the primary key (group_id, member_id) or memberships_group_seq — never a
 * scan of the group's members (../membership-delta.test.ts checks the plans).
 */
export const MEMBER_DELTA_SQL = {
  has: 'SELECT 1 AS x FROM memberships WHERE group_id = ? AND member_id = ?',
  maxSeq: 'SELECT COALESCE(MAX(seq), 0) AS n FROM memberships WHERE group_id = ?',
  delete: 'DELETE FROM memberships WHERE group_id = ? AND member_id = ?',
  insertAt: 'INSERT OR IGNORE INTO memberships (tenant_id, group_id, member_id, member_type, seq) VALUES (?, ?, ?, ?, ?)',
} as const;

type MembershipDbRow = { group_id: string; member_id: string; member_type: MemberType };

/** GroupStore plus what the users and SSO modules need from memberships. */
export interface GroupPort extends GroupStore {
  /** Removes the member from every group of the tenant, bumping those groups' versions. */
  removeFromAllGroups(tenantId: string, memberId: string): void;
  /** Adds one user to one group (no-op when already a member), bumping the group's version. */
  addMember(tenantId: string, groupId: string, memberId: string, memberType: MemberType): void;
  /** Removes one member from one group, bumping the group's version. */
  removeMember(tenantId: string, groupId: string, memberId: string): void;
}

export function sqliteGroups(d: SqliteDatabase, tenants: TenantPort): GroupPort {
  const s = prepareAll(d.db, {
    insert: sql<[id: string, tenantId: string, displayName: string, displayNameKey: string, externalId: string | null, resource: string, created: string, lastModified: string]>(
      `INSERT INTO groups (id, tenant_id, display_name, display_name_key, external_id, resource, version,
        created, last_modified) VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?)`,
    ),
    get: sql<[id: string, tenantId: string], GroupDbRow>('SELECT * FROM groups WHERE id = ? AND tenant_id = ?'),
    byName: sql<[tenantId: string, displayName: string], GroupDbRow>('SELECT * FROM groups WHERE tenant_id = ? AND display_name = ?'),
    byNameKey: sql<[tenantId: string, key: string], GroupDbRow>('SELECT * FROM groups WHERE tenant_id = ? AND display_name_key = ? ORDER BY seq'),
    byExternalId: sql<[tenantId: string, externalId: string], GroupDbRow>('SELECT * FROM groups WHERE tenant_id = ? AND external_id = ? ORDER BY seq'),
    update: sql<[displayName: string, key: string, externalId: string | null, resource: string, lastModified: string, id: string, tenantId: string]>(
      `UPDATE groups SET display_name = ?, display_name_key = ?, external_id = ?, resource = ?,
        version = version + 1, last_modified = ? WHERE id = ? AND tenant_id = ?`,
    ),
    touch: sql<[lastModified: string, id: string, tenantId: string]>('UPDATE groups SET version = version + 1, last_modified = ? WHERE id = ? AND tenant_id = ?'),
    delete: sql<[id: string, tenantId: string]>('DELETE FROM groups WHERE id = ? AND tenant_id = ?'),
    list: sql<[tenantId: string, limit: number, offset: number], GroupDbRow>('SELECT * FROM groups WHERE tenant_id = ? ORDER BY seq LIMIT ? OFFSET ?'),
    count: sql<[tenantId: string], { n: number }>('SELECT COUNT(*) AS n FROM groups WHERE tenant_id = ?'),
    exists: sql<[id: string, tenantId: string], { x: number }>('SELECT 1 AS x FROM groups WHERE id = ? AND tenant_id = ?'),
    userExists: sql<[id: string, tenantId: string], { x: number }>('SELECT 1 AS x FROM users WHERE id = ? AND tenant_id = ?'),
    memberInsert: sql<[tenantId: string, groupId: string, memberId: string, memberType: MemberType, groupIdForSeq: string]>(
      `INSERT OR IGNORE INTO memberships (tenant_id, group_id, member_id, member_type, seq)
        VALUES (?, ?, ?, ?, (SELECT COALESCE(MAX(seq), 0) + 1 FROM memberships WHERE group_id = ?))`,
    ),
    memberInsertAt: sql<[tenantId: string, groupId: string, memberId: string, memberType: MemberType, seq: number]>(MEMBER_DELTA_SQL.insertAt),
    memberHas: sql<[groupId: string, memberId: string], { x: number }>(MEMBER_DELTA_SQL.has),
    memberMaxSeq: sql<[groupId: string], { n: number }>(MEMBER_DELTA_SQL.maxSeq),
    memberDelete: sql<[groupId: string, memberId: string]>(MEMBER_DELTA_SQL.delete),
    membersOf: sql<[groupId: string], MembershipDbRow>('SELECT group_id, member_id, member_type FROM memberships WHERE group_id = ? ORDER BY seq'),
    groupsOfMember: sql<[tenantId: string, memberId: string], GroupDbRow>(
      `SELECT g.* FROM memberships m JOIN groups g ON g.id = m.group_id WHERE m.tenant_id = ? AND m.member_id = ? ORDER BY g.seq`,
    ),
    memberRemoveEverywhere: sql<[tenantId: string, memberId: string]>('DELETE FROM memberships WHERE tenant_id = ? AND member_id = ?'),
    membersOfGroups: sql<[ids: string, tenantId: string], MembershipDbRow>(BATCH_SQL.membersOfGroups),
    membersOfGroupsWithDisplay: sql<[ids: string, tenantId: string], MembershipDbRow & { display: string | null }>(BATCH_SQL.membersOfGroupsWithDisplay),
    groupRefsOfMembers: sql<[ids: string, tenantId: string], { member_id: string; id: string; display_name: string }>(BATCH_SQL.groupRefsOfMembers),
    memberTypes: sql<[ids: string, tenantId: string, ids2: string, tenantId2: string], { id: string; member_type: MemberType }>(BATCH_SQL.memberTypes),
  });

  const uniquenessError = (displayName: string) => new StoreError('uniqueness/group-displayName', `a group named "${displayName}" already exists in this tenant`);

  const port: GroupPort = {
    insertGroup(tenantId, group, memberIds = []) {
      const id = group.id ?? randomUUID();
      const now = d.now();
      return d.transaction(() => {
        tenants.ensureTenant(tenantId);
        if (port.findGroupByDisplayName(tenantId, group.displayName)) throw uniquenessError(group.displayName);
        try {
          s.insert.run(id, tenantId, group.displayName, displayNameKey(group.displayName), group.externalId ?? null, JSON.stringify(group.resource), now, now);
        } catch (e) {
          if (isUniqueViolation(e)) throw new StoreError('uniqueness/id', `id "${id}" already exists`);
          throw e;
        }
        setMembers(tenantId, id, memberIds);
        return port.getGroup(tenantId, id)!;
      });
    },

    getGroup(tenantId, id) {
      const r = s.get.get(id, tenantId);
      return r && toGroup(r);
    },

    findGroupByDisplayName(tenantId, displayName) {
      const r = s.byName.get(tenantId, displayName);
      return r && toGroup(r);
    },

    findGroupsByDisplayNameKey: (tenantId, displayName) => s.byNameKey.all(tenantId, displayNameKey(displayName)).map(toGroup),

    findGroupsByExternalId: (tenantId, externalId) => s.byExternalId.all(tenantId, externalId).map(toGroup),

    replaceGroup(tenantId, id, group: Omit<NewGroupRow, 'id'>, memberIds) {
      return d.transaction(() => {
        const clash = port.findGroupByDisplayName(tenantId, group.displayName);
        if (clash && clash.id !== id) throw uniquenessError(group.displayName);
        const changed = s.update.run(group.displayName, displayNameKey(group.displayName), group.externalId ?? null, JSON.stringify(group.resource), d.now(), id, tenantId).changes;
        if (changed === 0) return undefined;
        if (memberIds) setMembers(tenantId, id, memberIds);
        return port.getGroup(tenantId, id);
      });
    },

    deleteGroup(tenantId, id) {
      return d.transaction(() => {
        port.removeFromAllGroups(tenantId, id);
        return s.delete.run(id, tenantId).changes > 0;
      });
    },

    hasMember: (_tenantId, groupId, memberId) => s.memberHas.get(groupId, memberId) !== undefined,

    changeMembers(tenantId, groupId, add, remove) {
      return d.transaction(() => {
        let changed = 0;
        for (const memberId of remove) changed += s.memberDelete.run(groupId, memberId).changes;
        changed += appendMembers(tenantId, groupId, add);
        if (changed === 0) return undefined;
        s.touch.run(d.now(), groupId, tenantId);
        return port.getGroup(tenantId, groupId);
      });
    },

    listGroups: (tenantId, page = NO_PAGE) => s.list.all(tenantId, page.limit, page.offset).map(toGroup),

    countGroups: (tenantId) => s.count.get(tenantId)!.n,

    membersOf(tenantId, groupId) {
      if (!s.exists.get(groupId, tenantId)) return [];
      return s.membersOf.all(groupId).map((r) => ({ groupId: r.group_id, memberId: r.member_id, memberType: r.member_type }));
    },

    membersOfGroups(tenantId, groupIds, options = {}) {
      const out = new Map<string, MemberRef[]>(groupIds.map((id) => [id, []]));
      if (groupIds.length === 0) return out;
      const ids = JSON.stringify([...new Set(groupIds)]);
      const rows: Array<MembershipDbRow & { display?: string | null }> =
        (options.display ?? true) ? s.membersOfGroupsWithDisplay.all(ids, tenantId) : s.membersOfGroups.all(ids, tenantId);
      for (const r of rows) {
        const ref: MemberRef =
          typeof r.display === 'string' ? { memberId: r.member_id, memberType: r.member_type, display: r.display } : { memberId: r.member_id, memberType: r.member_type };
        out.get(r.group_id)?.push(ref);
      }
      return out;
    },

    groupRefsOfMembers(tenantId, memberIds) {
      const out = new Map<string, GroupRef[]>(memberIds.map((id) => [id, []]));
      if (memberIds.length === 0) return out;
      for (const r of s.groupRefsOfMembers.all(JSON.stringify([...new Set(memberIds)]), tenantId)) {
        out.get(r.member_id)?.push({ id: r.id, displayName: r.display_name });
      }
      return out;
    },

    groupsOfMember: (tenantId, memberId) => s.groupsOfMember.all(tenantId, memberId).map(toGroup),

    memberType(tenantId, memberId) {
      if (s.userExists.get(memberId, tenantId)) return 'User';
      if (s.exists.get(memberId, tenantId)) return 'Group';
      return undefined;
    },

    memberTypes(tenantId, memberIds) {
      const out = new Map<string, MemberType>();
      if (memberIds.length === 0) return out;
      const ids = JSON.stringify([...new Set(memberIds)]);
      for (const r of s.memberTypes.all(ids, tenantId, ids, tenantId)) {
        if (r.member_type === 'User' || !out.has(r.id)) out.set(r.id, r.member_type); // a user wins, as in memberType
      }
      return out;
    },

    removeFromAllGroups(tenantId, memberId) {
      const now = d.now();
      for (const g of port.groupsOfMember(tenantId, memberId)) s.touch.run(now, g.id, tenantId);
      s.memberRemoveEverywhere.run(tenantId, memberId);
    },

    addMember(tenantId, groupId, memberId, memberType) {
      s.memberInsert.run(tenantId, groupId, memberId, memberType, groupId);
      s.touch.run(d.now(), groupId, tenantId);
    },

    removeMember(tenantId, groupId, memberId) {
      s.memberDelete.run(groupId, memberId);
      s.touch.run(d.now(), groupId, tenantId);
    },
  };

  /** Sets the group's members to exactly `memberIds`, writing only what changes. */
  function setMembers(tenantId: string, groupId: string, memberIds: readonly string[]): void {
    const current = new Set(s.membersOf.all(groupId).map((r) => r.member_id));
    const wanted = new Set(memberIds);
    for (const id of current) if (!wanted.has(id)) s.memberDelete.run(groupId, id);
    appendMembers(
      tenantId,
      groupId,
      [...wanted].filter((id) => !current.has(id)),
    );
  }

  /** Appends members that are not in the group yet, after its last one; returns how many rows were written. */
  function appendMembers(tenantId: string, groupId: string, added: readonly string[]): number {
    if (added.length === 0) return 0;
    // One query types every new member (a PATCH adding 1,000 members is not 2,000 lookups).
    const types = port.memberTypes(tenantId, added);
    let seq = s.memberMaxSeq.get(groupId)!.n;
    let written = 0;
    for (const memberId of added) {
      const type = types.get(memberId);
      if (type === undefined) throw new StoreError('not-found/member', `member "${memberId}" is not a user or group of this tenant`);
      written += s.memberInsertAt.run(tenantId, groupId, memberId, type, ++seq).changes;
    }
    return written;
  }

  return port;
}
