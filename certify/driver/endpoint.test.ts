/*
 * The Entra/Okta certification driver on the one HTTP driver: a 429 waited out is in the transcript too, what a
 * create made is deleted by cleanup(), a request without an answer in time is attached and fails typed, and the
 * bearer token is never attached.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EndpointDriver } from './endpoint.ts';

let server: Server;
let baseUrl: string;
const seen: string[] = [];
let busyOnce = true;

beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push(`${req.method} ${req.url}`);
    if (req.url?.startsWith('/scim/v2/hang')) return;
    if (req.method === 'POST' && busyOnce) {
      busyOnce = false;
      res.writeHead(429, { 'retry-after': '0', 'content-type': 'application/scim+json' }).end('{"status":"429"}');
      return;
    }
    if (req.method === 'POST') {
      res.writeHead(201, { 'content-type': 'application/scim+json' }).end('{"id":"u-1","userName":"x"}');
      return;
    }
    res.writeHead(204).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/scim/v2`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe('EndpointDriver', () => {
  const settings = { timeoutMs: 300, concurrency: 1, runPrefix: 'ssoh-0123abcd-', ledgerFile: undefined };

  it('waits out a 429, attaches every answer, and deletes what it created', async () => {
    const attached: Array<[string, string]> = [];
    const driver = new EndpointDriver({ baseUrl, token: 'secret-token' }, (text, name) => attached.push([name, text]), settings);
    const created = await driver.send('POST', '/Users', { body: { userName: driver.uniqueName('user') } });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({ id: 'u-1', userName: 'x' });
    await driver.cleanup();
    expect(seen.slice(-3)).toEqual(['POST /scim/v2/Users', 'POST /scim/v2/Users', 'DELETE /scim/v2/Users/u-1']);
    expect(attached.map(([name]) => name)).toEqual(['1. POST /scim/v2/Users → 429', '2. POST /scim/v2/Users → 201', '3. DELETE /scim/v2/Users/u-1 → 204']);
    expect(attached.map(([, text]) => text).join('\n')).not.toContain('secret-token');
    expect(driver.uniqueName('user')).toMatch(/^ssoh-0123abcd-cert-user-/);
  });

  it('attaches a request that got no answer in time, and fails with http/timeout', async () => {
    const attached: string[] = [];
    const driver = new EndpointDriver({ baseUrl, token: 't' }, (_text, name) => attached.push(name), settings);
    await expect(driver.send('GET', '/hang')).rejects.toMatchObject({ code: 'http/timeout', timeoutMs: 300 });
    expect(attached).toEqual(['1. GET /scim/v2/hang']);
  });
});
