/*
 * Tenants: created on first use (idempotent), never deleted.
 */
import type { TenantRow } from '../types.ts';
import type { SqliteDatabase } from './database.ts';
import { prepareAll, sql } from './statements.ts';

export interface TenantPort {
  ensureTenant(id: string, profile?: string): TenantRow;
  getTenant(id: string): TenantRow | undefined;
}

export function sqliteTenants(d: SqliteDatabase): TenantPort {
  const s = prepareAll(d.db, {
    insert: sql<[id: string, profile: string, created: string]>('INSERT OR IGNORE INTO tenants (id, profile, created) VALUES (?, ?, ?)'),
    get: sql<[id: string], TenantRow>('SELECT id, profile, created FROM tenants WHERE id = ?'),
  });
  return {
    ensureTenant(id, profile = 'generic') {
      s.insert.run(id, profile, d.now());
      return s.get.get(id)!;
    },
    getTenant: (id) => s.get.get(id),
  };
}
