/*
 * Okta's client (okta-2024 for OIN apps, okta-aiw-2024 for App Integration Wizard apps) against a second SCIM server
 * (scimmy, NinjaOne schemas): what each integration kind sends for activation, deactivation and group membership,
 * and the PUT body merged over the user as the server returned it.
 */
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { resolveConfig } from '../config/load.ts';
import { createProvisioner } from '../engine/create.ts';
import type { ScimmyServer } from '../testing/scimmy-server.ts';
import { startScimmyServer } from '../testing/scimmy-server.ts';
import { mergeForPut } from './merge.ts';

const clock = { now: () => new Date('2026-01-01T00:00:00Z') };
const FIXTURE = new URL('./fixture.yaml', import.meta.url);
let server: ScimmyServer;
beforeEach(async () => {
  server = await startScimmyServer();
});
afterEach(async () => {
  await server.close();
});

function setup(client: string, fetch?: typeof globalThis.fetch) {
  const config = resolveConfig(parseYaml(readFileSync(FIXTURE, 'utf8')), { clock });
  const p = createProvisioner({ config, url: server.url, token: server.token, client, clock, sleep: async () => {}, ...(fetch ? { fetch } : {}) });
  return { ...p, directory: config.directory };
}
const userId = (name: string) => String([...server.users.values()].find((u) => u['userName'] === name)!['id']);
const cycleCalls = (log: ReturnType<typeof setup>['log'], cycle: number, type: 'user' | 'group') =>
  log.exchanges.filter((e) => e.cycle === cycle && e.object?.type === type).map((e) => ({ method: e.method, body: e.requestBody }));

describe('okta-2024 (OIN app)', () => {
  it('deactivates and reactivates with path-less PATCHes of active, never a PUT', async () => {
    const { engine, log, directory } = setup('okta-2024');
    expect((await engine.runCycle()).failed).toEqual([]);
    directory.softDelete('ada.lovelace@contoso.example');
    await engine.runCycle();
    directory.restore('ada.lovelace@contoso.example');
    await engine.runCycle();
    const patch = (active: boolean) => ({
      method: 'PATCH',
      body: { schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'], Operations: [{ op: 'replace', value: { active } }] },
    });
    expect(cycleCalls(log, 2, 'user')).toEqual([{ method: 'GET', body: undefined }, patch(false)]);
    expect(cycleCalls(log, 3, 'user')).toEqual([{ method: 'GET', body: undefined }, patch(true)]);
    expect(server.users.get(userId('ada.lovelace@contoso.example'))!['active']).toBe(true);
  });

  it('treats a 404 answer to the userName lookup as "not found" (the reference allows it) and creates the user', async () => {
    let refused = false;
    const fetch404 = (async (input: string | URL | Request, init?: RequestInit) => {
      if (!refused && String(input).includes('filter=')) {
        refused = true;
        return new Response(JSON.stringify({ schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'], status: 404, detail: 'User not found' }), { status: 404 });
      }
      return globalThis.fetch(input, init);
    }) as typeof fetch;
    const { engine, log } = setup('okta-2024', fetch404);
    expect((await engine.runCycle()).failed).toEqual([]);
    expect(refused).toBe(true);
    expect(log.outcomes.filter((o) => o.outcome === 'created')).toHaveLength(3);
  });
});

describe('okta-aiw-2024 (App Integration Wizard app)', () => {
  it('deactivates with a PUT of the whole user with active false', async () => {
    const { engine, log, directory } = setup('okta-aiw-2024');
    await engine.runCycle();
    directory.hardDelete('grace.hopper@contoso.example');
    await engine.runCycle();
    const calls = cycleCalls(log, 2, 'user');
    expect(calls.map((c) => c.method)).toEqual(['GET', 'PUT']);
    expect(calls[1]!.body).toMatchObject({ id: userId('grace.hopper@contoso.example'), userName: 'grace.hopper@contoso.example', active: false });
    expect(log.exchanges.some((e) => e.method === 'DELETE')).toBe(false);
    expect(server.users.get(userId('grace.hopper@contoso.example'))!['active']).toBe(false);
  });

  it('sends a membership change as a PUT of the whole group with every member and its userName', async () => {
    const { engine, log, directory } = setup('okta-aiw-2024');
    await engine.runCycle();
    directory.removeMember('NinjaOne Technicians', 'grace.hopper@contoso.example');
    await engine.runCycle();
    const calls = cycleCalls(log, 2, 'group');
    expect(calls.map((c) => c.method)).toEqual(['GET', 'PUT']);
    expect((calls[1]!.body as { members: unknown }).members).toEqual([{ value: userId('ada.lovelace@contoso.example'), display: 'ada.lovelace@contoso.example' }]);
    const group = [...server.groups.values()][0]!;
    expect((group['members'] as Array<{ value: string }>).map((m) => m.value)).toEqual([userId('ada.lovelace@contoso.example')]);
  });
});

describe('the PUT body (mergeForPut)', () => {
  const current = {
    schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
    id: 'server-id',
    userName: 'ada@x.test',
    name: { givenName: 'Ada', middleName: 'King', familyName: 'Lovelace' },
    emails: [{ value: 'old@x.test', type: 'work', primary: true }],
    DisplayName: 'Old',
    meta: { resourceType: 'User' },
  };
  it.each([
    ['keeps what Okta does not map inside a complex attribute', { name: { givenName: 'Augusta' } }, { name: { givenName: 'Augusta', middleName: 'King', familyName: 'Lovelace' } }],
    ['replaces a multi-valued attribute whole', { emails: [{ value: 'new@x.test', type: 'work' }] }, { emails: [{ value: 'new@x.test', type: 'work' }] }],
    ['matches attribute names case-insensitively, writing Okta’s spelling', { displayName: 'New' }, { displayName: 'New' }],
    [
      'lists every schema URN of both sides',
      { schemas: ['urn:ietf:params:scim:schemas:extension:enterprise:2.0:User'] },
      { schemas: ['urn:ietf:params:scim:schemas:core:2.0:User', 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User'] },
    ],
    ['sends the target id and meta back as read', { id: 'wrong' }, { id: 'server-id', meta: { resourceType: 'User' } }],
  ])('%s', (_, desired, expected) => {
    const body = mergeForPut(current, desired, 'server-id');
    expect(body).toMatchObject(expected);
    if ('displayName' in desired) expect(body).not.toHaveProperty('DisplayName');
  });
});
