/*
 * The better-sqlite3 implementation of Store.
 *
 * - Durability: WAL with synchronous=FULL, so a write whose response reached the client survives kill -9
 *   (the WAL is fsynced at every commit).
 * - Every multi-statement write runs in one transaction: nothing half-written.
 * - Tokens are stored as SHA-256 hashes; the clear value is returned once by createToken. Lookup uses a short
 *   prefix of the hash, and the full hashes are compared with crypto.timingSafeEqual.
 * - userName uniqueness and lookup go through user_name_key; `displayName eq` on groups through
 *   display_name_key (see ./keys.ts, ./migrations.ts).
 * - Reads that serve a page of resources are batched: the members of every group of a page (with their display)
 *   and the groups of every user of a page are one query each (membersOfGroups, groupRefsOfMembers), never one
 *   query per member; the member types of a PATCH's new members are one query (memberTypes).
 */
import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import type { Database, Statement } from 'better-sqlite3';
import type { Clock } from '../clock.ts';
import { StoreError } from './errors.ts';
import { BATCH_SQL } from './batch-sql.ts';
import { displayNameKey, userNameKey } from './keys.ts';
import { migrate } from './migrations.ts';
import type { GroupSyncResult, NewSsoUser, SsoUser } from './sso-directory.ts';
import type {
  CreatedScimToken,
  GroupRef,
  GroupRow,
  IdentityProviderRow,
  JsonObject,
  MemberType,
  MemberRef,
  Membership,
  NewGroupRow,
  NewScimToken,
  NewTolerance,
  NewUserRow,
  Page,
  ScimTokenRow,
  Store,
  TenantRow,
  ToleranceRow,
  UserRow,
} from './types.ts';

export const USER_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:User';
export const GROUP_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:Group';

export { displayNameKey, userNameKey };

export const hashToken = (value: string): Buffer => createHash('sha256').update(value, 'utf8').digest();
const lookupOf = (hash: Buffer): string => hash.subarray(0, 8).toString('hex');

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
interface GroupDbRow {
  id: string;
  tenant_id: string;
  display_name: string;
  external_id: string | null;
  resource: string;
  version: number;
  created: string;
  last_modified: string;
}
interface TokenDbRow {
  id: string;
  tenant_id: string;
  name: string;
  token_hash: Buffer;
  scopes: string;
  provider_scheme: string | null;
  created: string;
  revoked: string | null;
}
interface IdpDbRow {
  tenant_id: string;
  scheme: string;
  type: 'entra';
  auto_provisioning_enabled: number;
  created: string;
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
const toToken = (r: TokenDbRow): ScimTokenRow => ({
  id: r.id,
  tenantId: r.tenant_id,
  name: r.name,
  scopes: JSON.parse(r.scopes) as string[],
  providerScheme: r.provider_scheme,
  created: r.created,
  revoked: r.revoked,
});
const toIdp = (r: IdpDbRow): IdentityProviderRow => ({
  tenantId: r.tenant_id,
  scheme: r.scheme,
  type: r.type,
  autoProvisioningEnabled: r.auto_provisioning_enabled === 1,
  created: r.created,
});

const isUniqueViolation = (e: unknown): boolean =>
  typeof e === 'object' && e !== null && (e as { code?: unknown }).code === 'SQLITE_CONSTRAINT_UNIQUE';

const NO_PAGE: Page = { offset: 0, limit: -1 };

export class SqliteStore implements Store {
  readonly #db: Database;
  readonly #clock: Clock;
  readonly #version: number;
  readonly #s: Record<string, Statement>;

  readonly #groupCommit: boolean;

