/*
 * The better-sqlite3 implementation of Store: one module per port over its own typed statement set
 * (./sqlite/statements.ts), all sharing one connection, clock and transaction/group-commit discipline
 * (./sqlite/database.ts):
 *
 *   ./sqlite/tenants.ts             tenants
 *   ./sqlite/users.ts               UserStore            (SCIM /Users)
 *   ./sqlite/groups.ts              GroupStore           (SCIM /Groups and memberships)
 *   ./sqlite/tokens.ts              TokenStore           (SCIM bearer tokens)
 *   ./sqlite/identity-providers.ts  IdentityProviderStore
 *   ./sqlite/tolerances.ts          ToleranceStore
 *   ./sqlite/sso-directory.ts       SsoDirectory         (the SAML side's users and group sync)
 *   ./sqlite/sp-state.ts            SpStateStore         (the SAML side's requests, sessions, SSO enablement)
 *   ../oidc/store/sqlite-token-store.ts  OidcTokenStore  (the OIDC side's ID and refresh tokens per session)
 *   ./sqlite/saml-logout.ts         SamlLogoutStore      (Single Logout: SessionIndex, LogoutRequest IDs)
 *   ./sqlite/replay-store.ts        ReplayStore          (every ID honoured once: assertions, received LogoutRequests)
 *
 * Durability: WAL with synchronous=FULL (./open-store.ts), so a write whose response reached the client
 * survives kill -9; with group commit, callers acknowledge after `durable()`.
 */
import type { Database } from 'better-sqlite3';
import type { Clock } from '../clock.ts';
import { SqliteDatabase } from './sqlite/database.ts';
import { sqliteGroups } from './sqlite/groups.ts';
import { sqliteIdentityProviders } from './sqlite/identity-providers.ts';
import { sqliteSpState } from './sqlite/sp-state.ts';
import { sqliteOidcTokens } from '../oidc/store/sqlite-token-store.ts';
import { sqliteReplayStore } from './sqlite/replay-store.ts';
import { sqliteSamlLogout } from './sqlite/saml-logout.ts';
import { sqliteSsoDirectory } from './sqlite/sso-directory.ts';
import { sqliteTenants } from './sqlite/tenants.ts';
import { sqliteTokens } from './sqlite/tokens.ts';
import { sqliteTolerances } from './sqlite/tolerances.ts';
import { sqliteUsers } from './sqlite/users.ts';
import type { Store } from './types.ts';

export { hashToken } from './sqlite/tokens.ts';
export { GROUP_SCHEMA, USER_SCHEMA } from './sqlite/sso-directory.ts';

export function createSqliteStore(db: Database, clock: Clock, options: { groupCommit?: boolean; walPath?: string | undefined } = {}): Store {
  const d = new SqliteDatabase(db, clock, options);
  const tenants = sqliteTenants(d);
  const groups = sqliteGroups(d, tenants);
  const users = sqliteUsers(d, tenants, groups);
  const idps = sqliteIdentityProviders(d, tenants);
  return {
    ...tenants,
    ...users,
    ...groups,
    ...idps,
    ...sqliteTokens(d, tenants, idps),
    ...sqliteTolerances(d),
    ...sqliteSsoDirectory(d, users, groups),
    ...sqliteSpState(d),
    ...sqliteOidcTokens(d),
    ...sqliteSamlLogout(d),
    ...sqliteReplayStore(d),
    transaction: (fn) => d.transaction(fn),
    durable: () => d.durable(),
    schemaVersion: () => d.schemaVersion,
    close: () => d.close(),
  };
}
