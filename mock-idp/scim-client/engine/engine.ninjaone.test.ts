/*
 * NinjaOne's mapping table (seed 002) end to end against a real, independent SCIM server (scimmy on express 5,
 * loopback) that declares NinjaOne's extension with organizationId required.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { resolveConfig } from '../config/load.ts';
import { createProvisioner } from './create.ts';
import { NINJAONE_URN, startScimmyServer } from '../testing/scimmy-server.ts';
import type { ScimmyServer } from '../testing/scimmy-server.ts';

const fixture = fileURLToPath(new URL('../fixtures/ninjaone.yaml', import.meta.url));
const clock = { now: () => new Date('2026-01-01T00:00:00Z') };
let server: ScimmyServer;

beforeEach(async () => {
  server = await startScimmyServer();
});
afterEach(async () => {
  await server.close();
});

function setup(flags = '?aadOptscim062020') {
  const config = resolveConfig(parse(readFileSync(fixture, 'utf8')), { clock });
  const p = createProvisioner({ config, url: `${server.url}${flags}`, token: server.token, clock, sleep: async () => {}, newGuid: () => '00000000-0000-4000-8000-000000000000' });
  return { ...p, directory: config.directory };
}
const userByName = (name: string) => [...server.users.values()].find((u) => u['userName'] === name)!;
const since = (n: number) => server.requests.slice(n).map((r) => `${r.method} ${decodeURIComponent(r.url.replace(/\+/g, ' '))}`);

describe('NinjaOne initial cycle', () => {
  it('Test Connection filters on a random GUID and accepts the empty ListResponse', async () => {
    const { engine } = setup();
    await engine.testConnection();
    expect(since(0)).toEqual(['GET /scim/v2/Users?filter=userName eq "00000000-0000-4000-8000-000000000000"']);
  });

  it('creates assigned users with the seed mapping table and skips the unassigned one', async () => {
    const { engine, log } = setup();
    const r = await engine.runCycle();
    expect(r.kind).toBe('initial');
    expect(r.summary).toMatchObject({ created: 3, skipped: 1, failed: 0 });
    const ada = userByName('ada.lovelace@contoso.example');
    expect(ada).toMatchObject({
      active: true,
      emails: [{ type: 'work', value: 'ada.lovelace@contoso.example' }],
      name: { givenName: 'Ada', familyName: 'Lovelace' },
      externalId: 'ada.lovelace',
      [NINJAONE_URN]: { organizationId: 'all', userType: 'TECHNICIAN' },
    });
    expect(userByName('grace.hopper@contoso.example')[NINJAONE_URN]).toEqual({ organizationId: '42', userType: 'END_USER' });
    expect(userByName('alan.turing@contoso.example')).toBeUndefined();
    expect(log.outcomes.find((o) => o.object.name === 'alan.turing@contoso.example')).toMatchObject({ outcome: 'skipped', reason: 'unassigned' });
    // create = GET filter on the matching attribute, then POST
    const adaRequests = log.exchanges
      .filter((e) => e.object?.name === 'ada.lovelace@contoso.example')
      .map((e) => `${e.method} ${decodeURIComponent(e.url.replace(/\+/g, ' ')).replace(server.url, '')}`);
    expect(adaRequests).toEqual(['GET /Users?filter=userName eq "ada.lovelace@contoso.example"', 'POST /Users']);
    const post = log.exchanges.find((e) => e.method === 'POST' && e.object?.name === 'ada.lovelace@contoso.example')!;
    expect((post.requestBody as { schemas: string[] }).schemas).toEqual(['urn:ietf:params:scim:schemas:core:2.0:User', NINJAONE_URN]);
  });

  it('provisions the group: lookup without members, POST without members, then PATCH add members', async () => {
    const { engine, log } = setup();
    await engine.runCycle();
    const g = log.exchanges.filter((e) => e.object?.type === 'group');
    expect(g.map((e) => `${e.method} ${decodeURIComponent(e.url.replace(/\+/g, ' ')).replace(server.url, '')}`)).toEqual([
      'GET /Groups?excludedAttributes=members&filter=displayName eq "NinjaOne Technicians"',
      'POST /Groups',
      `PATCH /Groups/${[...server.groups.keys()][0]}`,
    ]);
    expect(g[1]!.requestBody).not.toHaveProperty('members');
    const ids = ['ada.lovelace@contoso.example', 'grace.hopper@contoso.example'].map((n) => userByName(n)['id']);
    expect(g[2]!.requestBody).toEqual({
      schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
      Operations: [{ op: 'add', path: 'members', value: ids.map((value) => ({ $ref: null, value })) }],
    });
    const group = [...server.groups.values()][0]!;
    expect(group['members'].map((m: { value: string }) => m.value).sort()).toEqual([...ids].sort());
  });
});

describe('NinjaOne incremental cycles', () => {
  it('sends nothing when nothing changed', async () => {
    const { engine } = setup();
    await engine.runCycle();
    const r = await engine.runCycle();
    expect(r.kind).toBe('incremental');
    expect(r.requests).toBe(0);
  });

  it('updates a changed attribute with GET then one PATCH op', async () => {
    const { engine, directory, log } = setup();
    await engine.runCycle();
    directory.updateAttribute('grace.hopper@contoso.example', 'givenName', 'Gracie');
    const r = await engine.runCycle();
    expect(r.summary.updated).toBe(1);
    const ex = log.exchanges.filter((e) => e.cycle === 2);
    expect(ex.map((e) => e.method)).toEqual(['GET', 'PATCH']);
    expect(ex[1]!.requestBody).toEqual({ schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'], Operations: [{ op: 'replace', path: 'name.givenName', value: 'Gracie' }] });
    expect(userByName('grace.hopper@contoso.example')['name']).toEqual({ givenName: 'Gracie', familyName: 'Hopper' });
  });

  it('unassign disables (active false), the member leaves the group, a hard delete then DELETEs', async () => {
    const { engine, directory, log } = setup();
    await engine.runCycle();
    directory.unassign('grace.hopper@contoso.example');
    directory.removeMember('NinjaOne Technicians', 'grace.hopper@contoso.example');
    const r2 = await engine.runCycle();
    expect(log.outcomes.filter((o) => o.cycle === 2).map((o) => [o.object.name, o.outcome, o.reason])).toEqual([
      ['grace.hopper@contoso.example', 'disabled', 'unassigned'],
      ['NinjaOne Technicians', 'updated', undefined],
    ]);
    expect(r2.failed).toEqual([]);
    expect(userByName('grace.hopper@contoso.example')['active']).toBe(false);
    const disable = log.exchanges.find((e) => e.cycle === 2 && e.method === 'PATCH' && e.object?.type === 'user')!;
    expect((disable.requestBody as { Operations: unknown }).Operations).toEqual([{ op: 'replace', path: 'active', value: false }]);
    const removal = log.exchanges.find((e) => e.cycle === 2 && e.method === 'PATCH' && e.object?.type === 'group')!;
    const graceId = userByName('grace.hopper@contoso.example')['id'];
    expect((removal.requestBody as { Operations: unknown }).Operations).toEqual([{ op: 'remove', path: `members[value eq "${graceId}"]` }]);
    expect([...server.groups.values()][0]!['members'].map((m: { value: string }) => m.value)).not.toContain(graceId);

    directory.hardDelete('grace.hopper@contoso.example');
    await engine.runCycle();
    // A user gone from the directory is still named in the log by the userName that was exported.
    expect(log.outcomes.filter((o) => o.cycle === 3).map((o) => [o.object.name, o.outcome])).toEqual([['grace.hopper@contoso.example', 'deleted']]);
    expect(log.exchanges.filter((e) => e.cycle === 3).map((e) => e.method)).toEqual(['DELETE']);
    expect(userByName('grace.hopper@contoso.example')).toBeUndefined();
  });

  it('soft delete disables, restore re-enables', async () => {
    const { engine, directory } = setup();
    await engine.runCycle();
    directory.softDelete('ada.lovelace@contoso.example');
    await engine.runCycle();
    expect(userByName('ada.lovelace@contoso.example')['active']).toBe(false);
    directory.restore('ada.lovelace@contoso.example');
    await engine.runCycle();
    expect(userByName('ada.lovelace@contoso.example')['active']).toBe(true);
  });

  it('renames a group with a displayName replace', async () => {
    const { engine, directory, log } = setup();
    await engine.runCycle();
    directory.rename('NinjaOne Technicians', 'NinjaOne Admins');
    await engine.runCycle();
    const patch = log.exchanges.find((e) => e.cycle === 2 && e.method === 'PATCH')!;
    expect((patch.requestBody as { Operations: unknown[] }).Operations).toContainEqual({ op: 'replace', path: 'displayName', value: 'NinjaOne Admins' });
    expect([...server.groups.values()][0]!['displayName']).toBe('NinjaOne Admins');
  });
});

describe('legacy PATCH against a strict server', () => {
  it('the "False" string is refused with the precise error, the user escrowed, the rest unaffected', async () => {
    const { engine, directory } = setup('');
    await engine.runCycle();
    directory.softDelete('ada.lovelace@contoso.example');
    directory.updateAttribute('grace.hopper@contoso.example', 'surname', 'Murray');
    const r = await engine.runCycle();
    expect(r.failed.map((f) => [f.object.name, f.code])).toEqual([['ada.lovelace@contoso.example', 'http/status']]);
    expect(r.failed[0]!.reason).toContain('invalidValue');
    expect(engine.escrow.get(directory.user('ada.lovelace@contoso.example')!.objectId)).toMatchObject({ attempts: 1, code: 'http/status' });
    expect(userByName('grace.hopper@contoso.example')['name']).toMatchObject({ familyName: 'Murray' });
    // escrowed: retried next cycle without any new change
    const r3 = await engine.runCycle();
    expect(r3.failed.map((f) => f.object.name)).toEqual(['ada.lovelace@contoso.example']);
    expect(engine.escrow.get(directory.user('ada.lovelace@contoso.example')!.objectId)!.attempts).toBe(2);
  });
});
