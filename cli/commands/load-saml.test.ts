/*
 * `sso-harness load saml` as a user meets it, in-process through `main`, against `npm start` (startHarness on free
 * ports, real HTTP on loopback): every problem with the options at once, each naming its flag, exit 2; a short run
 * signs every virtual user in with 0 errors and writes load.json and load.html with its chart (exit 0); an SP that
 * does not trust the IdP refuses every response with load/acs-refused (exit 1); SIGINT stops the run, still writes
 * the report, exit 130. Outcomes are matched by code, never by message text; nothing is timed.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../main.ts';
import { commandRunner } from './test-support/run-command.ts';
import { type RunningHarness, startHarness } from '../start/start-harness.ts';

const scratch = mkdtempSync(join(tmpdir(), 'ssoh-cli-load-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
afterEach(() => vi.unstubAllEnvs());

const run = commandRunner('load', 'saml');

const SP = ['--sp-metadata', 'http://127.0.0.1:1/metadata', '--login-url', 'http://127.0.0.1:1/login', '--user', 'alice@example.com'];

describe('usage errors: exit 2, every problem at once, each naming its flag', () => {
  it.each([
    [[], ['--sp-metadata']],
    [['--sp-metadata', 'http://127.0.0.1:1/metadata', '--user', 'alice@example.com'], ['--login-url']],
    [[...SP.slice(0, 4)], ['--user']],
    [
      [...SP, '--rate', '0', '--duration', '2h', '--connections', '0', '--max-error-rate', '101%'],
      ['--rate', '--duration', '--connections', '--max-error-rate'],
    ],
    [
      [...SP, '--rate', '10001/s', '--duration', '500ms'],
      ['--rate', '--duration'],
    ],
    [
      [...SP, '--whoami-json-path', 'user.userName', '--timeout-ms', '5'],
      ['--whoami-json-path', '--timeout-ms'],
    ],
    [['--sp-metadata', join(scratch, 'absent.xml'), ...SP.slice(2)], ['--sp-metadata']],
  ])('%j names %j', async (argv, flags) => {
    const r = await run(...argv);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toContain('[cli/invalid-value]');
    for (const flag of flags) expect(r.err).toContain(flag);
  });

  it("takes its options from the environment too (certify saml's SP variables, LOAD_* for the load)", async () => {
    vi.stubEnv('SAML_SP_METADATA', 'http://127.0.0.1:1/metadata');
    vi.stubEnv('SAML_LOGIN_URL', 'http://127.0.0.1:1/login');
    vi.stubEnv('SAML_USER', 'alice@example.com');
    vi.stubEnv('LOAD_RATE', 'fast');
    const r = await run();
    expect(r.code).toBe(2);
    expect(r.err).toContain('--rate');
    expect(r.err).not.toContain('--sp-metadata');
  });
});

describe('failures before any sign-in', () => {
  it('metadata that cannot be fetched: one line with its code, exit 1, nothing sent', async () => {
    const r = await run(...SP, '--out', join(scratch, 'unreachable'));
    expect(r.code).toBe(1);
    expect(r.err).toContain('[certify-saml/metadata-unreachable]');
    expect(existsSync(join(scratch, 'unreachable', 'load.json'))).toBe(false);
  });
});

describe("against npm start's acme tenant", () => {
  let harness: RunningHarness;
  const dataDir = join(scratch, 'data');
  beforeAll(async () => {
    harness = await startHarness({ idpPort: 0, spPort: 0, dataDir, log: () => {} });
  }, 60_000);
  afterAll(() => harness?.close());

  /** The acme tenant of `npm start`, with its whoami; `idp` overrides which IdP (entity ID and key directory) mints. */
  const acme = (idp = { entityId: `${harness.idpUrl}/metadata`, dataDir }): string[] => {
    const tenant = `${harness.spUrl}/saml/acme`;
    const oracle = ['--whoami', `${tenant}/me`, '--whoami-json-path', 'user.userName'];
    return [
      '--sp-metadata',
      `${tenant}/metadata`,
      '--login-url',
      `${tenant}/login`,
      ...oracle,
      '--user',
      'alice@example.com',
      '--data-dir',
      idp.dataDir,
      '--idp-entity-id',
      idp.entityId,
      '--connections',
      '4',
    ];
  };
  /** An IdP the tenant does not trust: every response it mints is refused. */
  const stranger = () => acme({ entityId: 'https://stranger.example.test/idp', dataDir: join(scratch, 'stranger') });

  it('a short run signs every virtual user in: exit 0, per-leg figures, load.json and load.html with the chart', async () => {
    const out = join(scratch, 'ok');
    const r = await run(...acme(), '--rate', '4/s', '--duration', '2s', '--out', out);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/metadata at http:\/\/127\.0\.0\.1:\d+\/metadata/);
    const doc = JSON.parse(readFileSync(join(out, 'load.json'), 'utf8')) as {
      offered: number;
      errors: number;
      outcomes: Record<string, number>;
      legs: Record<string, { count: number; p50: number; p99: number }>;
      series: unknown[];
    };
    expect(doc).toMatchObject({ offered: 8, errors: 0, outcomes: { ok: 8 } });
    for (const leg of ['login', 'mint', 'acs', 'whoami', 'signIn']) expect(doc.legs[leg]!.count).toBe(8);
    expect(doc.series.length).toBeGreaterThanOrEqual(2);
    const html = readFileSync(join(out, 'load.html'), 'utf8');
    expect(html).toContain('<svg');
    expect(html).toMatch(/<polyline [^>]*points="[^"]+"/);
    expect(html).not.toMatch(/<script|https?:\/\/cdn/i);
  }, 60_000);

  it('an SP that does not trust the IdP refuses every response: load/acs-refused, exit 1, the report still written', async () => {
    const out = join(scratch, 'refused');
    const r = await run(...stranger(), '--rate', '3', '--duration', '1s', '--out', out);
    expect(r.code).toBe(1);
    const doc = JSON.parse(readFileSync(join(out, 'load.json'), 'utf8')) as { outcomes: Record<string, number>; passed: boolean };
    expect(doc).toMatchObject({ outcomes: { 'load/acs-refused': 3 }, passed: false });
    expect(r.out).toContain('load/acs-refused');
  }, 60_000);

  it('a run past --max-error-rate 100% never fails on errors', async () => {
    const out = join(scratch, 'lenient');
    const r = await run(...stranger(), '--rate', '2', '--duration', '1s', '--max-error-rate', '100', '--out', out);
    expect(r.code).toBe(0);
  }, 60_000);

  it('SIGINT stops the arrivals: exit 130, the report is written and says interrupted', async () => {
    const out = join(scratch, 'interrupted');
    let signalled = false;
    const code = await main(['load', 'saml', ...acme(), '--rate', '2', '--duration', '1h', '--out', out], {
      out: () => {},
      // After the first progress line, as if Ctrl-C were pressed (the handler is the command's own).
      err: (t) => {
        if (!signalled && /offered/.test(t)) {
          signalled = true;
          process.emit('SIGINT', 'SIGINT');
        }
      },
    });
    expect(code).toBe(130);
    expect(existsSync(join(out, 'load.html'))).toBe(true);
    const doc = JSON.parse(readFileSync(join(out, 'load.json'), 'utf8')) as { wasInterrupted: boolean; passed: boolean };
    expect(doc).toMatchObject({ wasInterrupted: true, passed: false });
  }, 60_000);
});
