/*
 * The reference SP's storage port. The SCIM routes and the SAML side (through SsoDirectory) only see this
 * interface; `openStore` (./open-store.ts) returns the better-sqlite3 implementation.
 *
 * Rows keep the SCIM resource body (`resource`) apart from the server-owned columns (id, meta): `meta.location`
 * depends on the URL layout a request came through (generic, Particle, NinjaOne), so the route layer builds
 * `meta` from these columns instead of storing it.
 */
import type { SpStateStore } from './sp-state.ts';
import type { OidcTokenStore } from '../oidc/store/token-store.ts';
import type { SamlLogoutStore } from './saml-logout.ts';
import type { ReplayStore } from './replay-store.ts';
import type { SsoDirectory } from './sso-directory.ts';

export type JsonObject = { [key: string]: unknown };

export interface TenantRow {
  readonly id: string;
  readonly profile: string;
  readonly created: string;
}

export interface UserRow {
  readonly id: string;
  readonly tenantId: string;
  readonly userName: string;
  readonly externalId: string | null;
  readonly active: boolean;
  /** The SCIM resource without `id` and `meta` (RFC 7643 §3.1: both are server-assigned). */
  readonly resource: JsonObject;
  /** Monotonic per resource; the ETag is W/"{version}" (RFC 7644 §3.14). */
  readonly version: number;
  readonly created: string;
  readonly lastModified: string;
  /** Users created through SCIM or JIT have no password and can only sign in by SSO. */
  readonly hasPassword: boolean;
}

export interface NewUserRow {
  readonly id?: string;
  readonly userName: string;
  readonly externalId?: string | null | undefined;
  readonly active: boolean;
  readonly resource: JsonObject;
  readonly hasPassword?: boolean;
}

export interface GroupRow {
  readonly id: string;
  readonly tenantId: string;
  readonly displayName: string;
  readonly externalId: string | null;
  /** The SCIM resource without `id`, `meta` and `members` (members live in the memberships table). */
  readonly resource: JsonObject;
  readonly version: number;
  readonly created: string;
  readonly lastModified: string;
}

export interface NewGroupRow {
  readonly id?: string;
  readonly displayName: string;
  readonly externalId?: string | null | undefined;
  readonly resource: JsonObject;
}

export type MemberType = 'User' | 'Group';

export interface Membership {
  readonly groupId: string;
  readonly memberId: string;
  readonly memberType: MemberType;
}

/** One member of a group as a page of groups needs it (./sqlite/groups.ts membersOfGroups). */
export interface MemberRef {
  readonly memberId: string;
  readonly memberType: MemberType;
  /** A user's displayName (or userName when it has none), a group's displayName; only when asked for. */
  readonly display?: string;
}

/** A group a member belongs to, as User.groups needs it (RFC 7643 §4.1.2: value, display). */
export interface GroupRef {
  readonly id: string;
  readonly displayName: string;
}

export interface ScimTokenRow {
  readonly id: string;
  readonly tenantId: string;
  readonly name: string;
  /** Scopes the token carries; an empty list means "all operations" when the tenant does not enforce scopes. */
  readonly scopes: readonly string[];
  /** The identity provider scheme the token is linked to (Aritma's CreateScimToken `provider`). */
  readonly providerScheme: string | null;
  readonly created: string;
  readonly revoked: string | null;
}

export interface NewScimToken {
  readonly name: string;
  readonly scopes?: readonly string[];
  readonly providerScheme?: string | null | undefined;
  /** Pre-seeded tokens (config, tests) give their value; otherwise a random one is generated. */
  readonly value?: string | undefined;
}

export interface CreatedScimToken {
  readonly token: ScimTokenRow;
  /** The clear value: returned once, never stored. */
  readonly value: string;
}

export interface IdentityProviderRow {
  readonly tenantId: string;
  readonly scheme: string;
  readonly type: 'entra';
  readonly autoProvisioningEnabled: boolean;
  readonly created: string;
}

export interface ToleranceRow {
  readonly seq: number;
  readonly tenantId: string;
  readonly at: string;
  /** Stable code naming what was tolerated, e.g. 'patch/op-capitalised', 'value/boolean-string'. */
  readonly code: string;
  readonly detail: string;
  readonly resourceType: string | null;
  readonly operation: string | null;
}

export interface NewTolerance {
  readonly code: string;
  readonly detail: string;
  readonly resourceType?: string | undefined;
  readonly operation?: string | undefined;
}

export interface Page {
  readonly offset: number;
  readonly limit: number;
}

export interface UserStore {
  insertUser(tenantId: string, user: NewUserRow): UserRow;
  getUser(tenantId: string, id: string): UserRow | undefined;
  /** Served from the (tenant_id, user_name_key) unique index; case-insensitive (RFC 7643 §4.1.1). */
  findUserByUserNameRow(tenantId: string, userName: string): UserRow | undefined;
  /** externalId is caseExact (RFC 7643 §3.1); served from an index. */
  findUsersByExternalId(tenantId: string, externalId: string): UserRow[];
  /** Replaces the stored body; bumps the version. Returns undefined when the user does not exist. */
  replaceUser(tenantId: string, id: string, user: Omit<NewUserRow, 'id' | 'hasPassword'>): UserRow | undefined;
  /** Deletes the user and removes it from every group (bumping those groups' versions). */
  deleteUser(tenantId: string, id: string): boolean;
  /** Every user of the tenant in a stable order (creation order). */
  listUsers(tenantId: string, page?: Page): UserRow[];
  countUsers(tenantId: string): number;
}

