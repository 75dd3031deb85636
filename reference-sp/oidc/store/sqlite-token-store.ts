/*
 * The OIDC side's session tokens (./token-store.ts) in SQLite (migration 9, ../../store/migrations.ts).
 * Each write first sweeps at most SWEEP_BATCH expired rows (index on expires_at); reads never answer an
 * expired row.
 */
import { SWEEP_BATCH } from '../../store/sp-state.ts';
import type { SqliteDatabase } from '../../store/sqlite/database.ts';
import { prepareAll, sql } from '../../store/sqlite/statements.ts';
import type { OidcSessionTokens, OidcTokenStore } from './token-store.ts';

interface TokenDbRow {
  claims: string;
  id_token: string;
  refresh_token: string | null;
}

const fromRow = (r: TokenDbRow): OidcSessionTokens => ({
  claims: JSON.parse(r.claims) as Record<string, unknown>,
  idToken: r.id_token,
  refreshToken: r.refresh_token ?? undefined,
});

export function sqliteOidcTokens(d: SqliteDatabase): OidcTokenStore {
  const s = prepareAll(d.db, {
    sweep: sql<[now: number]>(
      'DELETE FROM oidc_session_tokens WHERE rowid IN (SELECT rowid FROM oidc_session_tokens WHERE expires_at <= ? ORDER BY expires_at LIMIT ' + SWEEP_BATCH + ')',
    ),
    insert: sql<[idHash: string, tenantId: string, claims: string, idToken: string, refreshToken: string | null, expiresAt: number]>(
      'INSERT OR REPLACE INTO oidc_session_tokens (id_hash, tenant_id, claims, id_token, refresh_token, expires_at) VALUES (?, ?, ?, ?, ?, ?)',
    ),
    get: sql<[idHash: string, tenantId: string, now: number], TokenDbRow>(
      'SELECT claims, id_token, refresh_token FROM oidc_session_tokens WHERE id_hash = ? AND tenant_id = ? AND expires_at > ?',
    ),
    update: sql<[claims: string, idToken: string, refreshToken: string | null, idHash: string, tenantId: string, now: number]>(
      'UPDATE oidc_session_tokens SET claims = ?, id_token = ?, refresh_token = ? WHERE id_hash = ? AND tenant_id = ? AND expires_at > ?',
    ),
    remove: sql<[idHash: string, tenantId: string]>('DELETE FROM oidc_session_tokens WHERE id_hash = ? AND tenant_id = ?'),
  });
  return {
    saveOidcTokens(idHash, tenantId, t, expiresAt, now) {
      d.transaction(() => {
        s.sweep.run(now.getTime());
        s.insert.run(idHash, tenantId, JSON.stringify(t.claims), t.idToken, t.refreshToken ?? null, expiresAt.getTime());
      });
    },
    findOidcTokens(idHash, tenantId, now) {
      const r = s.get.get(idHash, tenantId, now.getTime());
      return r && fromRow(r);
    },
    updateOidcTokens(idHash, tenantId, t, now) {
      return d.transaction(() => s.update.run(JSON.stringify(t.claims), t.idToken, t.refreshToken ?? null, idHash, tenantId, now.getTime()).changes === 1);
    },
    deleteOidcTokens(idHash, tenantId) {
      d.transaction(() => s.remove.run(idHash, tenantId));
    },
  };
}
