/*
 * `sso-harness provision` end to end: the CLI command (cli/commands/provision.ts) provisions the NinjaOne fixture
 * (mock-idp/scim-client/fixtures/ninjaone.yaml) into the bundled reference SP's NinjaOne tenant, started
 * in-process on loopback with an in-memory store; the provisioning log it writes shows each request the server
 * received.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { command } from '../../../cli/commands/provision.ts';
import { OBSERVER_HEADER, startReferenceScim, type RunningReferenceScim } from './reference-server.ts';
import { NINJAONE_FIXTURE } from './stage.ts';

let server: RunningReferenceScim;
let out: string;
let err: string;

beforeEach(async () => {
  server = await startReferenceScim({ tenants: [{ id: 'ninjaone', mode: 'strict' }], clock: { now: () => new Date() } });
  out = '';
  err = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((s) => {
    out += String(s);
    return true;
  });
  vi.spyOn(process.stderr, 'write').mockImplementation((s) => {
    err += String(s);
    return true;
  });
});

afterEach(async () => {
  vi.restoreAllMocks();
  await server.close();
});

const tenant = () => server.tenants.get('ninjaone')!;

async function storedUserNames(): Promise<string[]> {
  const res = await fetch(`${tenant().url}/Users`, { headers: { Authorization: `Bearer ${tenant().token}`, [OBSERVER_HEADER]: '1' } });
  const body = (await res.json()) as { Resources: Array<{ userName: string }> };
  return body.Resources.map((u) => u.userName).sort();
}

interface LogFile {
  exchanges: Array<{ method: string; url: string; status: number }>;
  outcomes: Array<{ object: { name: string }; outcome: string }>;
}

describe('sso-harness provision against the bundled reference SP (NinjaOne tenant)', () => {
  it('provisions the NinjaOne fixture, exits 0, and the provisioning log shows each request the server received', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'entra-cli-'));
    const code = await command.run(['--config', NINJAONE_FIXTURE, '--url', `${tenant().url}?aadOptscim062020`, '--token', tenant().token, '--cycles', '2', '--report-dir', dir]);

    expect(err).toBe('');
    expect(code).toBe(0);
    expect(out).toContain('Test Connection: ok');
    expect(await storedUserNames()).toEqual(['ada.lovelace@contoso.example', 'grace.hopper@contoso.example']);

    const log = JSON.parse(readFileSync(join(dir, 'provisioning-log.json'), 'utf8')) as LogFile;
    const logged = log.exchanges.map((e) => `${e.method} ${new URL(e.url).pathname}${new URL(e.url).search}`).sort();
    const received = server.received.map((r) => `${r.method} ${r.url}`).sort();
    expect(received.length).toBeGreaterThan(0);
    expect(logged).toEqual(received);
    expect(log.outcomes.map((o) => `${o.object.name}: ${o.outcome}`).sort()).toEqual([
      'NinjaOne Technicians: created',
      'ada.lovelace@contoso.example: created',
      'alan.turing@contoso.example: skipped',
      'grace.hopper@contoso.example: created',
    ]);
    const html = readFileSync(join(dir, 'provisioning-log.html'), 'utf8');
    for (const e of log.exchanges) expect(html).toContain(`<td>${e.method}</td>`);
    expect((html.match(/<tr><td>\d+<\/td>/g) ?? []).length).toBe(log.exchanges.length);
  });

  it('exits 1 when the strict tenant refuses the legacy PATCH, naming the object and the error', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'entra-cli-'));
    const code = await command.run(['--config', NINJAONE_FIXTURE, '--url', tenant().url, '--token', tenant().token, '--report-dir', dir]);

    expect(code).toBe(1);
    expect(out).toMatch(/group NinjaOne Technicians: failed http\/status .*invalidSyntax/);
    const log = JSON.parse(readFileSync(join(dir, 'provisioning-log.json'), 'utf8')) as LogFile;
    expect(log.exchanges.filter((e) => e.status === 400).map((e) => e.method)).toEqual(['PATCH']);
  });

  it('exits 1 on a wrong token: Test Connection gets 401 and nothing is written', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'entra-cli-'));
    const code = await command.run(['--config', NINJAONE_FIXTURE, '--url', tenant().url, '--token', 'not-the-token', '--report-dir', dir]);

    expect(code).toBe(1);
    expect(err).toContain('connection/failed');
    expect(server.received.map((r) => r.method)).toEqual(['GET']);
    expect(await storedUserNames()).toEqual([]);
  });
});
