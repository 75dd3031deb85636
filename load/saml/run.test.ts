// The load engine against the bundled reference SP over real HTTP on loopback: a trusting tenant signs every
// virtual user in; a tenant that trusts another IdP refuses every response at its ACS.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMockIdp, systemClock } from '../../mock-idp/index.ts';
import { startTrustingSp, type TrustingSp } from '../../certify/saml/test-support/trusting-sp.ts';
import { runLoadSaml, type LoadSamlOptions } from './run.ts';

let sp: TrustingSp;

beforeAll(async () => {
  const stranger = createMockIdp({ baseUrl: 'http://127.0.0.1:1', entityId: 'http://127.0.0.1:1/stranger-idp', clock: systemClock });
  sp = await startTrustingSp({ acme: {}, untrusting: { idp: { metadataXml: stranger.metadataXml() } } });
});
afterAll(() => sp?.close());

function options(tenant: string, rest: Partial<LoadSamlOptions> = {}): LoadSamlOptions {
  const target = sp.target(tenant);
  return { target: { ...target, loginUrl: target.loginUrl! }, rate: 5, durationMs: 2000, connections: 4, maxErrorRate: 0.01, serveIdp: false, ...rest };
}

describe('runLoadSaml', () => {
  it('completes every sign-in of a short run against a trusting SP, with figures for each leg', async () => {
    const result = await runLoadSaml(options('acme'));
    expect(result.outcomes).toEqual({ ok: 10 });
    expect(result).toMatchObject({ offered: 10, completed: 10, errors: 0, errorRate: 0, passed: true });
    for (const leg of ['login', 'mint', 'acs', 'whoami', 'signIn'] as const) expect(result.legs[leg].count).toBe(10);
    expect(result.legs.failedSignIn.count).toBe(0);
    expect(result.series.reduce((n, row) => n + row.completed, 0)).toBe(10);
  });

  it('counts load/acs-refused for every sign-in when the SP does not trust the IdP, and fails the run', async () => {
    const result = await runLoadSaml(options('untrusting', { durationMs: 1000 }));
    expect(result.outcomes).toEqual({ 'load/acs-refused': 5 });
    expect(result).toMatchObject({ completed: 0, errors: 5, errorRate: 1, passed: false });
    expect(result.legs.acs.count).toBe(0);
    expect(result.legs.failedSignIn.count).toBe(5);
  });
});
