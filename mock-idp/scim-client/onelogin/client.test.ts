/*
 * OneLogin's client (profile onelogin-2024) end to end with the fixture's template against an independent SCIM
 * server (scimmy on express 5, loopback): Enable, lookup-then-create with the rendered template, PUT updates,
 * Suspend and Delete, and membership of the app's own groups found by Refresh Entitlements.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { resolveConfig } from '../config/load.ts';
import { createProvisioner } from '../engine/create.ts';
import { NINJAONE_URN, startScimmyServer } from '../testing/scimmy-server.ts';
import type { ScimmyServer } from '../testing/scimmy-server.ts';

const fixture = fileURLToPath(new URL('../fixtures/onelogin.yaml', import.meta.url));
const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
const clock = { now: () => new Date('2026-01-01T00:00:00Z') };
let server: ScimmyServer;

beforeEach(async () => {
  server = await startScimmyServer();
});
afterEach(async () => {
  await server.close();
});

function setup() {
  const config = resolveConfig(parse(readFileSync(fixture, 'utf8')), { clock });
  const p = createProvisioner({ config, url: server.url, token: server.token, client: 'onelogin', clock, sleep: async () => {} });
  return { ...p, directory: config.directory };
}
const userByName = (name: string) => [...server.users.values()].find((u) => u['userName'] === name)!;
const requestsOf = (log: ReturnType<typeof setup>['log'], name: string, cycle?: number) =>
  log.exchanges
    .filter((e) => e.object?.name === name && (cycle === undefined || e.cycle === cycle))
    .map((e) => `${e.method} ${decodeURIComponent(e.url.replace(/\+/g, ' ')).replace(server.url, '')}`);

/** The app's own group, made by its admin before OneLogin's Refresh Entitlements. */
async function appGroup(displayName: string): Promise<string> {
  const res = await fetch(`${server.url}/Groups`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${server.token}`, 'Content-Type': 'application/scim+json' },
    body: JSON.stringify({ schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'], displayName }),
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

describe('OneLogin Enable and create', () => {
  it('Enable reads one unfiltered page of users', async () => {
    const { engine } = setup();
    await engine.testConnection();
    expect(server.requests.map((r) => `${r.method} ${r.url.replace(/^\/scim\/v2/, '')}`)).toEqual(['GET /Users?startIndex=1&count=1']);
  });

  it('Enable fails with connection/failed on a wrong token', async () => {
    const config = resolveConfig(parse(readFileSync(fixture, 'utf8')), { clock });
    const { engine } = createProvisioner({ config, url: server.url, token: 'wrong', client: 'onelogin', clock, sleep: async () => {} });
    await expect(engine.testConnection()).rejects.toMatchObject({ code: 'connection/failed', status: 401 });
  });

  it('looks a user up by userName, then POSTs the rendered template', async () => {
    await appGroup('NinjaOne Technicians');
    const { engine, log } = setup();
    const r = await engine.runCycle();
    expect(r.failed).toEqual([]);
    expect(requestsOf(log, 'ada.lovelace@contoso.example')).toEqual(['GET /Users?filter=userName eq "ada.lovelace@contoso.example"', 'POST /Users']);
    expect(userByName('ada.lovelace@contoso.example')).toMatchObject({
      name: { givenName: 'Ada', familyName: 'Lovelace', formatted: 'Ada Lovelace' },
      emails: [{ type: 'work', value: 'ada.lovelace@contoso.example' }],
      title: 'Technician',
      [ENTERPRISE]: { department: 'IT' },
      [NINJAONE_URN]: { organizationId: 'all' },
    });
  });
});

describe('OneLogin updates and deprovisioning', () => {
  it('a changed attribute is sent as a PUT of the whole template, not a PATCH', async () => {
    await appGroup('NinjaOne Technicians');
    const { engine, directory, log } = setup();
    await engine.runCycle();
    directory.updateAttribute('grace.hopper@contoso.example', 'department', 'Flight');
    await engine.runCycle();
    const id = userByName('grace.hopper@contoso.example')['id'];
    expect(requestsOf(log, 'grace.hopper@contoso.example', 2)).toEqual([`GET /Users/${id}`, `PUT /Users/${id}`]);
    const put = log.exchanges.find((e) => e.cycle === 2 && e.method === 'PUT')!;
    expect(put.requestBody).toMatchObject({ userName: 'grace.hopper@contoso.example', name: { formatted: 'Grace Hopper' }, [ENTERPRISE]: { department: 'Flight' } });
    expect(userByName('grace.hopper@contoso.example')[ENTERPRISE]).toEqual({ department: 'Flight' });
  });

  it('losing access suspends with PATCH active false; a delete in OneLogin DELETEs', async () => {
    await appGroup('NinjaOne Technicians');
    const { engine, directory, log } = setup();
    await engine.runCycle();
    const id = userByName('grace.hopper@contoso.example')['id'];
    // Assigned directly and through the group: both go.
    directory.unassign('grace.hopper@contoso.example');
    directory.removeMember('NinjaOne Technicians', 'grace.hopper@contoso.example');
    await engine.runCycle();
    const suspend = log.exchanges.find((e) => e.cycle === 2 && e.method === 'PATCH' && e.object?.type === 'user')!;
    expect((suspend.requestBody as { Operations: unknown }).Operations).toEqual([{ op: 'replace', path: 'active', value: false }]);
    expect(userByName('grace.hopper@contoso.example')['active']).toBe(false);

    directory.hardDelete('ada.lovelace@contoso.example');
    await engine.runCycle();
    const adaId = log.outcomes.find((o) => o.object.name === 'ada.lovelace@contoso.example' && o.outcome === 'created')!.targetId;
    expect(log.exchanges.filter((e) => e.cycle === 3 && e.method === 'DELETE').map((e) => e.url.replace(server.url, ''))).toEqual([`/Users/${adaId}`]);
    expect(server.users.has(adaId!)).toBe(false);
    expect(server.users.has(id)).toBe(true);
  });
});

describe('OneLogin groups are the app’s', () => {
  it('Refresh Entitlements pages GET /Groups unfiltered, then a PATCH adds the members', async () => {
    const groupId = await appGroup('NinjaOne Technicians');
    const { engine, log } = setup();
    await engine.runCycle();
    expect(requestsOf(log, 'NinjaOne Technicians')).toEqual(['GET /Groups?startIndex=1&count=100', `PATCH /Groups/${groupId}`]);
    const members = (server.groups.get(groupId)!['members'] as Array<{ value: string }>).map((m) => m.value).sort();
    expect(members).toEqual(['ada.lovelace@contoso.example', 'grace.hopper@contoso.example'].map((n) => userByName(n)['id']).sort());
  });

  it('a removed member leaves by a filtered remove; a group the app lacks fails with group/not-in-target', async () => {
    const groupId = await appGroup('NinjaOne Technicians');
    const { engine, directory, log } = setup();
    await engine.runCycle();
    directory.removeMember('NinjaOne Technicians', 'grace.hopper@contoso.example');
    await engine.runCycle();
    const graceId = userByName('grace.hopper@contoso.example')['id'];
    const patch = log.exchanges.find((e) => e.cycle === 2 && e.object?.type === 'group' && e.method === 'PATCH')!;
    expect((patch.requestBody as { Operations: unknown }).Operations).toEqual([{ op: 'remove', path: `members[value eq "${graceId}"]` }]);
    expect((server.groups.get(groupId)!['members'] as unknown[]).length).toBe(1);

    const fresh = await startScimmyServer();
    try {
      const config = resolveConfig(parse(readFileSync(fixture, 'utf8')), { clock });
      const other = createProvisioner({ config, url: fresh.url, token: fresh.token, client: 'onelogin', clock, sleep: async () => {} });
      const r = await other.engine.runCycle();
      expect(r.failed.map((f) => [f.object.name, f.code])).toEqual([['NinjaOne Technicians', 'group/not-in-target']]);
      expect(fresh.requests.filter((q) => q.method === 'POST' && q.url.endsWith('/Groups'))).toEqual([]);
    } finally {
      await fresh.close();
    }
  });
});
