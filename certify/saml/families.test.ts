import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SAML_FAMILIES } from './families.ts';

const FEATURES = join(import.meta.dirname, '../../features/certify-saml');

function catalogIds(): string[] {
  return readdirSync(FEATURES)
    .filter((f) => f.endsWith('.feature'))
    .flatMap((f) => [...readFileSync(join(FEATURES, f), 'utf8').matchAll(/@id:(SAML-[A-Z]+-\d+)/g)].map((m) => m[1]!));
}

describe('SAML_FAMILIES', () => {
  it('names a family and a remediation for every test ID of the catalog', () => {
    const ids = catalogIds();
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.filter((id) => SAML_FAMILIES[id] === undefined)).toEqual([]);
    for (const id of ids) {
      expect(SAML_FAMILIES[id]!.family).not.toBe('');
      expect(SAML_FAMILIES[id]!.remediation).not.toBe('');
    }
  });

  it('has no entry for a test ID the catalog does not have', () => {
    const ids = new Set(catalogIds());
    expect(Object.keys(SAML_FAMILIES).filter((id) => !ids.has(id))).toEqual([]);
  });
});
