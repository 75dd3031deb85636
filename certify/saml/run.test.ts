/*
 * `certify saml`'s run end to end, in-process: the catalog (features/certify-saml) against
 * - the bundled reference SP the stage starts (no target): no MUST failure, every test with a stable ID;
 * - `npm start`'s tenants acme, sonarqube and datocms (startHarness on free ports, a temp data dir), SP-initiated
 *   from /saml/<tenant>/login, whoami /saml/<tenant>/me at user.userName, trusting the IdP whose keys are in
 *   <data dir>/idp: certified, and the report it makes matches its schema;
 * - an SP that does not trust the run's IdP: the baseline fails with a diagnosis naming the metadata URL, and no
 *   test runs;
 * - an interrupt before anything is sent: interrupted, nothing run.
 * One support code library serves every run (step files are imported once per process).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ISupportCodeLibrary } from '@cucumber/cucumber/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_IDP_USERS } from '../../cli/start/embedded-defaults.ts';
import { type RunningHarness, startHarness } from '../../cli/start/start-harness.ts';
import type { SamlCertifyTarget } from './contract.ts';
import { toSamlDocument } from './report/document.ts';
import { validateSamlDocument } from './report/write.ts';
import { runSamlCertification, type SamlCertification } from './run.ts';

const scratch = mkdtempSync(join(tmpdir(), 'ssoh-certify-saml-'));
let harness: RunningHarness;
let support: ISupportCodeLibrary | undefined;

const [user, victim] = DEFAULT_IDP_USERS.map((u) => u.email) as [string, string];

function tenantTarget(tenant: string, overrides: Partial<SamlCertifyTarget> = {}): SamlCertifyTarget {
  return {
    spMetadata: { url: `${harness.spUrl}/saml/${tenant}/metadata` },
    loginUrl: `${harness.spUrl}/saml/${tenant}/login`,
    whoami: { url: `${harness.spUrl}/saml/${tenant}/me`, jsonPath: 'user.userName' },
    user,
    victim,
    // The SP trusts the harness's IdP by its metadata URL: same keys (<data dir>/idp), same entity ID.
    idp: { dataDir: join(scratch, 'idp'), port: 0, entityId: `${harness.idpUrl}/metadata` },
    timeoutMs: 10_000,
    ...overrides,
  };
}

async function certify(target: SamlCertifyTarget | undefined): Promise<SamlCertification> {
  const run = await runSamlCertification({ target, profile: 'all', ...(support ? { support } : {}) });
  support = run.support ?? support;
  return run;
}

const mustFailures = (run: SamlCertification): string[] =>
  run.outcomes.filter((o) => o.level === 'MUST' && (o.verdict === 'fail' || o.verdict === 'error')).map((o) => `${o.id}: ${o.failure?.split('\n')[0] ?? ''}`);

beforeAll(async () => {
  harness = await startHarness({ idpPort: 0, spPort: 0, dataDir: scratch, log: () => {} });
}, 60_000);

afterAll(async () => {
  await harness?.close();
  rmSync(scratch, { recursive: true, force: true });
});

describe('certify saml against the bundled reference SP', () => {
  it('fails no MUST test, and every test has a stable ID', async () => {
    const run = await certify(undefined);
    expect(run.runError).toBeUndefined();
    expect(run.outcomes.length).toBeGreaterThan(10);
    expect(run.outcomes.filter((o) => !o.stableId).map((o) => o.name)).toEqual([]);
    expect(mustFailures(run)).toEqual([]);
    expect(run.summary.certified).toBe(true);
    expect(run.baseline).toBeUndefined();
  }, 300_000);
});

describe("certify saml against npm start's tenants", () => {
  it.each(['acme', 'sonarqube', 'datocms'])(
    '%s is certified, SP-initiated with the whoami oracle',
    async (tenant) => {
      const run = await certify(tenantTarget(tenant));
      expect(run.baseline).toEqual({ ok: true, diagnosis: undefined });
      expect(run).toMatchObject({ mode: 'sp-initiated', oracle: 'whoami', driver: 'http', runError: undefined, interrupted: undefined });
      expect(run.outcomes.length).toBeGreaterThan(10);
      expect(mustFailures(run)).toEqual([]);
      expect(run.summary.certified).toBe(true);
      const doc = toSamlDocument(run, '0.0.0');
      expect(await validateSamlDocument(doc)).toEqual([]);
      expect(doc.certified).toBe(true);
      expect(doc.target.idpMetadataUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/metadata$/);
      expect(doc.tests.some((t) => t.spVerdict !== null && t.message !== null)).toBe(true);
    },
    300_000,
  );
});

describe('the baseline comes first', () => {
  it('an SP that does not trust the run’s IdP: not certified, a diagnosis naming the metadata URL, nothing else run', async () => {
    // Another entity ID and other keys: the SP's trust is for the harness's IdP, not this one.
    const target = tenantTarget('acme', { idp: { dataDir: join(scratch, 'stranger'), port: 0, entityId: 'https://stranger.example.test/idp' } });
    let served: string | undefined;
    const run = await runSamlCertification({ target, profile: 'all', onIdpReady: (idp) => (served = idp.metadataUrl), ...(support ? { support } : {}) });
    expect(run.baseline).toMatchObject({ ok: false, code: 'certify-saml/baseline-failed' });
    expect(served).toBeDefined();
    expect(run.baseline?.diagnosis).toContain(served!);
    expect(run.outcomes).toEqual([]);
    expect(toSamlDocument(run, '0.0.0').certified).toBe(false);
  }, 60_000);

  it('an interrupt before the baseline: interrupted, nothing sent', async () => {
    const controller = new AbortController();
    controller.abort('SIGINT');
    const run = await runSamlCertification({ target: tenantTarget('acme'), profile: 'all', signal: controller.signal });
    expect(run).toMatchObject({ interrupted: 'SIGINT', baseline: undefined, outcomes: [] });
  });
});
