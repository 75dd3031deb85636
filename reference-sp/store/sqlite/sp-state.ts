/*
 * The SAML side's state (../sp-state.ts) in SQLite (tables of migration 4, ../migrations.ts).
 *
 * - Consuming a request is one DELETE that matches tenant, ID, binding and expiry together: a request is
 *   answered once, by the browser that started it, and a wrong browser does not burn it.
 * - Accepted assertion IDs live in the one replay store (./replay-store.ts), not here.
 * - Each write first sweeps at most SWEEP_BATCH expired rows of its table (index on expires_at), so expired
 *   rows never pile up and no write pays for more than a bounded sweep.
 * - Outstanding requests are unauthenticated to create (GET /login): at most
 *   MAX_OUTSTANDING_REQUESTS_PER_TENANT per tenant are kept; beyond that the one nearest to expiry goes.
 * - A session row is keyed by the SHA-256 of the cookie value: reading the database does not yield sessions.
 */
import {
  type AuthnRequestPurpose,
  type RequestedAuthnContextRecord,
  MAX_OUTSTANDING_REQUESTS_PER_TENANT,
  SWEEP_BATCH,
  type SpStateStore,
  type StoredSession,
} from '../sp-state.ts';
import type { SqliteDatabase } from './database.ts';
import { prepareAll, sql } from './statements.ts';

interface SessionDbRow {
  id_hash: string;
  tenant_id: string;
  user_id: string;
  user_name: string;
  attributes: string;
  name_id: string | null;
  created: string;
  expires_at: number;
}

const sweep = (table: string) =>
  sql<[now: number]>(`DELETE FROM ${table} WHERE rowid IN (SELECT rowid FROM ${table} WHERE expires_at <= ? ORDER BY expires_at LIMIT ${SWEEP_BATCH})`);

export function sqliteSpState(d: SqliteDatabase): SpStateStore {
  const s = prepareAll(d.db, {
    sweepRequests: sweep('saml_authn_requests'),
    sweepSessions: sweep('saml_sessions'),
    requestInsert: sql<[tenantId: string, requestId: string, binding: string | null, expiresAt: number, purpose: string, requestedAuthnContext: string | null]>(
      'INSERT OR REPLACE INTO saml_authn_requests (tenant_id, request_id, binding, expires_at, purpose, requested_authn_context) VALUES (?, ?, ?, ?, ?, ?)',
    ),
    requestCount: sql<[tenantId: string], { n: number }>('SELECT COUNT(*) AS n FROM saml_authn_requests WHERE tenant_id = ?'),
    requestEvictOldest: sql<[tenantId: string, count: number]>(
      `DELETE FROM saml_authn_requests WHERE rowid IN (
        SELECT rowid FROM saml_authn_requests WHERE tenant_id = ? ORDER BY expires_at LIMIT ?)`,
    ),
    requestConsume: sql<[tenantId: string, requestId: string, binding: string | null, now: number], { purpose: AuthnRequestPurpose; requested_authn_context: string | null }>(
      'DELETE FROM saml_authn_requests WHERE tenant_id = ? AND request_id = ? AND binding IS ? AND expires_at > ? RETURNING purpose, requested_authn_context',
    ),
    requestOutstanding: sql<[tenantId: string, requestId: string, now: number], { x: number }>(
      'SELECT 1 AS x FROM saml_authn_requests WHERE tenant_id = ? AND request_id = ? AND expires_at > ?',
    ),
    sessionInsert: sql<[idHash: string, tenantId: string, userId: string, userName: string, attributes: string, nameId: string | null, created: string, expiresAt: number]>(
      `INSERT INTO saml_sessions (id_hash, tenant_id, user_id, user_name, attributes, name_id, created, expires_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    ssoGet: sql<[tenantId: string], { enabled: number }>('SELECT enabled FROM tenant_sso_state WHERE tenant_id = ?'),
    ssoSet: sql<[tenantId: string, enabled: number, changedAt: string]>(
      `INSERT INTO tenant_sso_state (tenant_id, enabled, changed_at) VALUES (?, ?, ?)
        ON CONFLICT (tenant_id) DO UPDATE SET enabled = excluded.enabled, changed_at = excluded.changed_at`,
    ),
    sessionGet: sql<[idHash: string, tenantId: string, now: number], SessionDbRow>('SELECT * FROM saml_sessions WHERE id_hash = ? AND tenant_id = ? AND expires_at > ?'),
  });

  return {
    rememberAuthnRequest(tenantId, requestId, binding, expiresAt, now, purpose = 'sign-in', requestedAuthnContext) {
      d.transaction(() => {
        s.sweepRequests.run(now.getTime());
        s.requestInsert.run(tenantId, requestId, binding, expiresAt.getTime(), purpose, requestedAuthnContext ? JSON.stringify(requestedAuthnContext) : null);
        const over = s.requestCount.get(tenantId)!.n - MAX_OUTSTANDING_REQUESTS_PER_TENANT;
        if (over > 0) s.requestEvictOldest.run(tenantId, over);
      });
    },

    consumeAuthnRequest(tenantId, requestId, binding, now) {
      return d.transaction(() => {
        const consumed = s.requestConsume.get(tenantId, requestId, binding, now.getTime());
        if (consumed) {
          const requested = consumed.requested_authn_context === null ? undefined : (JSON.parse(consumed.requested_authn_context) as RequestedAuthnContextRecord);
          return { match: 'consumed', purpose: consumed.purpose, ...(requested ? { requestedAuthnContext: requested } : {}) };
        }
        return { match: s.requestOutstanding.get(tenantId, requestId, now.getTime()) ? 'other-browser' : 'unknown' };
      });
    },

    saveSession(session, now) {
      d.transaction(() => {
        s.sweepSessions.run(now.getTime());
        s.sessionInsert.run(
          session.idHash,
          session.tenantId,
          session.userId,
          session.userName,
          JSON.stringify(session.attributes),
          session.nameId ?? null,
          session.createdAt,
          Date.parse(session.expiresAt),
        );
      });
    },

    getSsoEnabled(tenantId) {
      const r = s.ssoGet.get(tenantId);
      return r === undefined ? undefined : r.enabled === 1;
    },

    setSsoEnabled(tenantId, enabled, now) {
      s.ssoSet.run(tenantId, enabled ? 1 : 0, now.toISOString());
    },

    findSession(idHash, tenantId, now): StoredSession | undefined {
      const r = s.sessionGet.get(idHash, tenantId, now.getTime());
      if (!r) return undefined;
      return {
        idHash: r.id_hash,
        tenantId: r.tenant_id,
        userId: r.user_id,
        userName: r.user_name,
        attributes: JSON.parse(r.attributes) as Record<string, string[]>,
        nameId: r.name_id ?? undefined,
        createdAt: r.created,
        expiresAt: new Date(r.expires_at).toISOString(),
      };
    },
  };
}
