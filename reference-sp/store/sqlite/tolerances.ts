/*
 * Tolerances: what a lenient tenant accepted that the RFC does not allow, recorded per tenant in arrival order
 * (served at /.tolerances, docs/reference-scim.md).
 */
import type { ToleranceStore } from '../types.ts';
import type { SqliteDatabase } from './database.ts';
import { prepareAll, sql } from './statements.ts';

interface ToleranceDbRow {
  seq: number;
  tenant_id: string;
  at: string;
  code: string;
  detail: string;
  resource_type: string | null;
  operation: string | null;
}

export function sqliteTolerances(d: SqliteDatabase): ToleranceStore {
  const s = prepareAll(d.db, {
    insert: sql<[tenantId: string, at: string, code: string, detail: string, resourceType: string | null, operation: string | null]>(
      'INSERT INTO tolerances (tenant_id, at, code, detail, resource_type, operation) VALUES (?, ?, ?, ?, ?, ?)',
    ),
    list: sql<[tenantId: string], ToleranceDbRow>('SELECT * FROM tolerances WHERE tenant_id = ? ORDER BY seq'),
  });
  return {
    recordTolerance(tenantId, t) {
      s.insert.run(tenantId, d.now(), t.code, t.detail, t.resourceType ?? null, t.operation ?? null);
    },
    listTolerances: (tenantId) =>
      s.list.all(tenantId).map((r) => ({
        seq: r.seq,
        tenantId: r.tenant_id,
        at: r.at,
        code: r.code,
        detail: r.detail,
        resourceType: r.resource_type,
        operation: r.operation,
      })),
  };
}
