import { describe, expect, it } from 'vitest';
import { tenantConfig, TestClock } from '../test-support/fixture.ts';
import { isSamlRejection } from '../rejection.ts';
import type { AcsState } from '../state.ts';
import { parseXml } from '../xml.ts';
import { checkConditions } from './check-conditions.ts';

const NOW = new Date('2026-01-01T00:00:00Z');
const at = (s: number) => new Date(NOW.getTime() + s * 1000).toISOString();

// saml-core §2.5.1.2: valid when NotBefore <= now < NotOnOrAfter, widened by the skew on both sides.
const table: { notBefore?: string; notOnOrAfter?: string; skew: number; expected: string }[] = [
  { notBefore: at(-1), notOnOrAfter: at(1), skew: 0, expected: 'ok' },
  { notBefore: at(0), skew: 0, expected: 'ok' },
  { notBefore: at(1), skew: 0, expected: 'conditions/not-yet-valid' },
  { notBefore: at(30), skew: 30, expected: 'ok' },
  { notBefore: at(31), skew: 30, expected: 'conditions/not-yet-valid' },
  { notOnOrAfter: at(0), skew: 0, expected: 'conditions/expired' },
  { notOnOrAfter: at(-29), skew: 30, expected: 'ok' },
  { notOnOrAfter: at(-30), skew: 30, expected: 'conditions/expired' },
  { notOnOrAfter: 'yesterday', skew: 0, expected: 'response/invalid' },
];

describe('check-conditions', () => {
  it.each(table)('NotBefore=$notBefore NotOnOrAfter=$notOnOrAfter skew=$skew → $expected', async (row) => {
    const tenant = (await tenantConfig({ clockSkewSeconds: row.skew })).tenants[0]!;
    const xml =
      `<saml:Assertion xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion"><saml:Conditions` +
      (row.notBefore ? ` NotBefore="${row.notBefore}"` : '') +
      (row.notOnOrAfter ? ` NotOnOrAfter="${row.notOnOrAfter}"` : '') +
      `/></saml:Assertion>`;
    const state = { tenant, saml: tenant.saml, now: new TestClock(NOW).now(), signatures: [], assertion: parseXml(xml).documentElement! } as unknown as AcsState;
    let outcome = 'ok';
    try {
      checkConditions.run(state);
    } catch (e) {
      outcome = isSamlRejection(e) ? e.code : 'threw';
    }
    expect(outcome).toBe(row.expected);
  });
});
