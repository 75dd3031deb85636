/* docs/certify-saml.md lists every test of the SAML catalog: its table is generated from the features, and this fails when it is stale. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { catalogRows, DOC_PATH, renderTable, withTable } from './catalog-table.ts';

describe('docs/certify-saml.md', () => {
  it('lists every test of features/certify-saml (regenerate: npx tsx certify/saml/report/catalog-table.ts)', async () => {
    const rows = await catalogRows();
    expect(rows.length).toBeGreaterThan(0);
    const doc = readFileSync(DOC_PATH, 'utf8');
    expect(doc).toBe(withTable(doc, renderTable(rows)));
    for (const row of rows) expect(doc).toContain(`\`${row.id}\``);
  });

  it('every test ID is stable and used once', async () => {
    const ids = (await catalogRows()).map((r) => r.id);
    expect(ids.filter((id) => !/^SAML-[A-Z0-9]+(-[A-Z0-9]+)*-\d{2}$/.test(id))).toEqual([]);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });
});
