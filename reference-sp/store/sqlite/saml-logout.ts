/*
 * Single Logout's state (../saml-logout.ts) in SQLite (migration 7): the session's SessionIndex lives on its
 * saml_sessions row; sent LogoutRequest IDs in their own table (received ones are in the replay store,
 * ./replay-store.ts). Consuming a sent ID is one DELETE … RETURNING (answered once). Each write sweeps a bounded
 * batch of expired rows.
 */
import type { SamlLogoutStore } from '../saml-logout.ts';
import { SWEEP_BATCH } from '../sp-state.ts';
import type { SqliteDatabase } from './database.ts';
import { prepareAll, sql } from './statements.ts';

/** At most this many sent LogoutRequests are outstanding per tenant; beyond it the one nearest to expiry goes. */
export const MAX_OUTSTANDING_LOGOUTS_PER_TENANT = 10_000;

const sweep = (table: string) =>
  sql<[now: number]>(`DELETE FROM ${table} WHERE rowid IN (SELECT rowid FROM ${table} WHERE expires_at <= ? ORDER BY expires_at LIMIT ${SWEEP_BATCH})`);

export function sqliteSamlLogout(d: SqliteDatabase): SamlLogoutStore {
  const s = prepareAll(d.db, {
    keySet: sql<[sessionIndex: string | null, format: string | null, idHash: string]>('UPDATE saml_sessions SET session_index = ?, name_id_format = ? WHERE id_hash = ?'),
    keyGet: sql<[idHash: string, tenantId: string, now: number], { name_id: string | null; name_id_format: string | null; session_index: string | null }>(
      'SELECT name_id, name_id_format, session_index FROM saml_sessions WHERE id_hash = ? AND tenant_id = ? AND expires_at > ?',
    ),
    endOne: sql<[idHash: string, tenantId: string]>('DELETE FROM saml_sessions WHERE id_hash = ? AND tenant_id = ?'),
    endAllOf: sql<[tenantId: string, nameId: string, now: number]>('DELETE FROM saml_sessions WHERE tenant_id = ? AND name_id = ? AND expires_at > ?'),
    endIndexOf: sql<[tenantId: string, nameId: string, sessionIndex: string, now: number]>(
      'DELETE FROM saml_sessions WHERE tenant_id = ? AND name_id = ? AND session_index = ? AND expires_at > ?',
    ),
    sweepSent: sweep('saml_logout_requests'),
    sentInsert: sql<[tenantId: string, requestId: string, expiresAt: number]>('INSERT OR REPLACE INTO saml_logout_requests (tenant_id, request_id, expires_at) VALUES (?, ?, ?)'),
    sentCount: sql<[tenantId: string], { n: number }>('SELECT COUNT(*) AS n FROM saml_logout_requests WHERE tenant_id = ?'),
    sentEvict: sql<[tenantId: string, count: number]>(
      'DELETE FROM saml_logout_requests WHERE rowid IN (SELECT rowid FROM saml_logout_requests WHERE tenant_id = ? ORDER BY expires_at LIMIT ?)',
    ),
    sentConsume: sql<[tenantId: string, requestId: string, now: number], { x: number }>(
      'DELETE FROM saml_logout_requests WHERE tenant_id = ? AND request_id = ? AND expires_at > ? RETURNING 1 AS x',
    ),
  });
  return {
    setSessionLogoutKey(idHash, sessionIndex, nameIdFormat) {
      s.keySet.run(sessionIndex ?? null, nameIdFormat ?? null, idHash);
    },
    sessionLogoutKey(idHash, tenantId, now) {
      const r = s.keyGet.get(idHash, tenantId, now.getTime());
      return r && { nameId: r.name_id ?? undefined, nameIdFormat: r.name_id_format ?? undefined, sessionIndex: r.session_index ?? undefined };
    },
    endSession: (idHash, tenantId) => s.endOne.run(idHash, tenantId).changes > 0,
    endSessionsOf(tenantId, nameId, sessionIndexes, now) {
      return d.transaction(() => {
        if (sessionIndexes.length === 0) return s.endAllOf.run(tenantId, nameId, now.getTime()).changes;
        let ended = 0;
        for (const index of new Set(sessionIndexes)) ended += s.endIndexOf.run(tenantId, nameId, index, now.getTime()).changes;
        return ended;
      });
    },
    rememberLogoutRequest(tenantId, requestId, expiresAt, now) {
      d.transaction(() => {
        s.sweepSent.run(now.getTime());
        s.sentInsert.run(tenantId, requestId, expiresAt.getTime());
        const over = s.sentCount.get(tenantId)!.n - MAX_OUTSTANDING_LOGOUTS_PER_TENANT;
        if (over > 0) s.sentEvict.run(tenantId, over);
      });
    },
    consumeLogoutRequest: (tenantId, requestId, now) => d.transaction(() => s.sentConsume.get(tenantId, requestId, now.getTime()) !== undefined),
  };
}
