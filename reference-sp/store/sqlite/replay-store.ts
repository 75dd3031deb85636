/*
 * The replay store (../replay-store.ts) in SQLite: table replay_ids of migration 10 (../migrations.ts).
 * - Remembering is one upsert that only overwrites an expired row, so two concurrent posts of the same ID cannot
 *   both be honoured, and an ID seen again after its expiry is a new use.
 * - Each write first sweeps at most SWEEP_BATCH expired rows (index on expires_at): the purge is bounded.
 */
import type { ReplayStore } from '../replay-store.ts';
import { SWEEP_BATCH } from '../sp-state.ts';
import type { SqliteDatabase } from './database.ts';
import { prepareAll, sql } from './statements.ts';

export function sqliteReplayStore(d: SqliteDatabase): ReplayStore {
  const s = prepareAll(d.db, {
    sweep: sql<[now: number]>(`DELETE FROM replay_ids WHERE rowid IN (SELECT rowid FROM replay_ids WHERE expires_at <= ? ORDER BY expires_at LIMIT ${SWEEP_BATCH})`),
    remember: sql<[kind: string, tenantId: string, id: string, expiresAt: number, now: number]>(
      `INSERT INTO replay_ids (kind, tenant_id, id, expires_at) VALUES (?, ?, ?, ?)
        ON CONFLICT (kind, tenant_id, id) DO UPDATE SET expires_at = excluded.expires_at
        WHERE replay_ids.expires_at <= ?`,
    ),
  });
  return {
    rememberOnce(kind, tenantId, id, until, now) {
      return d.transaction(() => {
        s.sweep.run(now.getTime());
        return s.remember.run(kind, tenantId, id, until.getTime(), now.getTime()).changes === 1;
      });
    },
  };
}
