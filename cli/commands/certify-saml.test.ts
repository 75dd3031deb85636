/*
 * `sso-harness certify saml` as a user meets it, in-process through `main`: every problem with the options at once,
 * each naming its flag, exit 2, before anything is sent; env fallbacks; a taken --idp-port and a missing browser are
 * one-line failures (exit 1); against `npm start` (startHarness on free ports) the IdP metadata URL the SP must
 * trust comes first, a baseline the SP refuses is exit 1 with its diagnosis and a report, a certified run is exit 0
 * with the three reports. Errors are matched by their code and the flag they must name, never by message text.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createMockIdp, systemClock } from '../../mock-idp/index.ts';
import { startSamlDefectSp } from '../../certify/saml/defects/index.ts';
import { browserSkipReason } from '../../e2e/chromium.ts';
import { main } from '../main.ts';
import { commandRunner } from './test-support/run-command.ts';
import { type RunningHarness, startHarness } from '../start/start-harness.ts';
import { findBrowser, parseSamlFlags } from './certify-saml.ts';
import type { CommandFailure } from './shared/failure.ts';

const scratch = mkdtempSync(join(tmpdir(), 'ssoh-cli-saml-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
afterEach(() => vi.unstubAllEnvs());

const run = commandRunner('certify', 'saml');

const SP = ['--sp-entity-id', 'https://sp.example.test', '--acs', 'https://sp.example.test/acs', '--user', 'alice@example.com', '--victim', 'bob@example.com'];

describe('usage errors: exit 2, every problem at once, each naming its flag', () => {
  it.each([
    [['--login-url', 'http://127.0.0.1:1/login'], ['--login-url']],
    [
      ['--sp-entity-id', 'urn:sp'],
      ['--acs', '--user', '--victim'],
    ],
    [['--acs', 'http://127.0.0.1:1/acs', '--user', 'a@example.com', '--victim', 'b@example.com'], ['--sp-entity-id']],
    [['--sp-metadata', join(scratch, 'absent.xml'), ...SP.slice(4)], ['--sp-metadata']],
    [[...SP, '--sp-metadata', 'http://127.0.0.1:1/metadata'], ['--sp-metadata']],
    [[...SP, '--acs', 'ftp://x/acs'], ['--acs']],
    [[...SP, '--whoami-json-path', 'user.userName'], ['--whoami-json-path']],
    [[...SP, '--whoami', 'http://127.0.0.1:1/me', '--whoami-json-path', 'a', '--whoami-match', 'b'], ['--whoami-json-path and --whoami-match']],
    [[...SP, '--whoami', 'http://127.0.0.1:1/me', '--whoami-match', '(unclosed'], ['--whoami-match']],
    [
      [...SP.slice(0, 4), '--user', 'alice', '--victim', 'alice'],
      ['--user', '--victim'],
    ],
    [
      [...SP, '--timeout-ms', '5', '--idp-port', '70000'],
      ['--timeout-ms', '--idp-port'],
    ],
    [[...SP, '--browser-path', join(scratch, 'no-chrome')], ['--browser-path']],
  ])('%j names %j', async (argv, flags) => {
    const r = await run(...argv);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toContain('[certify/invalid-options]');
    for (const flag of flags) expect(r.err).toContain(flag);
  });

  it.each([
    ['--profile', 'gold'],
    ['--browser', 'firefox'],
  ])('%s %s is refused by its choices', async (flag, value) => {
    const r = await run(...SP, flag, value);
    expect(r.code).toBe(2);
    expect(r.err).toContain(flag);
  });

  it('reads options from the environment', () => {
    vi.stubEnv('SAML_USER', 'alice@example.com');
    vi.stubEnv('SAML_VICTIM', 'bob@example.com');
    vi.stubEnv('SAML_ACS_URLS', 'https://sp.example.test/acs,https://sp.example.test/acs2');
    vi.stubEnv('SAML_SP_ENTITY_ID', 'https://sp.example.test');
    return run('--timeout-ms', '5').then((r) => {
      // Only the flag given wrong is named: the rest came from the environment.
      expect(r.code).toBe(2);
      expect(r.err).toContain('--timeout-ms');
      expect(r.err).not.toContain('--user');
      expect(r.err).not.toContain('--acs');
    });
  });

  it('builds the target the stage reads: npm start’s data dir layout, ACS URLs split on commas, --browser-path implies chromium', () => {
    const chrome = join(scratch, 'chrome');
    writeFileSync(chrome, '');
    const parsed = parseSamlFlags({
      spEntityId: 'https://sp.example.test',
      acs: ['https://sp.example.test/acs', 'https://sp.example.test/acs2'],
      user: 'alice@example.com',
      victim: 'bob@example.com',
      whoami: 'https://sp.example.test/me',
      whoamiJsonPath: 'user.email',
      browserPath: chrome,
      profile: 'core',
      reportDir: 'reports',
      timeoutMs: 10_000,
      idpPort: 0,
      idpEntityId: 'http://127.0.0.1:7000/metadata',
      dataDir: '.data',
    });
    expect(parsed).toMatchObject({
      target: {
        spEntityId: 'https://sp.example.test',
        acsUrls: ['https://sp.example.test/acs', 'https://sp.example.test/acs2'],
        whoami: { url: 'https://sp.example.test/me', jsonPath: 'user.email' },
        idp: { dataDir: join('.data', 'idp'), port: 0, entityId: 'http://127.0.0.1:7000/metadata' },
        browser: { kind: 'chromium', executablePath: chrome },
      },
    });
  });
});

describe('run-time failures: exit 1, one line with a code', () => {
  it('--browser chromium without a browser installed', () => {
    const parsed = parseSamlFlags({ ...base(), browser: 'chromium' });
    if ('problems' in parsed) throw new Error(parsed.problems.join());
    expect(() => findBrowser(parsed.target!, [join(scratch, 'nothing-here')])).toThrow(expect.objectContaining({ code: 'certify-saml/no-browser' }) as CommandFailure);
  });

  it('an --idp-port that is taken', async () => {
    const server: Server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as { port: number }).port;
    try {
      const r = await run(...SP, '--idp-port', String(port), '--data-dir', scratch, '--report-dir', join(scratch, 'r0'));
      expect(r.code).toBe(1);
      expect(r.err).toMatch(/--idp-port.*\[certify-saml\/idp-port-in-use\]/);
      expect(existsSync(join(scratch, 'r0'))).toBe(false);
    } finally {
      server.close();
    }
  });
});

function base() {
  return { ...parseFlagsBase, spEntityId: 'https://sp.example.test', acs: ['https://sp.example.test/acs'], user: 'alice@example.com', victim: 'bob@example.com' };
}
const parseFlagsBase = { profile: 'core' as const, reportDir: 'reports', timeoutMs: 10_000, idpPort: 0, idpEntityId: 'http://127.0.0.1:7000/metadata', dataDir: '.data' };

describe("against npm start's acme tenant", () => {
  let harness: RunningHarness;
  const dataDir = join(scratch, 'data');
  beforeAll(async () => {
    harness = await startHarness({ idpPort: 0, spPort: 0, dataDir, log: () => {} });
  }, 60_000);
  afterAll(() => harness?.close());

  const acme = (): string[] => [
    '--sp-metadata',
    `${harness.spUrl}/saml/acme/metadata`,
    '--login-url',
    `${harness.spUrl}/saml/acme/login`,
    '--whoami',
    `${harness.spUrl}/saml/acme/me`,
    '--whoami-json-path',
    'user.userName',
    '--user',
    'alice@example.com',
    '--victim',
    'bob@example.com',
    '--data-dir',
    dataDir,
    '--idp-entity-id',
    `${harness.idpUrl}/metadata`,
  ];

  it('a baseline the SP refuses: exit 1, the diagnosis names the metadata URL, the report says so, no test ran', async () => {
    const reportDir = join(scratch, 'r1');
    const r = await run(...acme(), '--idp-entity-id', 'https://stranger.example.test/idp', '--data-dir', join(scratch, 'stranger'), '--report-dir', reportDir);
    expect(r.code).toBe(1);
    const metadataUrl = /metadata at (http:\/\/127\.0\.0\.1:\d+\/metadata)/.exec(r.out)?.[1];
    expect(metadataUrl).toBeDefined();
    expect(r.out.indexOf(metadataUrl!)).toBeLessThan(r.out.indexOf('baseline FAILED'));
    expect(r.out).toContain(`does it trust ${metadataUrl}`);
    expect(r.out).toMatch(/^baseline FAILED: .*\[certify-saml\/baseline-failed\]$/m);
    const doc = JSON.parse(readFileSync(join(reportDir, 'certification-saml.json'), 'utf8')) as { certified: boolean; baseline: { ok: boolean; code: string }; tests: unknown[] };
    expect(doc).toMatchObject({ certified: false, baseline: { ok: false, code: 'certify-saml/baseline-failed' }, tests: [] });
    expect(readFileSync(join(reportDir, 'junit.xml'), 'utf8')).toContain('BaselineFailed');
  }, 60_000);

  it('SIGINT during the run: no new test starts, exit 130, the report marks the rest interrupted', async () => {
    const reportDir = join(scratch, 'r3');
    let out = '';
    let signalled = false;
    const code = await main(['certify', 'saml', ...acme(), '--report-dir', reportDir], {
      out: (t) => {
        out += t;
        // After the first finished test, as if Ctrl-C were pressed (the handler is the command's own).
        if (!signalled && /^(PASS|FAIL|SKIP)/m.test(t)) {
          signalled = true;
          process.emit('SIGINT', 'SIGINT');
        }
      },
      err: () => {},
    });
    expect(code).toBe(130);
    expect(out).toMatch(/^NOT CERTIFIED: the run was interrupted$/m);
    const doc = JSON.parse(readFileSync(join(reportDir, 'certification-saml.json'), 'utf8')) as { interrupted: string; certified: boolean; summary: { interrupted: number } };
    expect(doc).toMatchObject({ interrupted: 'SIGINT', certified: false });
    expect(doc.summary.interrupted).toBeGreaterThan(0);
  }, 120_000);

  it('metadata from a file, IdP-initiated, inferred verdicts: the reports name the file, never its path', async () => {
    const file = join(scratch, 'acme-metadata.xml');
    writeFileSync(file, await (await fetch(`${harness.spUrl}/saml/acme/metadata`)).text());
    const reportDir = join(scratch, 'r5');
    const r = await run(
      ...['--sp-metadata', file, '--user', 'alice@example.com', '--victim', 'bob@example.com', '--data-dir', dataDir, '--idp-entity-id', `${harness.idpUrl}/metadata`],
      ...['--tags', '@id:SAML-SIG-01 or @id:SAML-SIG-04', '--report-dir', reportDir],
    );
    expect(r.code).toBe(0);
    const json = readFileSync(join(reportDir, 'certification-saml.json'), 'utf8');
    expect(JSON.parse(json)).toMatchObject({ target: { sp: 'SP metadata file acme-metadata.xml', mode: 'idp-initiated', oracle: 'inferred' } });
    for (const name of ['certification-saml.json', 'certification-saml.html', 'junit.xml']) expect(readFileSync(join(reportDir, name), 'utf8')).not.toContain(scratch);
    expect(readFileSync(join(reportDir, 'certification-saml.html'), 'utf8')).toContain('<strong>Inferred verdicts</strong>');
  }, 120_000);

  it.skipIf(browserSkipReason() !== undefined)(
    '--browser chromium: the same run in a real browser',
    async () => {
      const reportDir = join(scratch, 'r6');
      const r = await run(...acme(), '--browser', 'chromium', '--tags', '@id:SAML-SIG-01 or @id:SAML-XSW-03', '--report-dir', reportDir);
      expect(r.code).toBe(0);
      expect(r.out).toMatch(/^PASS\s+MUST\s+SAML-XSW-03\b/m);
      expect(JSON.parse(readFileSync(join(reportDir, 'certification-saml.json'), 'utf8'))).toMatchObject({ target: { driver: 'chromium' }, certified: true });
    },
    120_000,
  );

  it('certified: exit 0, the IdP metadata URL first, one line per test, CERTIFIED, three reports', async () => {
    const reportDir = join(scratch, 'r2');
    const r = await run(...acme(), '--tags', '@id:SAML-SIG-01 or @id:SAML-SIG-05 or @id:SAML-XSW-03', '--report-dir', reportDir);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const lines = r.out.split('\n');
    expect(lines[0]).toMatch(/^the SP must trust the mock IdP \S+, metadata at http:\/\/127\.0\.0\.1:\d+\/metadata$/);
    expect(lines.some((l) => /^PASS\s+MUST\s+SAML-/.test(l))).toBe(true);
    expect(r.out).toMatch(/^CERTIFIED/m);
    for (const file of ['certification-saml.json', 'certification-saml.html', 'junit.xml']) expect(existsSync(join(reportDir, file))).toBe(true);
  }, 120_000);
});

describe('an SP with a defect', () => {
  it('a MUST test it fails: exit 1, NOT CERTIFIED, the failure in junit', async () => {
    const dataDir = join(scratch, 'defect-data');
    const entityId = 'https://certify-idp.cli.test/metadata';
    const idpMetadataXml = createMockIdp({ baseUrl: 'http://127.0.0.1:7000', entityId, dataDir: join(dataDir, 'idp'), clock: systemClock }).metadataXml();
    const sp = await startSamlDefectSp('accepts-unsigned', { idpMetadataXml });
    const reportDir = join(scratch, 'r4');
    try {
      const r = await run(
        ...['--sp-metadata', sp.metadataUrl, '--login-url', sp.loginUrl, '--whoami', sp.whoamiUrl, '--whoami-json-path', sp.whoamiJsonPath],
        ...['--user', 'alice@example.com', '--victim', 'bob@example.com', '--data-dir', dataDir, '--idp-entity-id', entityId],
        ...['--tags', '@id:SAML-SIG-01 or @id:SAML-SIG-04', '--report-dir', reportDir],
      );
      expect(r.code).toBe(1);
      expect(r.out).toMatch(/^FAIL\s+MUST\s+SAML-SIG-04\b/m);
      expect(r.out).toMatch(/^MUST failures: SAML-SIG-04$/m);
      expect(r.out).toMatch(/^NOT CERTIFIED$/m);
      expect(readFileSync(join(reportDir, 'junit.xml'), 'utf8').match(/<failure /g)).toHaveLength(1);
    } finally {
      await sp.close();
    }
  }, 120_000);
});
