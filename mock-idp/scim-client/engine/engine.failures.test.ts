/* Failure behaviour against a purpose-built endpoint: retries, escrow, quarantine, broken Test Connection. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resolveConfig } from '../config/load.ts';
import { createProvisioner } from './create.ts';
import { startFailingServer } from '../testing/failing-server.ts';
import type { FailingServer } from '../testing/failing-server.ts';

let server: FailingServer;
let slept: number[];
beforeEach(async () => {
  server = await startFailingServer();
  slept = [];
});
afterEach(async () => {
  await server.close();
});

const clock = { now: () => new Date('2026-01-01T00:00:00Z') };
const config = () =>
  resolveConfig(
    {
      directory: {
        users: [
          { userPrincipalName: 'a@x.test', givenName: 'A' },
          { userPrincipalName: 'b@x.test', givenName: 'B' },
        ],
      },
      mappings: {
        users: {
          preset: 'none',
          mappings: [
            { source: 'userPrincipalName', target: 'userName', matchingPrecedence: 1 },
            { source: 'givenName', target: 'name.givenName' },
          ],
        },
      },
      settings: { provisionGroups: false, concurrency: 1, retry: { maxAttempts: 3, baseDelayMs: 100, maxDelayMs: 10_000 }, quarantineAfterCycles: 2 },
    },
    { clock },
  );
const setup = (url = server.url) => createProvisioner({ config: config(), url, token: 't', clock, sleep: async (ms) => void slept.push(ms), newGuid: () => 'guid-1' });

describe('retries', () => {
  it('waits what Retry-After says on 429, then succeeds', async () => {
    server.script('POST', '/Users', { status: 429, headers: { 'Retry-After': '7' } });
    const { engine, log } = setup();
    const r = await engine.runCycle();
    expect(r.summary.created).toBe(2);
    expect(slept).toEqual([7000]);
    expect(log.exchanges.filter((e) => e.method === 'POST').map((e) => [e.status, e.attempt])).toEqual([
      [429, 1],
      [201, 2],
      [201, 1],
    ]);
  });

  it('backs off exponentially on 5xx and fails the object when retries run out, leaving the others', async () => {
    server.script('POST', '/Users', { status: 500 }, { status: 502 }, { status: 503 });
    const { engine } = setup();
    const r = await engine.runCycle();
    expect(slept).toEqual([100, 200]);
    expect(r.failed.map((f) => [f.object.name, f.code])).toEqual([['a@x.test', 'http/retries-exhausted']]);
    expect(r.summary.created).toBe(1);
    // escrowed, and created on the next cycle
    const r2 = await engine.runCycle();
    expect(r2.summary.created).toBe(1);
    expect(engine.escrow.size).toBe(0);
  });

  it('does not retry a 400', async () => {
    server.script('POST', '/Users', { status: 400, body: { schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'], status: '400', scimType: 'invalidValue', detail: 'nope' } });
    const { engine } = setup();
    const r = await engine.runCycle();
    expect(slept).toEqual([]);
    expect(r.failed[0]).toMatchObject({ code: 'http/status' });
    expect(r.failed[0]!.reason).toContain('invalidValue – nope');
  });
});

describe('quarantine', () => {
  it('quarantines after consecutive failing cycles and then sends nothing', async () => {
    const fail = Array.from({ length: 12 }, () => ({ status: 500 }));
    server.script('GET', '/Users', ...fail);
    const { engine } = setup();
    expect((await engine.runCycle()).quarantined).toBe(false);
    expect((await engine.runCycle()).quarantined).toBe(true);
    const before = server.seen.length;
    const r3 = await engine.runCycle();
    expect(r3).toMatchObject({ quarantined: true, requests: 0 });
    expect(server.seen.length).toBe(before);
    engine.releaseQuarantine();
    expect((await engine.runCycle()).summary.created).toBe(2);
  });
});

describe('Test Connection', () => {
  it.each([
    ['a non-ListResponse body', { status: 200, body: { hello: 'world' } }, undefined],
    [
      'a user matching a random GUID',
      { status: 200, body: { schemas: ['urn:ietf:params:scim:api:messages:2.0:ListResponse'], totalResults: 1, Resources: [{ id: 'x' }] } },
      undefined,
    ],
    ['404', { status: 404 }, undefined],
    ['401', { status: 401 }, true],
  ])('fails on %s', async (_name, answer, quarantines) => {
    server.script('GET', '/Users', answer);
    const { engine } = setup();
    await expect(engine.testConnection()).rejects.toMatchObject({ code: 'connection/failed' });
    expect(!!engine.quarantined).toBe(!!quarantines);
  });

  it('passes on 200 with an empty ListResponse', async () => {
    const { engine } = setup();
    await expect(engine.testConnection()).resolves.toBeUndefined();
    expect(decodeURIComponent(server.seen[0]!.url.replace(/\+/g, ' '))).toBe('/scim/Users?filter=userName eq "guid-1"');
  });
});

describe('dry run', () => {
  it('sends reads only and logs the writes it would send', async () => {
    const p = createProvisioner({ config: config(), url: server.url, token: 't', clock, dryRun: true });
    const r = await p.engine.runCycle();
    expect(r.summary.created).toBe(2);
    expect(server.seen.map((s) => s.method)).toEqual(['GET', 'GET']);
    expect(p.log.exchanges.filter((e) => e.dryRun).map((e) => e.method)).toEqual(['POST', 'POST']);
  });
});
