/*
 * The SAML side's port (../sso-directory.ts) over the same tables the SCIM server writes, so a user
 * provisioned over SCIM is the user who signs in, and one deactivated or deleted over SCIM is refused.
 *
 * - findUserByUserName reads the SsoUser in one query: the fields sign-in needs are projected by SQL from the
 *   stored resource (json_extract, only when the value is a string) with the user's direct group names; the
 *   SCIM body is never parsed into a SCIM object and mapped back in JS, and there is no second query per user.
 *   The email is the primary one, else the first of type "work", else the first (RFC 7643 §4.1.2 emails).
 * - createUser (just-in-time provisioning) writes the SCIM body a SCIM client will read (RFC 7643 §4.1) and
 *   answers the SsoUser it already knows, without reading it back through that body.
 * - replaceGroupMemberships writes only the difference, in one transaction, creating missing groups.
 */
import { StoreError } from '../errors.ts';
import { userNameKey } from '../keys.ts';
import type { GroupSyncResult, NewSsoUser, SsoDirectory, SsoProfile, SsoUser } from '../sso-directory.ts';
import type { JsonObject, UserStore } from '../types.ts';
import type { SqliteDatabase } from './database.ts';
import type { GroupPort } from './groups.ts';
import { prepareAll, sql } from './statements.ts';

export const USER_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:User';
export const GROUP_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:Group';

interface SsoUserDbRow {
  id: string;
  tenant_id: string;
  user_name: string;
  active: number;
  has_password: number;
  email: string | null;
  given_name: string | null;
  family_name: string | null;
  display_name: string | null;
  /** JSON array of display names. */
  groups: string;
}

const text = (path: string) => `CASE WHEN json_type(u.resource, '${path}') = 'text' THEN json_extract(u.resource, '${path}') END`;

const SSO_USER_SQL = `SELECT u.id, u.tenant_id, u.user_name, u.active, u.has_password,
    ${text('$.name.givenName')} AS given_name,
    ${text('$.name.familyName')} AS family_name,
    ${text('$.displayName')} AS display_name,
    (SELECT CASE WHEN e.type = 'object' AND json_type(e.value, '$.value') = 'text' THEN json_extract(e.value, '$.value') END
       FROM json_each(u.resource, '$.emails') AS e
       WHERE json_type(u.resource, '$.emails') = 'array'
       ORDER BY CASE
         WHEN e.type = 'object' AND json_type(e.value, '$.primary') = 'true' THEN 0
         WHEN e.type = 'object' AND json_type(e.value, '$.type') = 'text' AND json_extract(e.value, '$.type') = 'work' THEN 1
         ELSE 2 END, e.key
       LIMIT 1) AS email,
    (SELECT json_group_array(display_name) FROM (
       SELECT g.display_name FROM memberships m JOIN groups g ON g.id = m.group_id
       WHERE m.tenant_id = u.tenant_id AND m.member_id = u.id ORDER BY g.seq)) AS groups
  FROM users u WHERE u.tenant_id = ? AND u.user_name_key = ?`;

const orUndefined = (v: string | null): string | undefined => v ?? undefined;

const toSsoUser = (r: SsoUserDbRow): SsoUser => ({
  id: r.id,
  tenantId: r.tenant_id,
  userName: r.user_name,
  active: r.active === 1,
  email: orUndefined(r.email),
  givenName: orUndefined(r.given_name),
  familyName: orUndefined(r.family_name),
  displayName: orUndefined(r.display_name),
  groups: JSON.parse(r.groups) as string[],
  hasPassword: r.has_password === 1,
});

/** The SCIM User body (RFC 7643 §4.1) of a user created at sign-in. */
function scimUserOf(user: NewSsoUser): JsonObject {
  const resource: JsonObject = { schemas: [USER_SCHEMA], userName: user.userName, active: true };
  if (user.givenName !== undefined || user.familyName !== undefined) {
    resource['name'] = {
      ...(user.givenName !== undefined ? { givenName: user.givenName } : {}),
      ...(user.familyName !== undefined ? { familyName: user.familyName } : {}),
    };
  }
  if (user.displayName !== undefined) resource['displayName'] = user.displayName;
  if (user.email !== undefined) resource['emails'] = [{ value: user.email, type: 'work', primary: true }];
  return resource;
}

/** The primary email of a SCIM User body, read as SSO_USER_SQL reads it (primary, else work, else first). */
function emailIndex(emails: unknown): number {
  if (!Array.isArray(emails) || emails.length === 0) return -1;
  const obj = (e: unknown): e is JsonObject => typeof e === 'object' && e !== null && !Array.isArray(e);
  const primary = emails.findIndex((e) => obj(e) && e['primary'] === true);
  if (primary >= 0) return primary;
  const work = emails.findIndex((e) => obj(e) && e['type'] === 'work');
  return Math.max(work, 0);
}

