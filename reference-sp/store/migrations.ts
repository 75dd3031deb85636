/*
 * Versioned schema migrations. Each runs once, in its own transaction, and is recorded in schema_migrations;
 * a migration is never edited after release — add a new one.
 *
 * - users.user_name_key holds userName case-folded in JS (Unicode-aware, unlike SQLite's ASCII-only NOCASE),
 *   so the per-tenant unique index enforces RFC 7643 §4.1.1 (userName caseExact false, uniqueness server) and
 *   `userName eq "x"` is one index probe at any tenant size.
 * - groups.display_name_key (migration 3) holds displayName folded the way the filter evaluator compares a
 *   caseExact-false string (JS toLowerCase, see ./keys.ts), so `displayName eq "x"` (RFC 7643 §4.2: caseExact
 *   false) is one index probe instead of a scan. The index is NOT unique: databases of version 2 may hold
 *   groups whose names differ only in case, and displayName uniqueness stays what it was (exact, enforced by
 *   groups_tenant_display_name). SQLite's lower() folds ASCII only, so the backfill calls the same JS fold,
 *   registered as the SQL function fold_display_name.
 * - migration 4 keeps the SAML side's state (./sp-state.ts) across restarts: outstanding AuthnRequest IDs with
 *   the hash of the browser binding they belong to, accepted assertion IDs, and sessions keyed by the hash of
 *   their cookie. Every row has expires_at (ms since the epoch, indexed) so expired rows are swept cheaply.
 * - migration 5: scim_deleted_users remembers the userName (case-folded) of each user deleted over SCIM until
 *   a user of that name is created again, so a sign-in with just-in-time provisioning does not re-create what
 *   SCIM deleted (../config/identity-policy.ts, scimDeletedUsers).
 * - migration 6: saml_authn_requests.purpose records why the SP sent a request ('sign-in', or 'test-connection'
 *   for the Test Connection route), and tenant_sso_state keeps the admin's Enable of a tenant whose SSO is
 *   configured but not enabled (NinjaOne's step 7, ../sign-in/sso-enablement.ts) across restarts.
 * - migration 7: Single Logout (./saml-logout.ts): saml_sessions gains the SessionIndex and NameID Format of
 *   the assertion that started each session, and two ID tables: LogoutRequests the SP sent (answered once) and
 *   LogoutRequests it received (honoured once).
 * - migration 8: saml_authn_requests.requested_authn_context keeps the RequestedAuthnContext (JSON) a request
 *   carried, so the ACS checks the IdP's AuthnContextClassRef against what was asked (../saml/checks/check-authn-context.ts).
 * - migration 9: oidc_session_tokens keeps, per OIDC session (keyed like saml_sessions by the hash of its
 *   cookie), the validated claims, the ID token (the id_token_hint of RP-initiated logout) and the refresh token
 *   (../oidc/store/token-store.ts), so refresh and logout survive a restart.
 * - migration 10: one replay store (./replay-store.ts): replay_ids holds every ID honoured once, keyed by kind
 *   ('saml-assertion', 'saml-logout-request'), with one purge rule; the rows of saml_assertion_ids (migration 4)
 *   and saml_logout_received_ids (migration 7) move into it and those tables go.
 * - memberships.member_id has no foreign key: a member is a user or a group; deleting either removes its
 *   memberships explicitly (RFC 7644 §3.6: the service provider removes a deleted resource from groups).
 */
import type { Database } from 'better-sqlite3';
import { displayNameKey } from './keys.ts';

export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

