/*
 * The CLI as a user meets it, run in-process through `main` (what bin/sso-harness.js calls) with its output
 * captured: help and version, a typo, usage errors (exit 2) versus run-time failures (exit 1, one line naming
 * what failed), the certification's pre-flight check, and idp mint's flag errors. Errors are matched by their
 * stable code in brackets, and by the flag, port or system error they must name.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { startBundledServer } from '../steps/support/scim/bundled-server.ts';
import { COMMANDS, main } from './main.ts';

const scratch = mkdtempSync(join(tmpdir(), 'ssoh-cli-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
afterEach(() => vi.unstubAllEnvs());

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (t) => void (out += t), err: (t) => void (err += t) });
  return { code, out, err };
}

const lines = (text: string): string[] => text.split('\n').filter((l) => l !== '');

async function listening(): Promise<{ server: Server; port: number }> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.address() as { port: number }).port };
}

describe('help and version', () => {
  it('--help lists every command with its description, on stdout, exit 0', async () => {
    const r = await run('--help');
    expect(r).toMatchObject({ code: 0, err: '' });
    for (const group of ['start', 'certify', 'provision', 'expression', 'idp', 'help']) expect(r.out).toMatch(new RegExp(`^  ${group}\\b.*\\S`, 'm'));
  });

  it('no arguments shows the same help', async () => {
    expect((await run()).out).toBe((await run('--help')).out);
  });

  it('--version prints the version in package.json', async () => {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
    expect(await run('--version')).toEqual({ code: 0, out: `${pkg.version}\n`, err: '' });
  });

  it.each(COMMANDS.map((c) => [c.path.join(' '), c.path] as const))('%s --help shows its usage and options, exit 0', async (_name, path) => {
    const r = await run(...path, '--help');
    expect(r).toMatchObject({ code: 0, err: '' });
    expect(r.out).toMatch(new RegExp(`^Usage: sso-harness ${path.join(' ')} `));
    expect(r.out).toContain('-h, --help');
    expect(await run('help', ...path)).toEqual(r);
  });

  it('declares env fallbacks in the help', async () => {
    expect((await run('certify', 'scim', '--help')).out).toMatch(/--token <token>[\s\S]*env:\s+SCIM_TOKEN/);
    expect((await run('start', '--help')).out).toMatch(/--idp-port <port>[\s\S]*env:\s+SSO_HARNESS_IDP_PORT/);
  });
});

describe('usage errors: exit 2, the message names the problem, then the usage line', () => {
  it('a mistyped command is unknown, with a suggestion', async () => {
    const r = await run('strat');
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toMatch(/unknown command 'strat'[\s\S]*Did you mean start\?/);
  });

  it('a mistyped sub-command too', async () => {
    const r = await run('idp', 'mnit');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/unknown command 'mnit'[\s\S]*Did you mean mint\?/);
  });

  it.each([
    [['start', '--idp-port', 'seventy'], '--idp-port'],
    [['start', '--bogus'], '--bogus'],
    [['certify', 'scim', '--profile', 'most'], '--profile'],
    [['certify', 'scim', '--url', 'http://127.0.0.1:1/scim/v2'], '--token'],
    [['provision', '--cycles', '0'], '--cycles'],
    [['expression', '[mail]', '--now', 'soon'], '--now'],
  ])('%j names %s', async (argv, flag) => {
    const r = await run(...argv);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toContain(flag);
    expect(r.err).toMatch(/^usage: sso-harness /m);
  });

  it('an invalid env fallback names the variable', async () => {
    vi.stubEnv('SSO_HARNESS_IDP_PORT', 'seventy');
    const r = await run('start');
    expect(r.code).toBe(2);
    expect(r.err).toContain('SSO_HARNESS_IDP_PORT');
  });

  it('an env fallback is used when the flag is absent', async () => {
    vi.stubEnv('CERTIFY_PROFILE', 'most');
    const r = await run('certify', 'scim');
    expect(r.code).toBe(2);
    expect(r.err).toContain('CERTIFY_PROFILE');
  });
});

describe('run-time failures: exit 1, one line naming what failed, no usage text', () => {
  it('start on a port in use names the port and its flag', async () => {
    const { server, port } = await listening();
    try {
      const r = await run('start', '--idp-port', String(port), '--sp-port', '0', '--data-dir', join(scratch, 'start'));
      expect(r.code).toBe(1);
      expect(lines(r.err)).toHaveLength(1);
      expect(r.err).toContain('[start/port-in-use]');
      expect(r.err).toContain(`port ${port}`);
      expect(r.err).toContain('--idp-port');
      expect(r.err).not.toMatch(/usage/i);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  }, 60_000);

  it('certify scim against a closed port: one line with ECONNREFUSED, no catalog run', async () => {
    const { server, port } = await listening();
    await new Promise((resolve) => server.close(resolve));
    const r = await run('certify', 'scim', '--url', `http://127.0.0.1:${port}/scim/v2`, '--token', 't', '--report-dir', join(scratch, 'closed'));
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(lines(r.err)).toHaveLength(1);
    expect(r.err).toContain('[certify/unreachable]');
    expect(r.err).toContain(`127.0.0.1:${port}`);
    expect(r.err).toContain('ECONNREFUSED');
  });

  it('certify scim with a token the reference SP refuses: one line, no catalog run', async () => {
    const server = await startBundledServer();
    if (!server) throw new Error('the bundled reference server is not available');
    try {
      const r = await run('certify', 'scim', '--url', server.baseUrl, '--token', 'not-the-token', '--report-dir', join(scratch, 'refused'));
      expect(r.code).toBe(1);
      expect(r.out).toBe('');
      expect(lines(r.err)).toHaveLength(1);
      expect(r.err).toContain('[certify/token-refused]');
      expect(r.err).toContain('(401)');
      expect(r.err).not.toContain('not-the-token');
    } finally {
      await server.close();
    }
  });
});

describe('idp mint flag errors name the flag', () => {
  const dir = join(scratch, 'idp');
  const mint = (...extra: string[]) => run('idp', 'mint', '--sp-entity-id', 'urn:sp', '--acs', 'https://sp.test/acs', '--data-dir', dir, ...extra);

  it('--encrypt-to a file that is not a certificate (a private key), one that does not exist; --out into a missing directory', async () => {
    expect((await run('idp', 'metadata', '--data-dir', dir)).code).toBe(0);
    const notes = join(scratch, 'notes.txt');
    writeFileSync(notes, 'not a certificate\n');
    const cases: Array<[string[], string, string]> = [
      [['--encrypt-to', join(dir, 'idp-signing.key.pem'), '--out', join(scratch, 'r.xml')], '--encrypt-to', 'idp-mint/encrypt-to-not-certificate'],
      [['--encrypt-to', notes, '--out', join(scratch, 'r.xml')], '--encrypt-to', 'idp-mint/encrypt-to-not-certificate'],
      [['--encrypt-to', join(scratch, 'missing.pem'), '--out', join(scratch, 'r.xml')], '--encrypt-to', 'idp-mint/encrypt-to-unreadable'],
      [['--out', join(scratch, 'no-such-dir', 'r.xml')], '--out', 'idp-mint/out-dir-missing'],
    ];
    for (const [extra, flag, code] of cases) {
      const r = await mint(...extra);
      expect({ code: r.code, named: r.err.includes(flag), coded: r.err.includes(`[${code}]`) }).toEqual({ code: 2, named: true, coded: true });
    }
  });

  it('--encrypt-to a certificate encrypts the assertion', async () => {
    const out = join(scratch, 'encrypted.xml');
    const r = await mint('--encrypt-to', join(dir, 'idp-signing.crt.pem'), '--attribute', 'email=alice@example.com', '--out', out);
    expect(r).toMatchObject({ code: 0, err: '' });
    expect(readFileSync(out, 'utf8')).toContain('EncryptedAssertion');
  });
});
