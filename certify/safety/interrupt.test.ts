/*
 * An interrupted `sso-harness certify scim` cleans up after itself (issue 5): the certification runs in a child
 * process against the bundled reference server started here; once it has created a user it gets SIGINT, and
 * it must exit 130, write a report that says it was interrupted, and leave nothing with its run prefix behind.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBundledServer, type RunningBundledServer } from '../../steps/support/scim/bundled-server.ts';
import { validateDocument } from '../report/write.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

let server: RunningBundledServer;
let reportDir: string;

beforeAll(async () => {
  const started = await startBundledServer();
  if (!started) throw new Error('the bundled reference server is not available');
  server = started;
  reportDir = mkdtempSync(join(tmpdir(), 'ssoh-interrupt-'));
});

afterAll(async () => {
  await server?.close();
  rmSync(reportDir, { recursive: true, force: true });
});

async function list(kind: 'Users' | 'Groups', filter: string): Promise<Array<Record<string, unknown>>> {
  const response = await fetch(`${server.baseUrl}/${kind}?filter=${encodeURIComponent(filter)}&count=1000`, {
    headers: { authorization: `Bearer ${server.token}`, accept: 'application/scim+json' },
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { Resources?: Array<Record<string, unknown>> }).Resources ?? [];
}

describe('sso-harness certify scim, interrupted', () => {
  it('stops on SIGINT, deletes what it created, reports the run as interrupted and exits 130', async () => {
    const child = spawn(
      process.execPath,
      ['bin/sso-harness.js', 'certify', 'scim', '--url', server.baseUrl, '--token', server.token, '--profile', 'all', '--report-dir', reportDir],
      { cwd: ROOT, env: { ...process.env, NODE_OPTIONS: '' }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));

    // Wait until the run has created something of its own, then interrupt it.
    let prefix: string | undefined;
    let created = 0;
    while (created === 0) {
      if (child.exitCode !== null) throw new Error(`the certification ended before it created anything:\n${stdout}\n${stderr}`);
      prefix ??= /named (ssoh-[0-9a-f]{8}-)/.exec(stdout)?.[1];
      if (prefix) created = (await list('Users', `userName sw "${prefix}"`)).length;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    child.kill('SIGINT');
    const code = await exited;

    expect({ code, stderr: code === 130 ? '' : stderr }).toEqual({ code: 130, stderr: '' });
    expect(stdout).toMatch(/NOT CERTIFIED: the run was interrupted/);
    expect(stdout).toMatch(/cleanup \(run prefix ssoh-[0-9a-f]{8}-\): \d+ deleted/);

    const report = JSON.parse(readFileSync(join(reportDir, 'certification.json'), 'utf8')) as Record<string, unknown> & {
      summary: { interrupted: number };
      tests: Array<{ verdict: string }>;
      cleanup: { runPrefix: string; failed: unknown[] };
    };
    expect(await validateDocument(report)).toEqual([]);
    expect(report['interrupted']).toBe('SIGINT');
    expect(report['certified']).toBe(false);
    expect(report.summary.interrupted).toBeGreaterThan(0);
    expect(report.tests.some((t) => t.verdict === 'interrupted')).toBe(true);
    expect(report.cleanup).toMatchObject({ runPrefix: prefix, failed: [] });
    expect(readFileSync(join(reportDir, 'junit.xml'), 'utf8')).toContain('type="Interrupted"');

    // Nothing of this run is left on the server (and nothing else was there to begin with).
    expect(await list('Users', `userName sw "${prefix}"`)).toEqual([]);
    expect(await list('Groups', `displayName sw "${prefix}"`)).toEqual([]);
    expect(await list('Users', 'userName sw "ssoh-"')).toEqual([]);
    expect(await list('Groups', 'displayName sw "ssoh-"')).toEqual([]);
  }, 120_000);
});