export const migrations: readonly Migration[] = [
  {
    version: 1,
    name: 'tenants, users, groups, memberships, tokens, identity providers, tolerances',
    sql: `
      CREATE TABLE tenants (
        id TEXT PRIMARY KEY,
        profile TEXT NOT NULL,
        created TEXT NOT NULL
      );
      CREATE TABLE users (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        id TEXT NOT NULL UNIQUE,
        tenant_id TEXT NOT NULL REFERENCES tenants(id),
        user_name TEXT NOT NULL,
        user_name_key TEXT NOT NULL,
        external_id TEXT,
        active INTEGER NOT NULL,
        resource TEXT NOT NULL,
        version INTEGER NOT NULL,
        created TEXT NOT NULL,
        last_modified TEXT NOT NULL,
        has_password INTEGER NOT NULL DEFAULT 0
      );
      CREATE UNIQUE INDEX users_tenant_user_name ON users(tenant_id, user_name_key);
      CREATE INDEX users_tenant_external_id ON users(tenant_id, external_id);
      CREATE INDEX users_tenant_seq ON users(tenant_id, seq);
      CREATE TABLE groups (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        id TEXT NOT NULL UNIQUE,
        tenant_id TEXT NOT NULL REFERENCES tenants(id),
        display_name TEXT NOT NULL,
        external_id TEXT,
        resource TEXT NOT NULL,
        version INTEGER NOT NULL,
        created TEXT NOT NULL,
        last_modified TEXT NOT NULL
      );
      CREATE UNIQUE INDEX groups_tenant_display_name ON groups(tenant_id, display_name);
      CREATE INDEX groups_tenant_external_id ON groups(tenant_id, external_id);
      CREATE INDEX groups_tenant_seq ON groups(tenant_id, seq);
      CREATE TABLE memberships (
        tenant_id TEXT NOT NULL,
        group_id TEXT NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
        member_id TEXT NOT NULL,
        member_type TEXT NOT NULL CHECK (member_type IN ('User', 'Group')),
        seq INTEGER NOT NULL,
        PRIMARY KEY (group_id, member_id)
      );
      CREATE INDEX memberships_member ON memberships(tenant_id, member_id);
      CREATE TABLE identity_providers (
        tenant_id TEXT NOT NULL REFERENCES tenants(id),
        scheme TEXT NOT NULL,
        type TEXT NOT NULL CHECK (type IN ('entra')),
        auto_provisioning_enabled INTEGER NOT NULL,
        created TEXT NOT NULL,
        PRIMARY KEY (tenant_id, scheme)
      );
      CREATE TABLE scim_tokens (
        id TEXT PRIMARY KEY,
        tenant_id TEXT NOT NULL REFERENCES tenants(id),
        name TEXT NOT NULL,
        token_hash BLOB NOT NULL,
        lookup TEXT NOT NULL,
        scopes TEXT NOT NULL,
        provider_scheme TEXT,
        created TEXT NOT NULL,
        revoked TEXT
      );
      CREATE INDEX scim_tokens_lookup ON scim_tokens(lookup);
      CREATE INDEX scim_tokens_tenant ON scim_tokens(tenant_id);
      CREATE TABLE tolerances (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        tenant_id TEXT NOT NULL,
        at TEXT NOT NULL,
        code TEXT NOT NULL,
        detail TEXT NOT NULL,
        resource_type TEXT,
        operation TEXT
      );
      CREATE INDEX tolerances_tenant ON tolerances(tenant_id, seq);
    `,
  },
  {
    version: 2,
    name: 'memberships ordered per group',
    sql: `CREATE INDEX memberships_group_seq ON memberships(group_id, seq);`,
  },
  {
    version: 3,
    name: 'groups.display_name_key: case-insensitive displayName lookup',
    sql: `
      ALTER TABLE groups ADD COLUMN display_name_key TEXT NOT NULL DEFAULT '';
      UPDATE groups SET display_name_key = fold_display_name(display_name);
      CREATE INDEX groups_tenant_display_name_key ON groups(tenant_id, display_name_key, seq);
    `,
  },
  {
    version: 4,
    name: 'SAML state: outstanding AuthnRequests bound to a browser, accepted assertion IDs, sessions',
    sql: `
      CREATE TABLE saml_authn_requests (
        tenant_id TEXT NOT NULL,
        request_id TEXT NOT NULL,
        binding TEXT,
        expires_at INTEGER NOT NULL,
        PRIMARY KEY (tenant_id, request_id)
      );
      CREATE INDEX saml_authn_requests_expiry ON saml_authn_requests(expires_at);
      CREATE INDEX saml_authn_requests_tenant_expiry ON saml_authn_requests(tenant_id, expires_at);
      CREATE TABLE saml_assertion_ids (
        tenant_id TEXT NOT NULL,
        assertion_id TEXT NOT NULL,
        expires_at INTEGER NOT NULL,
        PRIMARY KEY (tenant_id, assertion_id)
      );
      CREATE INDEX saml_assertion_ids_expiry ON saml_assertion_ids(expires_at);
      CREATE TABLE saml_sessions (
        id_hash TEXT PRIMARY KEY,
        tenant_id TEXT NOT NULL,
        user_id TEXT NOT NULL,
        user_name TEXT NOT NULL,
        attributes TEXT NOT NULL,
        name_id TEXT,
        created TEXT NOT NULL,
        expires_at INTEGER NOT NULL
      );
      CREATE INDEX saml_sessions_expiry ON saml_sessions(expires_at);
    `,
  },
  {
    version: 5,
    name: 'userNames SCIM deleted, so just-in-time provisioning does not re-create them',
    sql: `
      CREATE TABLE scim_deleted_users (
        tenant_id TEXT NOT NULL,
        user_name_key TEXT NOT NULL,
        deleted_at TEXT NOT NULL,
        PRIMARY KEY (tenant_id, user_name_key)
      );
    `,
  },
  {
    version: 6,
    name: 'why each AuthnRequest was sent (sign-in or Test Connection); SSO enabled per tenant',
    sql: `
      ALTER TABLE saml_authn_requests ADD COLUMN purpose TEXT NOT NULL DEFAULT 'sign-in' CHECK (purpose IN ('sign-in', 'test-connection'));
      CREATE TABLE tenant_sso_state (
        tenant_id TEXT PRIMARY KEY,
        enabled INTEGER NOT NULL,
        changed_at TEXT NOT NULL
      );
    `,
  },
  {
    version: 7,
    name: "Single Logout: each session's SessionIndex and NameID Format; LogoutRequest IDs sent and received",
    sql: `
      ALTER TABLE saml_sessions ADD COLUMN session_index TEXT;
      ALTER TABLE saml_sessions ADD COLUMN name_id_format TEXT;
      CREATE INDEX saml_sessions_name_id ON saml_sessions(tenant_id, name_id);
      CREATE TABLE saml_logout_requests (
        tenant_id TEXT NOT NULL,
        request_id TEXT NOT NULL,
        expires_at INTEGER NOT NULL,
        PRIMARY KEY (tenant_id, request_id)
      );
      CREATE INDEX saml_logout_requests_expiry ON saml_logout_requests(expires_at);
      CREATE TABLE saml_logout_received_ids (
        tenant_id TEXT NOT NULL,
        request_id TEXT NOT NULL,
        expires_at INTEGER NOT NULL,
        PRIMARY KEY (tenant_id, request_id)
      );
      CREATE INDEX saml_logout_received_ids_expiry ON saml_logout_received_ids(expires_at);
    `,
  },
  {
    version: 8,
    name: 'the RequestedAuthnContext each AuthnRequest carried, so the ACS checks the answer against it',
    sql: `ALTER TABLE saml_authn_requests ADD COLUMN requested_authn_context TEXT;`,
  },
  {
    version: 9,
    name: 'OpenID Connect: the ID token, refresh token and claims of each OIDC session (RP-initiated logout, refresh)',
    sql: `
      CREATE TABLE oidc_session_tokens (
        id_hash TEXT PRIMARY KEY,
        tenant_id TEXT NOT NULL,
        claims TEXT NOT NULL,
        id_token TEXT NOT NULL,
        refresh_token TEXT,
        expires_at INTEGER NOT NULL
      );
      CREATE INDEX oidc_session_tokens_expiry ON oidc_session_tokens(expires_at);
    `,
  },
  {
    version: 10,
    name: 'one replay store: accepted assertion IDs and received LogoutRequest IDs in replay_ids, keyed by kind',
    sql: `
      CREATE TABLE replay_ids (
        kind TEXT NOT NULL,
        tenant_id TEXT NOT NULL,
        id TEXT NOT NULL,
        expires_at INTEGER NOT NULL,
        PRIMARY KEY (kind, tenant_id, id)
      );
      CREATE INDEX replay_ids_expiry ON replay_ids(expires_at);
      INSERT INTO replay_ids (kind, tenant_id, id, expires_at) SELECT 'saml-assertion', tenant_id, assertion_id, expires_at FROM saml_assertion_ids;
      INSERT INTO replay_ids (kind, tenant_id, id, expires_at) SELECT 'saml-logout-request', tenant_id, request_id, expires_at FROM saml_logout_received_ids;
      DROP TABLE saml_assertion_ids;
      DROP TABLE saml_logout_received_ids;
    `,
  },
];

/** Applies every migration newer than the database's version; returns the resulting version. */
export function migrate(db: Database, all: readonly Migration[] = migrations): number {
  db.function('fold_display_name', { deterministic: true }, (v: unknown) => (typeof v === 'string' ? displayNameKey(v) : v));
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at TEXT NOT NULL
  )`);
  const current = (db.prepare('SELECT COALESCE(MAX(version), 0) AS v FROM schema_migrations').get() as { v: number }).v;
  const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
  for (const m of [...all].sort((a, b) => a.version - b.version)) {
    if (m.version <= current) continue;
    db.transaction(() => {
      db.exec(m.sql);
      record.run(m.version, m.name, new Date().toISOString());
    })();
  }
  return (db.prepare('SELECT COALESCE(MAX(version), 0) AS v FROM schema_migrations').get() as { v: number }).v;
}
