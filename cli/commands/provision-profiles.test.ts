/*
 * `sso-harness provision --client <profile>` against the bundled reference SP's NinjaOne tenants (strict and
 * lenient, in-process on loopback, SQLite in memory): each dated profile provisions the NinjaOne fixture, exits 0,
 * and the provisioning log shows the requests that profile is known for.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OBSERVER_HEADER, startReferenceScim, type RunningReferenceScim } from '../../steps/support/entra/reference-server.ts';
import { NINJAONE_FIXTURE } from '../../steps/support/entra/stage.ts';
import { main } from '../main.ts';

let server: RunningReferenceScim;
let out: string;
let err: string;

beforeAll(async () => {
  server = await startReferenceScim({
    tenants: [
      { id: 'strict', mode: 'strict' },
      { id: 'lenient', mode: 'lenient' },
    ],
    clock: { now: () => new Date() },
  });
});
afterAll(async () => {
  await server.close();
});

/** Runs the CLI in-process, keeping what it printed. */
async function cli(argv: string[]): Promise<number> {
  out = '';
  err = '';
  return main(['provision', ...argv], { out: (t) => void (out += t), err: (t) => void (err += t) });
}

interface LogFile {
  exchanges: Array<{ method: string; url: string; status: number; requestBody?: unknown }>;
  summary: Record<string, number>;
}

/** Runs two cycles with `profile` into a fresh tenant (the fixture's users get a per-run suffix-free name, so one tenant per run). */
async function provision(profile: string, mode: 'strict' | 'lenient', extra: string[] = []): Promise<{ code: number; log: LogFile }> {
  const tenant = server.tenants.get(mode)!;
  // Each run starts from an empty tenant: delete what a previous run left (over HTTP, as the observer).
  const headers = { Authorization: `Bearer ${tenant.token}`, [OBSERVER_HEADER]: '1' };
  for (const kind of ['Groups', 'Users']) {
    const list = (await (await fetch(`${tenant.url}/${kind}?count=200`, { headers })).json()) as { Resources?: Array<{ id: string }> };
    for (const r of list.Resources ?? []) await fetch(`${tenant.url}/${kind}/${r.id}`, { method: 'DELETE', headers });
  }
  const dir = mkdtempSync(join(tmpdir(), `provision-${profile}-`));
  const code = await cli(['--config', NINJAONE_FIXTURE, '--url', tenant.url, '--token', tenant.token, '--client', profile, '--cycles', '2', '--report-dir', dir, ...extra]);
  return { code, log: JSON.parse(readFileSync(join(dir, 'provisioning-log.json'), 'utf8')) as LogFile };
}

const lines = (log: LogFile) =>
  log.exchanges.map((e) => `${e.method} ${decodeURIComponent(new URL(e.url).pathname.replace(/^.*\/ws\/scim\/v2/, '') + new URL(e.url).search).replace(/\+/g, ' ')}`);

describe.each(['strict', 'lenient'] as const)('sso-harness provision --client against the %s NinjaOne tenant', (mode) => {
  it('okta-2024: Test Connection with count=2, lookup with count=100, POST, group push with members', async () => {
    const { code, log } = await provision('okta-2024', mode);
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(out).toContain('as okta-2024');
    const sent = lines(log);
    expect(sent[0]).toBe('GET /Users?startIndex=1&count=2');
    expect(sent).toContain('GET /Users?filter=userName eq "ada.lovelace@contoso.example"&startIndex=1&count=100');
    const groupPost = log.exchanges.find((e) => e.method === 'POST' && e.url.endsWith('/Groups'))!;
    expect(groupPost.status).toBe(201);
    expect((groupPost.requestBody as { members: Array<{ display: string }> }).members.map((m) => m.display).sort()).toEqual([
      'ada.lovelace@contoso.example',
      'grace.hopper@contoso.example',
    ]);
    expect(log.exchanges.filter((e) => e.method === 'DELETE')).toEqual([]);
    expect(log.summary).toMatchObject({ created: 3, failed: 0 });
  });

  it.each([
    ['entra-2024', 'legacy', 'Add'],
    ['entra-2025', 'compliant', 'add'],
  ])('%s: %s PATCH without a flag (the manager link says "%s")', async (profile, behaviour, op) => {
    const { code, log } = await provision(profile, mode);
    expect(out).toContain(`as ${profile}`);
    expect(out).toContain(`PATCH ${behaviour}`);
    const patches = log.exchanges.filter((e) => e.method === 'PATCH').map((e) => (e.requestBody as { Operations: Array<{ op: string }> }).Operations[0]!.op);
    expect(patches.length).toBeGreaterThan(0);
    expect(patches.every((o) => o === op)).toBe(true);
    // The strict tenant refuses the legacy op casing ("Add", RFC 7644 §3.5.2 names them lower-case); lenient takes it.
    const refused = mode === 'strict' && behaviour === 'legacy';
    expect(code).toBe(refused ? 1 : 0);
    if (refused) expect(out).toMatch(/: failed http\/status .*invalidSyntax/);
  });
});

describe('sso-harness provision --client refusals', () => {
  it('refuses an unknown profile before sending anything, naming the accepted ones', async () => {
    const tenant = server.tenants.get('strict')!;
    const code = await cli(['--config', NINJAONE_FIXTURE, '--url', tenant.url, '--token', tenant.token, '--client', 'okta-1999']);
    expect(code).toBe(2);
    expect(err).toContain('okta-2024');
  });
});
