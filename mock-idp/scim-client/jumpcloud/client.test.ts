/*
 * JumpCloud's client (profile jumpcloud-2024) end to end with the fixture's mappings against an independent SCIM
 * server (scimmy on express 5, loopback, core and enterprise schemas only): Test Connection's test user and group,
 * lookup-then-create, PATCH updates, deactivation instead of DELETE, and groups with value-list member PATCHes.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { resolveConfig } from '../config/load.ts';
import { createProvisioner } from '../engine/create.ts';
import { startScimmyServer } from '../testing/scimmy-server.ts';
import type { ScimmyServer } from '../testing/scimmy-server.ts';

const fixture = fileURLToPath(new URL('../fixtures/jumpcloud.yaml', import.meta.url));
const clock = { now: () => new Date('2026-01-01T00:00:00Z') };
const GUID = '00000000-0000-4000-8000-00000000000c';
let server: ScimmyServer;

beforeEach(async () => {
  server = await startScimmyServer({ ninjaOne: false });
});
afterEach(async () => {
  await server.close();
});

function setup(token = server.token) {
  const config = resolveConfig(parse(readFileSync(fixture, 'utf8')), { clock });
  const p = createProvisioner({ config, url: server.url, token, client: 'jumpcloud', clock, sleep: async () => {}, newGuid: () => GUID });
  return { ...p, directory: config.directory };
}
const userByName = (name: string) => [...server.users.values()].find((u) => u['userName'] === name)!;
const seen = (from = 0) => server.requests.slice(from).map((r) => `${r.method} ${decodeURIComponent(r.url.replace(/\+/g, ' ')).replace(/^\/scim\/v2/, '')}`);

describe('JumpCloud Test Connection', () => {
  it('creates a test user and a test group, then deletes both', async () => {
    const { engine } = setup();
    await engine.testConnection();
    const [user] = server.requests.filter((r) => r.method === 'POST');
    expect(user!.body).toMatchObject({ userName: `jumpcloud-test-${GUID}@example.com` });
    expect(seen().map((r) => r.replace(/\/(Users|Groups)\/[^/?]+$/, '/$1/{id}'))).toEqual(['POST /Users', 'POST /Groups', 'DELETE /Groups/{id}', 'DELETE /Users/{id}']);
    expect(server.users.size).toBe(0);
    expect(server.groups.size).toBe(0);
  });

  it('fails with connection/failed and the status on a wrong token', async () => {
    await expect(setup('wrong').engine.testConnection()).rejects.toMatchObject({ code: 'connection/failed', status: 401 });
  });
});

describe('JumpCloud users', () => {
  it('looks up, then POSTs the core schema only with active true', async () => {
    const { engine, log } = setup();
    const r = await engine.runCycle();
    expect(r.failed).toEqual([]);
    const post = log.exchanges.find((e) => e.method === 'POST' && e.object?.name === 'ada.lovelace@contoso.example')!;
    expect(post.requestBody).toMatchObject({ schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'], active: true, displayName: 'Ada Lovelace' });
    expect(userByName('ada.lovelace@contoso.example')).toMatchObject({ name: { givenName: 'Ada', familyName: 'Lovelace' }, active: true });
  });

  it('a change is one PATCH replace op with its path', async () => {
    const { engine, directory, log } = setup();
    await engine.runCycle();
    directory.updateAttribute('grace.hopper@contoso.example', 'surname', 'Murray');
    await engine.runCycle();
    const patch = log.exchanges.find((e) => e.cycle === 2 && e.method === 'PATCH')!;
    expect(patch.requestBody).toEqual({ schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'], Operations: [{ op: 'replace', path: 'name.familyName', value: 'Murray' }] });
    expect(userByName('grace.hopper@contoso.example')['name']).toMatchObject({ familyName: 'Murray' });
  });

  it('a user deleted in JumpCloud is deactivated, never DELETEd', async () => {
    const { engine, directory, log } = setup();
    await engine.runCycle();
    directory.hardDelete('ada.lovelace@contoso.example');
    await engine.runCycle();
    expect(log.exchanges.filter((e) => e.cycle === 2).map((e) => e.method)).not.toContain('DELETE');
    expect(userByName('ada.lovelace@contoso.example')['active']).toBe(false);
    expect(log.outcomes.find((o) => o.cycle === 2 && o.object.name === 'ada.lovelace@contoso.example')?.outcome).toBe('disabled');
  });
});

describe('JumpCloud groups', () => {
  it('POSTs the group with its members; a removed member leaves by a value list without a filter', async () => {
    const { engine, directory, log } = setup();
    await engine.runCycle();
    const post = log.exchanges.find((e) => e.method === 'POST' && e.object?.type === 'group')!;
    const ids = ['ada.lovelace@contoso.example', 'grace.hopper@contoso.example'].map((n) => userByName(n)['id']);
    expect((post.requestBody as { members: Array<{ value: string }> }).members.map((m) => m.value).sort()).toEqual([...ids].sort());
    directory.removeMember('NinjaOne Technicians', 'grace.hopper@contoso.example');
    await engine.runCycle();
    const patch = log.exchanges.find((e) => e.cycle === 2 && e.object?.type === 'group' && e.method === 'PATCH')!;
    expect((patch.requestBody as { Operations: unknown }).Operations).toEqual([{ op: 'remove', path: 'members', value: [{ value: ids[1] }] }]);
    const group = [...server.groups.values()][0]!;
    expect(group['members'].map((m: { value: string }) => m.value)).toEqual([ids[0]]);
  });

  it('a rename is a PATCH replace of displayName', async () => {
    const { engine, directory, log } = setup();
    await engine.runCycle();
    directory.rename('NinjaOne Technicians', 'NinjaOne Engineers');
    await engine.runCycle();
    const patch = log.exchanges.find((e) => e.cycle === 2 && e.object?.type === 'group' && e.method === 'PATCH')!;
    expect((patch.requestBody as { Operations: unknown }).Operations).toEqual([{ op: 'replace', path: 'displayName', value: 'NinjaOne Engineers' }]);
    expect([...server.groups.values()][0]!['displayName']).toBe('NinjaOne Engineers');
  });
});
