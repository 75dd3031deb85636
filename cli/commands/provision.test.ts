import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startScimmyServer } from '../../mock-idp/scim-client/testing/scimmy-server.ts';
import type { ScimmyServer } from '../../mock-idp/scim-client/testing/scimmy-server.ts';
import { command } from './provision.ts';

const fixture = fileURLToPath(new URL('../../mock-idp/scim-client/fixtures/ninjaone.yaml', import.meta.url));
let server: ScimmyServer;
let out: string;
let err: string;
beforeEach(async () => {
  server = await startScimmyServer();
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

describe('sso-harness provision', () => {
  it('provisions the NinjaOne fixture, prints a summary and writes the provisioning log', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'provision-cli-'));
    const code = await command.run(['--config', fixture, '--url', `${server.url}?aadOptscim062020`, '--token', server.token, '--cycles', '2', '--report-dir', dir]);
    expect(code).toBe(0);
    expect(out).toContain('Test Connection: ok');
    expect(out).toContain('cycle 2 (incremental)');
    expect(server.users.size).toBe(2);
    const log = JSON.parse(readFileSync(join(dir, 'provisioning-log.json'), 'utf8'));
    expect(log.summary).toMatchObject({ created: 3, failed: 0 });
    expect(readFileSync(join(dir, 'provisioning-log.html'), 'utf8')).toContain('POST');
  });

  it('exits 1 when Test Connection is refused', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'provision-cli-'));
    const code = await command.run(['--config', fixture, '--url', server.url, '--token', 'wrong', '--report-dir', dir]);
    expect(code).toBe(1);
    expect(err).toContain('connection/failed');
    expect(server.users.size).toBe(0);
  });

  it('exits 2 on usage and configuration errors, naming each problem', async () => {
    expect(await command.run(['--url', server.url])).toBe(2);
    expect(err).toContain('missing --config, --token');
    const bad = join(mkdtempSync(join(tmpdir(), 'provision-cli-')), 'bad.yaml');
    writeFileSync(bad, 'mappings:\n  users:\n    mappings:\n      - { target: title, expression: "Bogus()" }\nsettings:\n  concurrency: 0\n');
    err = '';
    expect(await command.run(['--config', bad, '--url', server.url, '--token', 't'])).toBe(2);
    expect(err).toContain('settings.concurrency');
  });

  it('generates the directory with --synthetic, prints cycles only with --quiet, streams exchanges and ends with the run line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'provision-cli-'));
    const stream = join(dir, 'exchanges.jsonl');
    const args = ['--config', fixture, '--url', `${server.url}?aadOptscim062020`, '--token', server.token, '--report-dir', dir];
    const code = await command.run([...args, '--synthetic', 'users=12,groups=3,members=9', '--quiet', '--exchanges-file', stream]);
    expect(code).toBe(0);
    expect(server.users.size).toBe(12);
    expect(server.groups.size).toBe(3);
    expect(out).not.toContain('user0@synthetic.example');
    expect(out).toMatch(/cycle 1 \(initial\): created 15/);
    expect(out).toMatch(/run: [\d.]+ s, \d+ requests, [\d.]+ requests\/object, \d+ requests\/s, peak RSS \d+ MiB/);
    const lines = readFileSync(stream, 'utf8').trim().split('\n');
    expect(lines.length).toBe(JSON.parse(readFileSync(join(dir, 'provisioning-log.json'), 'utf8')).requests);
  });

  it('refuses a --synthetic spec that is not users=N,groups=N,members=N (exit 2, nothing sent)', async () => {
    expect(await command.run(['--config', fixture, '--url', server.url, '--token', server.token, '--synthetic', 'users=10,members=5'])).toBe(2);
    expect(err).toContain('--synthetic');
    expect(server.users.size).toBe(0);
  });
});