  constructor(db: Database, clock: Clock, options: { groupCommit?: boolean } = {}) {
    this.#db = db;
    this.#clock = clock;
    this.#groupCommit = options.groupCommit ?? false;
    this.#version = migrate(db);
    const p = (sql: string): Statement => db.prepare(sql);
    this.#s = {
      tenantInsert: p('INSERT OR IGNORE INTO tenants (id, profile, created) VALUES (?, ?, ?)'),
      tenantGet: p('SELECT id, profile, created FROM tenants WHERE id = ?'),
      userInsert: p(`INSERT INTO users (id, tenant_id, user_name, user_name_key, external_id, active, resource,
        version, created, last_modified, has_password) VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?)`),
      userGet: p('SELECT * FROM users WHERE id = ? AND tenant_id = ?'),
      userByName: p('SELECT * FROM users WHERE tenant_id = ? AND user_name_key = ?'),
      userByExternalId: p('SELECT * FROM users WHERE tenant_id = ? AND external_id = ? ORDER BY seq'),
      userUpdate: p(`UPDATE users SET user_name = ?, user_name_key = ?, external_id = ?, active = ?, resource = ?,
        version = version + 1, last_modified = ? WHERE id = ? AND tenant_id = ?`),
      userDelete: p('DELETE FROM users WHERE id = ? AND tenant_id = ?'),
      userList: p('SELECT * FROM users WHERE tenant_id = ? ORDER BY seq LIMIT ? OFFSET ?'),
      userCount: p('SELECT COUNT(*) AS n FROM users WHERE tenant_id = ?'),
      userExists: p('SELECT 1 AS x FROM users WHERE id = ? AND tenant_id = ?'),
      groupInsert: p(`INSERT INTO groups (id, tenant_id, display_name, display_name_key, external_id, resource, version,
        created, last_modified) VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?)`),
      groupGet: p('SELECT * FROM groups WHERE id = ? AND tenant_id = ?'),
      groupByName: p('SELECT * FROM groups WHERE tenant_id = ? AND display_name = ?'),
      groupsByNameKey: p('SELECT * FROM groups WHERE tenant_id = ? AND display_name_key = ? ORDER BY seq'),
      groupByExternalId: p('SELECT * FROM groups WHERE tenant_id = ? AND external_id = ? ORDER BY seq'),
      groupUpdate: p(`UPDATE groups SET display_name = ?, display_name_key = ?, external_id = ?, resource = ?,
        version = version + 1, last_modified = ? WHERE id = ? AND tenant_id = ?`),
      groupTouch: p('UPDATE groups SET version = version + 1, last_modified = ? WHERE id = ? AND tenant_id = ?'),
      groupDelete: p('DELETE FROM groups WHERE id = ? AND tenant_id = ?'),
      groupList: p('SELECT * FROM groups WHERE tenant_id = ? ORDER BY seq LIMIT ? OFFSET ?'),
      groupCount: p('SELECT COUNT(*) AS n FROM groups WHERE tenant_id = ?'),
      groupExists: p('SELECT 1 AS x FROM groups WHERE id = ? AND tenant_id = ?'),
      memberInsert: p(`INSERT OR IGNORE INTO memberships (tenant_id, group_id, member_id, member_type, seq)
        VALUES (?, ?, ?, ?, (SELECT COALESCE(MAX(seq), 0) + 1 FROM memberships WHERE group_id = ?))`),
      membersOfGroups: p(BATCH_SQL.membersOfGroups),
      membersOfGroupsWithDisplay: p(BATCH_SQL.membersOfGroupsWithDisplay),
      groupRefsOfMembers: p(BATCH_SQL.groupRefsOfMembers),
      memberTypes: p(BATCH_SQL.memberTypes),
      memberMaxSeq: p('SELECT COALESCE(MAX(seq), 0) AS n FROM memberships WHERE group_id = ?'),
      memberInsertAt: p(`INSERT OR IGNORE INTO memberships (tenant_id, group_id, member_id, member_type, seq)
        VALUES (?, ?, ?, ?, ?)`),
      memberDelete: p('DELETE FROM memberships WHERE group_id = ? AND member_id = ?'),
      membersOf: p('SELECT group_id, member_id, member_type FROM memberships WHERE group_id = ? ORDER BY seq'),
      groupsOfMember: p(`SELECT g.* FROM memberships m JOIN groups g ON g.id = m.group_id
        WHERE m.tenant_id = ? AND m.member_id = ? ORDER BY g.seq`),
      memberRemoveEverywhere: p('DELETE FROM memberships WHERE tenant_id = ? AND member_id = ?'),
      tokenInsert: p(`INSERT INTO scim_tokens (id, tenant_id, name, token_hash, lookup, scopes, provider_scheme,
        created, revoked) VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL)`),
      tokenByLookup: p('SELECT * FROM scim_tokens WHERE lookup = ? AND revoked IS NULL'),
      tokenList: p('SELECT * FROM scim_tokens WHERE tenant_id = ? ORDER BY created, id'),
      tokenGet: p('SELECT * FROM scim_tokens WHERE tenant_id = ? AND id = ?'),
      tokenRevoke: p('UPDATE scim_tokens SET revoked = ? WHERE tenant_id = ? AND id = ? AND revoked IS NULL'),
      idpInsert: p(`INSERT INTO identity_providers (tenant_id, scheme, type, auto_provisioning_enabled, created)
        VALUES (?, ?, ?, ?, ?)`),
      idpGet: p('SELECT * FROM identity_providers WHERE tenant_id = ? AND scheme = ?'),
      idpList: p('SELECT * FROM identity_providers WHERE tenant_id = ? ORDER BY created, scheme'),
      toleranceInsert: p(`INSERT INTO tolerances (tenant_id, at, code, detail, resource_type, operation)
        VALUES (?, ?, ?, ?, ?, ?)`),
      toleranceList: p('SELECT * FROM tolerances WHERE tenant_id = ? ORDER BY seq'),
    };
  }

