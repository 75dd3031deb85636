import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { BATCH_SQL } from './batch-sql.ts';
import { migrate } from './migrations.ts';

// Every table a batch reads is reached by an index probe per id of the list, never a SCAN of the tenant's rows.
describe('batched page reads: query plans', () => {
  const db = new Database(':memory:');
  migrate(db);
  it.each(Object.entries(BATCH_SQL))('%s probes per id', (_name, sql) => {
    const params = (sql.match(/\?/g) ?? []).map((_, i) => (i % 2 === 0 ? '["x"]' : 'acme'));
    const details = (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail);
    const scans = details.filter((d) => /^SCAN /.test(d));
    expect(scans.length).toBeGreaterThan(0);
    expect(scans.every((d) => /^SCAN j VIRTUAL TABLE/.test(d))).toBe(true); // only the id list is scanned
    expect(details.filter((d) => /^SEARCH /.test(d)).every((d) => /USING (COVERING )?INDEX .*\((group_id|id|tenant_id=\? AND member_id)=\?/.test(d))).toBe(true);
  });
});
