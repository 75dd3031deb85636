/*
 * Users (the UserStore port).
 *
 * - userName is unique per tenant case-insensitively (RFC 7643 §4.1.1: caseExact false, uniqueness server),
 *   through user_name_key (../keys.ts) and its unique index; `userName eq` is one index probe.
 * - externalId is caseExact (RFC 7643 §3.1), served from an index.
 * - Deleting a user removes it from every group, bumping those groups' versions (RFC 7644 §3.6), and remembers
 *   its userName as deleted (scim_deleted_users) until a user of that name is inserted again.
 */
import { randomUUID } from 'node:crypto';
import { StoreError } from '../errors.ts';
import { userNameKey } from '../keys.ts';
import type { JsonObject, NewUserRow, Page, UserRow, UserStore } from '../types.ts';
import { isUniqueViolation, type SqliteDatabase } from './database.ts';
import type { GroupPort } from './groups.ts';
import { prepareAll, sql } from './statements.ts';
import type { TenantPort } from './tenants.ts';

interface UserDbRow {
  id: string;
  tenant_id: string;
  user_name: string;
  external_id: string | null;
  active: number;
  resource: string;
  version: number;
  created: string;
  last_modified: string;
  has_password: number;
}

const toUser = (r: UserDbRow): UserRow => ({
  id: r.id,
  tenantId: r.tenant_id,
  userName: r.user_name,
  externalId: r.external_id,
  active: r.active === 1,
  resource: JSON.parse(r.resource) as JsonObject,
  version: r.version,
  created: r.created,
  lastModified: r.last_modified,
  hasPassword: r.has_password === 1,
});

const NO_PAGE: Page = { offset: 0, limit: -1 };

export function sqliteUsers(d: SqliteDatabase, tenants: TenantPort, groups: GroupPort): UserStore {
  const s = prepareAll(d.db, {
    insert: sql<
      [
        id: string,
        tenantId: string,
        userName: string,
        key: string,
        externalId: string | null,
        active: number,
        resource: string,
        created: string,
        lastModified: string,
        hasPassword: number,
      ]
    >(
      `INSERT INTO users (id, tenant_id, user_name, user_name_key, external_id, active, resource,
        version, created, last_modified, has_password) VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?)`,
    ),
    get: sql<[id: string, tenantId: string], UserDbRow>('SELECT * FROM users WHERE id = ? AND tenant_id = ?'),
    byName: sql<[tenantId: string, key: string], UserDbRow>('SELECT * FROM users WHERE tenant_id = ? AND user_name_key = ?'),
    byExternalId: sql<[tenantId: string, externalId: string], UserDbRow>('SELECT * FROM users WHERE tenant_id = ? AND external_id = ? ORDER BY seq'),
    update: sql<[userName: string, key: string, externalId: string | null, active: number, resource: string, lastModified: string, id: string, tenantId: string]>(
      `UPDATE users SET user_name = ?, user_name_key = ?, external_id = ?, active = ?, resource = ?,
        version = version + 1, last_modified = ? WHERE id = ? AND tenant_id = ?`,
    ),
    delete: sql<[id: string, tenantId: string]>('DELETE FROM users WHERE id = ? AND tenant_id = ?'),
    rememberDeleted: sql<[tenantId: string, key: string, deletedAt: string]>('INSERT OR REPLACE INTO scim_deleted_users (tenant_id, user_name_key, deleted_at) VALUES (?, ?, ?)'),
    forgetDeleted: sql<[tenantId: string, key: string]>('DELETE FROM scim_deleted_users WHERE tenant_id = ? AND user_name_key = ?'),
    list: sql<[tenantId: string, limit: number, offset: number], UserDbRow>('SELECT * FROM users WHERE tenant_id = ? ORDER BY seq LIMIT ? OFFSET ?'),
    count: sql<[tenantId: string], { n: number }>('SELECT COUNT(*) AS n FROM users WHERE tenant_id = ?'),
  });

  const taken = (userName: string) => new StoreError('uniqueness/userName', `userName "${userName}" is already taken in this tenant`);

  const port: UserStore = {
    insertUser(tenantId, user) {
      const id = user.id ?? randomUUID();
      const now = d.now();
      return d.transaction(() => {
        tenants.ensureTenant(tenantId);
        if (port.findUserByUserNameRow(tenantId, user.userName)) throw taken(user.userName);
        s.forgetDeleted.run(tenantId, userNameKey(user.userName));
        try {
          s.insert.run(
            id,
            tenantId,
            user.userName,
            userNameKey(user.userName),
            user.externalId ?? null,
            user.active ? 1 : 0,
            JSON.stringify(user.resource),
            now,
            now,
            user.hasPassword ? 1 : 0,
          );
        } catch (e) {
          if (isUniqueViolation(e)) throw new StoreError('uniqueness/id', `id "${id}" already exists`);
          throw e;
        }
        return port.getUser(tenantId, id)!;
      });
    },

    getUser(tenantId, id) {
      const r = s.get.get(id, tenantId);
      return r && toUser(r);
    },

    findUserByUserNameRow(tenantId, userName) {
      const r = s.byName.get(tenantId, userNameKey(userName));
      return r && toUser(r);
    },

    findUsersByExternalId: (tenantId, externalId) => s.byExternalId.all(tenantId, externalId).map(toUser),

    replaceUser(tenantId, id, user: Omit<NewUserRow, 'id' | 'hasPassword'>) {
      return d.transaction(() => {
        const clash = port.findUserByUserNameRow(tenantId, user.userName);
        if (clash && clash.id !== id) throw taken(user.userName);
        const changed = s.update.run(
          user.userName,
          userNameKey(user.userName),
          user.externalId ?? null,
          user.active ? 1 : 0,
          JSON.stringify(user.resource),
          d.now(),
          id,
          tenantId,
        ).changes;
        return changed === 0 ? undefined : port.getUser(tenantId, id);
      });
    },

    deleteUser(tenantId, id) {
      return d.transaction(() => {
        groups.removeFromAllGroups(tenantId, id);
        const row = s.get.get(id, tenantId);
        if (row) s.rememberDeleted.run(tenantId, userNameKey(row.user_name), d.now());
        return s.delete.run(id, tenantId).changes > 0;
      });
    },

    listUsers: (tenantId, page = NO_PAGE) => s.list.all(tenantId, page.limit, page.offset).map(toUser),

    countUsers: (tenantId) => s.count.get(tenantId)!.n,
  };
  return port;
}
