/*
 * "A write acknowledged to the client survives kill -9" (issue 3): acknowledged writes are read back after the
 * server process is killed with SIGKILL — no shutdown hook, no close() — and the database reopened.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterEach, expect, it } from 'vitest';
import { openStore, storePathFor } from '../store/open-store.ts';

const TOKEN = 'durability-token-000000000001';
let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

it('keeps every acknowledged write after SIGKILL', async () => {
  dir = mkdtempSync(join(tmpdir(), 'sso-harness-kill-'));
  const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./durability.fixture.ts', import.meta.url)), dir, TOKEN], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise((r) => child.once('exit', r));
  try {
    const base = await new Promise<string>((resolve, reject) => {
      createInterface({ input: child.stdout! }).once('line', resolve);
      child.once('exit', (code) => reject(new Error(`fixture exited with ${code}`)));
    });
    const ids = await Promise.all(
      Array.from({ length: 20 }, async (_, i) => {
        const res = await fetch(`${base}/Users`, {
          method: 'POST',
          headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/scim+json' },
          body: JSON.stringify({ schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'], userName: `k${i}@acme.test` }),
        });
        expect(res.status).toBe(201);
        return ((await res.json()) as { id: string }).id;
      }),
    );
    child.kill('SIGKILL');
    await exited;
    const store = openStore({ path: storePathFor(dir) });
    try {
      for (const id of ids) expect(store.getUser('acme', id)).toBeDefined();
      expect(store.countUsers('acme')).toBe(20);
    } finally {
      store.close();
    }
  } finally {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
});