  #now(): string {
    return this.#clock.now().toISOString();
  }

  schemaVersion(): number {
    return this.#version;
  }

  close(): void {
    if (!this.#db.open) return;
    if (this.#batch) this.#commitBatch();
    this.#db.close();
  }

  // ---- transactions and group commit ---------------------------------------------------------------------
  //
  // With synchronous=FULL every COMMIT fsyncs the WAL. Group commit shares that fsync between the writes of
  // one event-loop turn: the first write opens a batch (BEGIN IMMEDIATE), each transaction() inside it is a
  // SAVEPOINT (its own all-or-nothing unit: a failure rolls back that savepoint only), and the batch commits
  // on setImmediate. Callers acknowledge a write only after `durable()` resolves, so "acknowledged ⇒ on disk"
  // still holds; reads wait too, so nobody is shown data that could still vanish.

  #batch: { promise: Promise<void>; resolve: () => void; reject: (e: unknown) => void } | undefined;

  transaction<T>(fn: () => T): T {
    if (this.#groupCommit && !this.#db.inTransaction) this.#openBatch();
    return this.#db.transaction(fn)();
  }

  #openBatch(): void {
    this.#db.exec('BEGIN IMMEDIATE');
    let resolve!: () => void;
    let reject!: (e: unknown) => void;
    const promise = new Promise<void>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    promise.catch(() => undefined); // observed through durable(); never an unhandled rejection
    this.#batch = { promise, resolve, reject };
    setImmediate(() => this.#commitBatch());
  }

  #commitBatch(): void {
    const batch = this.#batch;
    if (!batch) return;
    this.#batch = undefined;
    try {
      if (!this.#db.inTransaction) throw new Error('the batch was rolled back by SQLite');
      this.#db.exec('COMMIT');
      batch.resolve();
    } catch (e) {
      if (this.#db.inTransaction) this.#db.exec('ROLLBACK');
      batch.reject(e);
    }
  }

  durable(): Promise<void> {
    return this.#batch?.promise ?? Promise.resolve();
  }

  // ---- tenants -------------------------------------------------------------------------------------------

  ensureTenant(id: string, profile = 'generic'): TenantRow {
    this.#s.tenantInsert!.run(id, profile, this.#now());
    return this.#s.tenantGet!.get(id) as TenantRow;
  }

  getTenant(id: string): TenantRow | undefined {
    return this.#s.tenantGet!.get(id) as TenantRow | undefined;
  }

  // ---- users ---------------------------------------------------------------------------------------------

  insertUser(tenantId: string, user: NewUserRow): UserRow {
    const id = user.id ?? randomUUID();
    const now = this.#now();
    return this.transaction(() => {
      this.ensureTenant(tenantId);
      if (this.findUserByUserNameRow(tenantId, user.userName)) {
        throw new StoreError('uniqueness/userName', `userName "${user.userName}" is already taken in this tenant`);
      }
      try {
        this.#s.userInsert!.run(
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
      return this.getUser(tenantId, id)!;
    });
  }

  getUser(tenantId: string, id: string): UserRow | undefined {
    const r = this.#s.userGet!.get(id, tenantId) as UserDbRow | undefined;
    return r && toUser(r);
  }

  findUserByUserNameRow(tenantId: string, userName: string): UserRow | undefined {
    const r = this.#s.userByName!.get(tenantId, userNameKey(userName)) as UserDbRow | undefined;
    return r && toUser(r);
  }

  findUsersByExternalId(tenantId: string, externalId: string): UserRow[] {
    return (this.#s.userByExternalId!.all(tenantId, externalId) as UserDbRow[]).map(toUser);
  }

  replaceUser(tenantId: string, id: string, user: Omit<NewUserRow, 'id' | 'hasPassword'>): UserRow | undefined {
    return this.transaction(() => {
      const clash = this.findUserByUserNameRow(tenantId, user.userName);
      if (clash && clash.id !== id) {
        throw new StoreError('uniqueness/userName', `userName "${user.userName}" is already taken in this tenant`);
      }
      const changed = this.#s.userUpdate!.run(
        user.userName,
        userNameKey(user.userName),
        user.externalId ?? null,
        user.active ? 1 : 0,
        JSON.stringify(user.resource),
        this.#now(),
        id,
        tenantId,
      ).changes;
      return changed === 0 ? undefined : this.getUser(tenantId, id);
    });
  }

  deleteUser(tenantId: string, id: string): boolean {
    return this.transaction(() => {
      this.#removeFromAllGroups(tenantId, id);
      return this.#s.userDelete!.run(id, tenantId).changes > 0;
    });
  }

  #removeFromAllGroups(tenantId: string, memberId: string): void {
    const now = this.#now();
    for (const g of this.groupsOfMember(tenantId, memberId)) this.#s.groupTouch!.run(now, g.id, tenantId);
    this.#s.memberRemoveEverywhere!.run(tenantId, memberId);
  }

  listUsers(tenantId: string, page: Page = NO_PAGE): UserRow[] {
    return (this.#s.userList!.all(tenantId, page.limit, page.offset) as UserDbRow[]).map(toUser);
  }

  countUsers(tenantId: string): number {
    return (this.#s.userCount!.get(tenantId) as { n: number }).n;
  }

  // ---- groups --------------------------------------------------------------------------------------------

  insertGroup(tenantId: string, group: NewGroupRow, memberIds: readonly string[] = []): GroupRow {
    const id = group.id ?? randomUUID();
    const now = this.#now();
    return this.transaction(() => {
      this.ensureTenant(tenantId);
      if (this.findGroupByDisplayName(tenantId, group.displayName)) {
        throw new StoreError(
          'uniqueness/group-displayName',
          `a group named "${group.displayName}" already exists in this tenant`,
        );
      }
      try {
        this.#s.groupInsert!.run(
          id,
          tenantId,
          group.displayName,
          displayNameKey(group.displayName),
          group.externalId ?? null,
          JSON.stringify(group.resource),
          now,
          now,
        );
      } catch (e) {
        if (isUniqueViolation(e)) throw new StoreError('uniqueness/id', `id "${id}" already exists`);
        throw e;
      }
      this.#setMembers(tenantId, id, memberIds);
      return this.getGroup(tenantId, id)!;
    });
  }

  /**
   * Sets the group's members to exactly `members`, touching only what changes (a PATCH that adds one member to
   * a group of 10,000 writes one row), keeping the insertion order of those that stay.
   */
  #setMembers(tenantId: string, groupId: string, memberIds: readonly string[]): void {
    const current = new Set(
      (this.#s.membersOf!.all(groupId) as { member_id: string }[]).map((r) => r.member_id),
    );
    const wanted = new Set(memberIds);
    for (const id of current) if (!wanted.has(id)) this.#s.memberDelete!.run(groupId, id);
    const added = [...wanted].filter((id) => !current.has(id));
    if (added.length === 0) return;
    // One query types every new member (a PATCH adding 1,000 members is not 2,000 lookups).
    const types = this.memberTypes(tenantId, added);
    let seq = (this.#s.memberMaxSeq!.get(groupId) as { n: number }).n;
    for (const memberId of added) {
      const type = types.get(memberId);
      if (type === undefined) {
        throw new StoreError('not-found/member', `member "${memberId}" is not a user or group of this tenant`);
      }
      this.#s.memberInsertAt!.run(tenantId, groupId, memberId, type, ++seq);
    }
  }

  getGroup(tenantId: string, id: string): GroupRow | undefined {
    const r = this.#s.groupGet!.get(id, tenantId) as GroupDbRow | undefined;
    return r && toGroup(r);
  }

  findGroupByDisplayName(tenantId: string, displayName: string): GroupRow | undefined {
    const r = this.#s.groupByName!.get(tenantId, displayName) as GroupDbRow | undefined;
    return r && toGroup(r);
  }

  findGroupsByDisplayNameKey(tenantId: string, displayName: string): GroupRow[] {
    return (this.#s.groupsByNameKey!.all(tenantId, displayNameKey(displayName)) as GroupDbRow[]).map(toGroup);
  }

  findGroupsByExternalId(tenantId: string, externalId: string): GroupRow[] {
    return (this.#s.groupByExternalId!.all(tenantId, externalId) as GroupDbRow[]).map(toGroup);
  }

  replaceGroup(
    tenantId: string,
    id: string,
    group: Omit<NewGroupRow, 'id'>,
    memberIds?: readonly string[],
  ): GroupRow | undefined {
    return this.transaction(() => {
      const clash = this.findGroupByDisplayName(tenantId, group.displayName);
      if (clash && clash.id !== id) {
        throw new StoreError(
          'uniqueness/group-displayName',
          `a group named "${group.displayName}" already exists in this tenant`,
        );
      }
      const changed = this.#s.groupUpdate!.run(
        group.displayName,
        displayNameKey(group.displayName),
        group.externalId ?? null,
        JSON.stringify(group.resource),
        this.#now(),
        id,
        tenantId,
      ).changes;
      if (changed === 0) return undefined;
      if (memberIds) this.#setMembers(tenantId, id, memberIds);
      return this.getGroup(tenantId, id);
    });
  }

  deleteGroup(tenantId: string, id: string): boolean {
    return this.transaction(() => {
      this.#removeFromAllGroups(tenantId, id);
      return this.#s.groupDelete!.run(id, tenantId).changes > 0;
    });
  }

  listGroups(tenantId: string, page: Page = NO_PAGE): GroupRow[] {
    return (this.#s.groupList!.all(tenantId, page.limit, page.offset) as GroupDbRow[]).map(toGroup);
  }

  countGroups(tenantId: string): number {
    return (this.#s.groupCount!.get(tenantId) as { n: number }).n;
  }

  membersOf(tenantId: string, groupId: string): Membership[] {
    if (!this.#s.groupExists!.get(groupId, tenantId)) return [];
    return (
      this.#s.membersOf!.all(groupId) as { group_id: string; member_id: string; member_type: MemberType }[]
    ).map((r) => ({ groupId: r.group_id, memberId: r.member_id, memberType: r.member_type }));
  }

  membersOfGroups(
    tenantId: string,
    groupIds: readonly string[],
    options: { readonly display?: boolean } = {},
  ): Map<string, MemberRef[]> {
    const out = new Map<string, MemberRef[]>(groupIds.map((id) => [id, []]));
    if (groupIds.length === 0) return out;
    const display = options.display ?? true;
    const stmt = display ? this.#s.membersOfGroupsWithDisplay! : this.#s.membersOfGroups!;
    const rows = stmt.all(JSON.stringify([...new Set(groupIds)]), tenantId) as {
      group_id: string;
      member_id: string;
      member_type: MemberType;
      display?: string | null;
    }[];
    for (const r of rows) {
      const ref: MemberRef =
        typeof r.display === 'string'
          ? { memberId: r.member_id, memberType: r.member_type, display: r.display }
          : { memberId: r.member_id, memberType: r.member_type };
      out.get(r.group_id)?.push(ref);
    }
    return out;
  }

  groupRefsOfMembers(tenantId: string, memberIds: readonly string[]): Map<string, GroupRef[]> {
    const out = new Map<string, GroupRef[]>(memberIds.map((id) => [id, []]));
    if (memberIds.length === 0) return out;
    const rows = this.#s.groupRefsOfMembers!.all(JSON.stringify([...new Set(memberIds)]), tenantId) as {
      member_id: string;
      id: string;
      display_name: string;
    }[];
    for (const r of rows) out.get(r.member_id)?.push({ id: r.id, displayName: r.display_name });
    return out;
  }

  groupsOfMember(tenantId: string, memberId: string): GroupRow[] {
    return (this.#s.groupsOfMember!.all(tenantId, memberId) as GroupDbRow[]).map(toGroup);
  }

  memberType(tenantId: string, memberId: string): MemberType | undefined {
    if (this.#s.userExists!.get(memberId, tenantId)) return 'User';
    if (this.#s.groupExists!.get(memberId, tenantId)) return 'Group';
    return undefined;
  }

  memberTypes(tenantId: string, memberIds: readonly string[]): Map<string, MemberType> {
    const out = new Map<string, MemberType>();
    if (memberIds.length === 0) return out;
    const ids = JSON.stringify([...new Set(memberIds)]);
    for (const r of this.#s.memberTypes!.all(ids, tenantId, ids, tenantId) as { id: string; member_type: MemberType }[]) {
      if (r.member_type === 'User' || !out.has(r.id)) out.set(r.id, r.member_type); // a user wins, as in memberType
    }
    return out;
  }

  // ---- tokens --------------------------------------------------------------------------------------------

  createToken(tenantId: string, token: NewScimToken): CreatedScimToken {
    // 30 random bytes → a 40-character base64url value (Particle's API user tokens are 40 characters).
    const value = token.value ?? randomBytes(30).toString('base64url');
    if (value.length < 16) throw new StoreError('invalid/token-value', 'a token value needs at least 16 characters');
    const hash = hashToken(value);
    const id = randomUUID();
    return this.transaction(() => {
      this.ensureTenant(tenantId);
      if (token.providerScheme != null && !this.getIdentityProvider(tenantId, token.providerScheme)) {
        throw new StoreError(
          'not-found/provider',
          `provider "${token.providerScheme}" does not match the scheme of an identity provider of this tenant`,
        );
      }
      this.#s.tokenInsert!.run(
        id,
        tenantId,
        token.name,
        hash,
        lookupOf(hash),
        JSON.stringify(token.scopes ?? []),
        token.providerScheme ?? null,
        this.#now(),
      );
      const row = toToken(this.#s.tokenGet!.get(tenantId, id) as TokenDbRow);
      return { token: row, value };
    });
  }

  authenticateToken(value: string): ScimTokenRow | undefined {
    const hash = hashToken(value);
    let found: ScimTokenRow | undefined;
    // Compare every candidate sharing the lookup prefix, in constant time per comparison.
    for (const r of this.#s.tokenByLookup!.all(lookupOf(hash)) as TokenDbRow[]) {
      if (r.token_hash.length === hash.length && timingSafeEqual(r.token_hash, hash)) found = toToken(r);
    }
    return found;
  }

  listTokens(tenantId: string): ScimTokenRow[] {
    return (this.#s.tokenList!.all(tenantId) as TokenDbRow[]).map(toToken);
  }

  revokeToken(tenantId: string, id: string): ScimTokenRow | undefined {
    this.#s.tokenRevoke!.run(this.#now(), tenantId, id);
    const r = this.#s.tokenGet!.get(tenantId, id) as TokenDbRow | undefined;
    return r && toToken(r);
  }

  // ---- identity providers --------------------------------------------------------------------------------

  createIdentityProvider(
    tenantId: string,
    idp: { readonly scheme: string; readonly type: 'entra'; readonly autoProvisioningEnabled: boolean },
  ): IdentityProviderRow {
    return this.transaction(() => {
      this.ensureTenant(tenantId);
      try {
        this.#s.idpInsert!.run(tenantId, idp.scheme, idp.type, idp.autoProvisioningEnabled ? 1 : 0, this.#now());
      } catch (e) {
        if (isUniqueViolation(e) || (e as { code?: unknown }).code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
          throw new StoreError('uniqueness/idp-scheme', `an identity provider with scheme "${idp.scheme}" exists`);
        }
        throw e;
      }
      return this.getIdentityProvider(tenantId, idp.scheme)!;
    });
  }

  getIdentityProvider(tenantId: string, scheme: string): IdentityProviderRow | undefined {
    const r = this.#s.idpGet!.get(tenantId, scheme) as IdpDbRow | undefined;
    return r && toIdp(r);
  }

  listIdentityProviders(tenantId: string): IdentityProviderRow[] {
    return (this.#s.idpList!.all(tenantId) as IdpDbRow[]).map(toIdp);
  }

  // ---- tolerances ----------------------------------------------------------------------------------------

  recordTolerance(tenantId: string, t: NewTolerance): void {
    this.#s.toleranceInsert!.run(tenantId, this.#now(), t.code, t.detail, t.resourceType ?? null, t.operation ?? null);
  }

  listTolerances(tenantId: string): ToleranceRow[] {
    return (
      this.#s.toleranceList!.all(tenantId) as {
        seq: number;
        tenant_id: string;
        at: string;
        code: string;
        detail: string;
        resource_type: string | null;
        operation: string | null;
      }[]
    ).map((r) => ({
      seq: r.seq,
      tenantId: r.tenant_id,
      at: r.at,
      code: r.code,
      detail: r.detail,
      resourceType: r.resource_type,
      operation: r.operation,
    }));
  }

  // ---- SsoDirectory (the SAML side's port) ---------------------------------------------------------------

  findUserByUserName(tenantId: string, userName: string): SsoUser | undefined {
    const row = this.findUserByUserNameRow(tenantId, userName);
    return row && this.#toSsoUser(row);
  }

  createUser(tenantId: string, user: NewSsoUser): SsoUser {
    const resource: JsonObject = { schemas: [USER_SCHEMA], userName: user.userName, active: true };
    if (user.givenName !== undefined || user.familyName !== undefined) {
      resource['name'] = {
        ...(user.givenName !== undefined ? { givenName: user.givenName } : {}),
        ...(user.familyName !== undefined ? { familyName: user.familyName } : {}),
      };
    }
    if (user.displayName !== undefined) resource['displayName'] = user.displayName;
    if (user.email !== undefined) resource['emails'] = [{ value: user.email, type: 'work', primary: true }];
    const row = this.insertUser(tenantId, { userName: user.userName, active: true, resource, hasPassword: false });
    return this.#toSsoUser(row);
  }

  replaceGroupMemberships(
    tenantId: string,
    userId: string,
    groupNames: readonly string[],
    options: { readonly preserve: readonly string[] },
  ): GroupSyncResult {
    return this.transaction(() => {
      if (!this.getUser(tenantId, userId)) {
        throw new StoreError('not-found/member', `user "${userId}" is not a user of this tenant`);
      }
      const preserve = new Set(options.preserve);
      const wanted = new Set(groupNames.filter((n) => !preserve.has(n)));
      const current = this.groupsOfMember(tenantId, userId).filter((g) => !preserve.has(g.displayName));
      const currentNames = new Set(current.map((g) => g.displayName));
      const now = this.#now();
      const added: string[] = [];
      const removed: string[] = [];
      for (const g of current) {
        if (wanted.has(g.displayName)) continue;
        this.#s.memberDelete!.run(g.id, userId);
        this.#s.groupTouch!.run(now, g.id, tenantId);
        removed.push(g.displayName);
      }
      for (const name of wanted) {
        if (currentNames.has(name)) continue;
        const group =
          this.findGroupByDisplayName(tenantId, name) ??
          this.insertGroup(tenantId, { displayName: name, resource: { schemas: [GROUP_SCHEMA], displayName: name } });
        this.#s.memberInsert!.run(tenantId, group.id, userId, 'User', group.id);
        this.#s.groupTouch!.run(now, group.id, tenantId);
        added.push(name);
      }
      return { added, removed };
    });
  }

  #toSsoUser(row: UserRow): SsoUser {
    const r = row.resource;
    const name = (typeof r['name'] === 'object' && r['name'] !== null ? r['name'] : {}) as JsonObject;
    const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
    const emails = Array.isArray(r['emails']) ? (r['emails'] as JsonObject[]) : [];
    const email =
      emails.find((e) => e?.['primary'] === true) ?? emails.find((e) => e?.['type'] === 'work') ?? emails[0];
    return {
      id: row.id,
      tenantId: row.tenantId,
      userName: row.userName,
      active: row.active,
      email: str(email?.['value']),
      givenName: str(name['givenName']),
      familyName: str(name['familyName']),
      displayName: str(r['displayName']),
      groups: this.groupsOfMember(row.tenantId, row.id).map((g) => g.displayName),
      hasPassword: row.hasPassword,
    };
  }
}