export interface GroupStore {
  /** `memberIds`: users or groups of the tenant (their type is looked up); anything else → not-found/member. */
  insertGroup(tenantId: string, group: NewGroupRow, memberIds?: readonly string[]): GroupRow;
  getGroup(tenantId: string, id: string): GroupRow | undefined;
  /** Exact displayName (the uniqueness rule). */
  findGroupByDisplayName(tenantId: string, displayName: string): GroupRow | undefined;
  /**
   * Groups whose displayName equals `displayName` case-insensitively (RFC 7643 §4.2: caseExact false), in
   * creation order; served from the (tenant_id, display_name_key) index.
   */
  findGroupsByDisplayNameKey(tenantId: string, displayName: string): GroupRow[];
  findGroupsByExternalId(tenantId: string, externalId: string): GroupRow[];
  /**
   * Replaces body and, when `memberIds` is given, the member list (only the difference is written); bumps the
   * version.
   */
  replaceGroup(tenantId: string, id: string, group: Omit<NewGroupRow, 'id'>, memberIds?: readonly string[]): GroupRow | undefined;
  deleteGroup(tenantId: string, id: string): boolean;
  /** Whether `memberId` is a direct member of the group (one primary-key lookup). */
  hasMember(tenantId: string, groupId: string, memberId: string): boolean;
  /**
   * Writes a membership delta: deletes the `remove` rows, appends the `add` ids (users or groups of the tenant,
   * typed in one query; anything else → not-found/member) and, when a row changed, bumps the version and returns
   * the group; undefined when nothing changed. Costs O(add + remove), whatever the group's size.
   */
  changeMembers(tenantId: string, groupId: string, add: readonly string[], remove: readonly string[]): GroupRow | undefined;
  listGroups(tenantId: string, page?: Page): GroupRow[];
  countGroups(tenantId: string): number;
  membersOf(tenantId: string, groupId: string): Membership[];
  /**
   * The members of each of `groupIds` (every id is a key; unknown groups map to []), in membership order, with
   * their display unless `display: false`. One query for the whole batch.
   */
  membersOfGroups(tenantId: string, groupIds: readonly string[], options?: { readonly display?: boolean }): Map<string, MemberRef[]>;
  /** Groups the member belongs to directly. */
  groupsOfMember(tenantId: string, memberId: string): GroupRow[];
  /** The direct groups (id, displayName) of each of `memberIds`, in group creation order. One query. */
  groupRefsOfMembers(tenantId: string, memberIds: readonly string[]): Map<string, GroupRef[]>;
  /** The member's type when `memberId` is a user or group of this tenant. */
  memberType(tenantId: string, memberId: string): MemberType | undefined;
  /** memberType for many ids in one query; ids that name nothing are absent from the map. */
  memberTypes(tenantId: string, memberIds: readonly string[]): Map<string, MemberType>;
}

export interface TokenStore {
  createToken(tenantId: string, token: NewScimToken): CreatedScimToken;
  /** Looks the value up by hash and compares hashes in constant time; revoked tokens are not returned. */
  authenticateToken(value: string): ScimTokenRow | undefined;
  listTokens(tenantId: string): ScimTokenRow[];
  revokeToken(tenantId: string, id: string): ScimTokenRow | undefined;
}

export interface IdentityProviderStore {
  createIdentityProvider(tenantId: string, idp: { readonly scheme: string; readonly type: 'entra'; readonly autoProvisioningEnabled: boolean }): IdentityProviderRow;
  getIdentityProvider(tenantId: string, scheme: string): IdentityProviderRow | undefined;
  listIdentityProviders(tenantId: string): IdentityProviderRow[];
}

export interface ToleranceStore {
  recordTolerance(tenantId: string, tolerance: NewTolerance): void;
  listTolerances(tenantId: string): ToleranceRow[];
}

export interface Store extends SsoDirectory, SpStateStore, SamlLogoutStore, ReplayStore, OidcTokenStore, UserStore, GroupStore, TokenStore, IdentityProviderStore, ToleranceStore {
  /** Creates the tenant if it does not exist (idempotent). */
  ensureTenant(id: string, profile?: string): TenantRow;
  getTenant(id: string): TenantRow | undefined;
  /**
   * Runs `fn` in one SQLite transaction: all of its writes land or none do. Nested calls become savepoints.
   * Anything thrown rolls back and is rethrown.
   */
  transaction<T>(fn: () => T): T;
  /**
   * Resolves once every write made so far is committed to disk (group commit, see ./sqlite/database.ts);
   * rejects if that commit failed. Acknowledge a write to a client only after this resolves.
   */
  durable(): Promise<void>;
  /** The schema version after migrations (the highest applied migration). */
  schemaVersion(): number;
  close(): void;
}
