/*
 * The end-of-run clean-up against a real SCIM server (the bundled reference server, in-process on loopback):
 * the ledger's leftovers are deleted, the sweep deletes only names starting with the run prefix, and an endpoint
 * that ignores the filter still loses nothing else.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBundledServer, type RunningBundledServer } from '../../steps/support/scim/bundled-server.ts';
import { deleteOutstanding, sweepRunPrefix } from './cleanup.ts';
import { ResourceLedger, replayJournal } from './ledger.ts';
import { newRunPrefix } from './run-prefix.ts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

let server: RunningBundledServer;
const options = { timeoutMs: 5_000 };

async function scim(method: string, path: string, body?: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${server.baseUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${server.token}`, 'content-type': 'application/scim+json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}
const user = (userName: string) => scim('POST', '/Users', { schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'], userName });
const group = (displayName: string) => scim('POST', '/Groups', { schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'], displayName });

beforeAll(async () => {
  const started = await startBundledServer();
  if (!started) throw new Error('the bundled reference server is not available');
  server = started;
});
afterAll(async () => server?.close());

describe('sweepRunPrefix', () => {
  it("deletes this run's users and groups and nothing else", async () => {
    const mine = newRunPrefix();
    const other = newRunPrefix();
    const ids = {
      mineUser: String((await user(`${mine}a1b2c3-alice@example.com`)).body['id']),
      mineGroup: String((await group(`${mine}cert-group-1`)).body['id']),
      otherUser: String((await user(`${other}a1b2c3-bob@example.com`)).body['id']),
      customer: String((await user('customer@example.com')).body['id']),
    };
    const result = await sweepRunPrefix({ baseUrl: server.baseUrl, token: server.token }, mine, options);
    expect(result.problems).toEqual([]);
    expect(result.items.map((i) => [i.kind, i.id, i.outcome, i.via])).toEqual([
      ['Groups', ids.mineGroup, 'deleted', 'sweep'],
      ['Users', ids.mineUser, 'deleted', 'sweep'],
    ]);
    expect((await scim('GET', `/Users/${ids.mineUser}`)).status).toBe(404);
    expect((await scim('GET', `/Groups/${ids.mineGroup}`)).status).toBe(404);
    expect((await scim('GET', `/Users/${ids.otherUser}`)).status).toBe(200);
    expect((await scim('GET', `/Users/${ids.customer}`)).status).toBe(200);
  });

  it('refuses anything that is not a run prefix (an empty or bare "ssoh-" prefix would match too much)', async () => {
    for (const prefix of ['', 'ssoh-', 'ssoh-cert-', 'alice']) {
      const result = await sweepRunPrefix({ baseUrl: server.baseUrl, token: server.token }, prefix, options);
      expect(result.items).toEqual([]);
      expect(result.problems).toHaveLength(1);
    }
  });

  it('deletes nothing else when the endpoint ignores the filter and lists everyone', async () => {
    const customer = String((await user('another-customer@example.com')).body['id']);
    // A one-defect front: every list answers all users, whatever the filter.
    const front: Server = createServer(async (req, res) => {
      const url = new URL(req.url ?? '/', 'http://x');
      const all = url.pathname.endsWith('/Users') && req.method === 'GET' ? '/Users?count=1000' : `${url.pathname.replace(/^\/scim\/v2/, '')}`;
      const answer = await scim(req.method ?? 'GET', all);
      res.writeHead(answer.status, { 'content-type': 'application/scim+json' }).end(JSON.stringify(answer.body));
    });
    await new Promise<void>((resolve) => front.listen(0, '127.0.0.1', resolve));
    try {
      const baseUrl = `http://127.0.0.1:${(front.address() as AddressInfo).port}/scim/v2`;
      const result = await sweepRunPrefix({ baseUrl, token: server.token }, newRunPrefix(), options);
      expect(result.items).toEqual([]);
      expect((await scim('GET', `/Users/${customer}`)).status).toBe(200);
    } finally {
      front.closeAllConnections();
      await new Promise((resolve) => front.close(resolve));
    }
  });
});

describe('deleteOutstanding and the ledger', () => {
  it('deletes what the ledger holds, groups first; a resource already gone counts as gone, not failed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ssoh-ledger-'));
    try {
      const ledger = new ResourceLedger(join(dir, 'ledger.jsonl'));
      const prefix = newRunPrefix();
      const u = String((await user(`${prefix}x-carol@example.com`)).body['id']);
      const g = String((await group(`${prefix}x-team`)).body['id']);
      ledger.record({ kind: 'Users', id: u, baseUrl: server.baseUrl, token: server.token });
      ledger.record({ kind: 'Groups', id: g, baseUrl: server.baseUrl, token: server.token });
      ledger.record({ kind: 'Users', id: 'never-existed', baseUrl: server.baseUrl, token: server.token });
      // The journal a worker process would leave: no token in it.
      expect(replayJournal(join(dir, 'ledger.jsonl'))).toEqual([
        { kind: 'Users', id: u, baseUrl: server.baseUrl },
        { kind: 'Groups', id: g, baseUrl: server.baseUrl },
        { kind: 'Users', id: 'never-existed', baseUrl: server.baseUrl },
      ]);
      const result = await deleteOutstanding(ledger.outstanding(), options);
      expect(result.items.map((i) => [i.kind, i.id, i.outcome])).toEqual([
        ['Groups', g, 'deleted'],
        ['Users', u, 'deleted'],
        ['Users', 'never-existed', 'already-gone'],
      ]);
      expect((await scim('GET', `/Users/${u}`)).status).toBe(404);
      ledger.forgetOrigin(new URL(server.baseUrl).origin);
      expect(ledger.outstanding()).toEqual([]);
      expect(replayJournal(join(dir, 'ledger.jsonl'))).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