/** The SCIM body with `profile` written onto it, and the fields that changed (RFC 7643 §4.1.1, §4.1.2). */
function withProfile(resource: JsonObject, current: SsoUser, profile: SsoProfile): { resource: JsonObject; changed: (keyof SsoProfile)[] } {
  const next: JsonObject = structuredClone(resource);
  const changed: (keyof SsoProfile)[] = [];
  const name = (typeof next['name'] === 'object' && next['name'] !== null && !Array.isArray(next['name']) ? next['name'] : {}) as JsonObject;
  if (profile.givenName !== undefined && profile.givenName !== current.givenName) {
    next['name'] = Object.assign(name, { givenName: profile.givenName });
    changed.push('givenName');
  }
  if (profile.familyName !== undefined && profile.familyName !== current.familyName) {
    next['name'] = Object.assign(name, { familyName: profile.familyName });
    changed.push('familyName');
  }
  if (profile.displayName !== undefined && profile.displayName !== current.displayName) {
    next['displayName'] = profile.displayName;
    changed.push('displayName');
  }
  if (profile.email !== undefined && profile.email !== current.email) {
    const emails = Array.isArray(next['emails']) ? [...next['emails']] : [];
    const i = emailIndex(emails);
    const at = emails[i];
    if (i < 0 || typeof at !== 'object' || at === null || Array.isArray(at)) emails.splice(0, 0, { value: profile.email, type: 'work', primary: true });
    else emails[i] = { ...at, value: profile.email };
    next['emails'] = emails;
    changed.push('email');
  }
  return { resource: next, changed };
}

export function sqliteSsoDirectory(d: SqliteDatabase, users: UserStore, groups: GroupPort): SsoDirectory {
  const s = prepareAll(d.db, {
    byUserName: sql<[tenantId: string, key: string], SsoUserDbRow>(SSO_USER_SQL),
    deleted: sql<[tenantId: string, key: string], { one: number }>('SELECT 1 AS one FROM scim_deleted_users WHERE tenant_id = ? AND user_name_key = ?'),
  });
  return {
    findUserByUserName(tenantId, userName) {
      const r = s.byUserName.get(tenantId, userNameKey(userName));
      return r && toSsoUser(r);
    },

    createUser(tenantId, user) {
      const row = users.insertUser(tenantId, { userName: user.userName, active: true, resource: scimUserOf(user), hasPassword: false });
      return {
        id: row.id,
        tenantId,
        userName: row.userName,
        active: true,
        email: user.email,
        givenName: user.givenName,
        familyName: user.familyName,
        displayName: user.displayName,
        groups: [],
        hasPassword: false,
      };
    },

    wasDeletedOverScim(tenantId, userName) {
      return s.deleted.get(tenantId, userNameKey(userName)) !== undefined;
    },

    updateProfile(tenantId, userId, profile) {
      return d.transaction(() => {
        const row = users.getUser(tenantId, userId);
        const current = row && s.byUserName.get(tenantId, userNameKey(row.userName));
        if (!row || !current) throw new StoreError('not-found/member', `user "${userId}" is not a user of this tenant`);
        const { resource, changed } = withProfile(row.resource, toSsoUser(current), profile);
        if (changed.length > 0) users.replaceUser(tenantId, userId, { userName: row.userName, externalId: row.externalId, active: row.active, resource });
        return changed;
      });
    },

    replaceGroupMemberships(tenantId, userId, groupNames, options): GroupSyncResult {
      return d.transaction(() => {
        if (!users.getUser(tenantId, userId)) throw new StoreError('not-found/member', `user "${userId}" is not a user of this tenant`);
        const preserve = new Set(options.preserve);
        const wanted = new Set(groupNames.filter((n) => !preserve.has(n)));
        const current = groups.groupsOfMember(tenantId, userId).filter((g) => !preserve.has(g.displayName));
        const currentNames = new Set(current.map((g) => g.displayName));
        const added: string[] = [];
        const removed: string[] = [];
        for (const g of current) {
          if (wanted.has(g.displayName)) continue;
          groups.removeMember(tenantId, g.id, userId);
          removed.push(g.displayName);
        }
        for (const name of wanted) {
          if (currentNames.has(name)) continue;
          const group =
            groups.findGroupByDisplayName(tenantId, name) ?? groups.insertGroup(tenantId, { displayName: name, resource: { schemas: [GROUP_SCHEMA], displayName: name } });
          groups.addMember(tenantId, group.id, userId, 'User');
          added.push(name);
        }
        return { added, removed };
      });
    },

    existingGroupNames(tenantId, groupNames) {
      return groupNames.filter((name) => groups.findGroupByDisplayName(tenantId, name) !== undefined);
    },
  };
}
