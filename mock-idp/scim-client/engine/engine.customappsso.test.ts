/*
 * Entra's shipped customappsso mappings and the Okta profile against a real SCIM server (scimmy, enterprise
 * extension only).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resolveConfig } from '../config/load.ts';
import { createProvisioner } from './create.ts';
import { startScimmyServer } from '../testing/scimmy-server.ts';
import type { ScimmyServer } from '../testing/scimmy-server.ts';

const ENT = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
const clock = { now: () => new Date('2026-01-01T00:00:00Z') };
let server: ScimmyServer;
beforeEach(async () => {
  server = await startScimmyServer({ ninjaOne: false });
});
afterEach(async () => {
  await server.close();
});

const directory = {
  users: [
    {
      userPrincipalName: 'boss@x.test',
      displayName: 'The Boss',
      givenName: 'Bo',
      surname: 'Ss',
      mail: 'boss@x.test',
      mailNickname: 'boss',
      department: 'Ops',
      employeeId: '7',
      jobTitle: 'CEO',
    },
    {
      userPrincipalName: 'dev@x.test',
      displayName: 'Dev',
      givenName: 'De',
      surname: 'V',
      mail: 'dev@x.test',
      mailNickname: 'dev',
      department: 'R&D',
      manager: 'boss@x.test',
      other: { city: 'Oslo' },
    },
    { userPrincipalName: 'temp@x.test', displayName: 'Temp', department: 'Contractors', assigned: false },
  ],
  groups: [
    { displayName: 'Everyone', members: ['boss@x.test', 'dev@x.test', 'Inner'] },
    { displayName: 'Inner', members: ['temp@x.test'], assigned: false },
  ],
};
const userByName = (name: string) => [...server.users.values()].find((u) => u['userName'] === name)!;

describe('customappsso defaults (Entra)', () => {
  const setup = (extra: Record<string, unknown> = {}, flags = '?aadOptscim062020') => {
    const config = resolveConfig({ directory, ...extra }, { clock });
    return { ...createProvisioner({ config, url: `${server.url}${flags}`, token: server.token, clock, sleep: async () => {} }), directory: config.directory };
  };

  it('serialises the default mappings: enterprise attributes nested under the URN, addresses and emails filtered', async () => {
    const { engine } = setup({ mappings: { users: { remove: [`${ENT}:manager`] } } });
    const r = await engine.runCycle();
    expect(r.failed).toEqual([]);
    expect(userByName('boss@x.test')).toMatchObject({
      displayName: 'The Boss',
      title: 'CEO',
      externalId: 'boss',
      active: true,
      name: { givenName: 'Bo', familyName: 'Ss', formatted: 'Bo Ss' },
      emails: [{ type: 'work', value: 'boss@x.test' }],
      [ENT]: { department: 'Ops', employeeNumber: '7' },
    });
    expect(userByName('dev@x.test')['addresses']).toEqual([{ type: 'work', locality: 'Oslo' }]);
  });

  it('applies scoping filters: out-of-scope users are skipped, and disabled when they leave scope', async () => {
    const {
      engine,
      directory: dir,
      log,
    } = setup({
      mappings: { users: { remove: [`${ENT}:manager`] } },
      scoping: { users: [{ clauses: [{ attribute: 'department', operator: 'NOT EQUALS', value: 'Contractors' }] }] },
      settings: { scope: 'all' },
    });
    await engine.runCycle();
    expect(userByName('temp@x.test')).toBeUndefined();
    expect(log.outcomes.find((o) => o.object.name === 'temp@x.test')).toMatchObject({ outcome: 'skipped', reason: 'out of scope (scoping filter)' });
    dir.updateAttribute('dev@x.test', 'department', 'Contractors');
    await engine.runCycle();
    expect(userByName('dev@x.test')['active']).toBe(false);
    expect(log.outcomes.filter((o) => o.cycle === 2 && o.object.type === 'user').map((o) => [o.object.name, o.outcome])).toEqual([['dev@x.test', 'disabled']]);
  });

  it('provisions only direct user members of an assigned group (no nested groups)', async () => {
    const { engine } = setup({ mappings: { users: { remove: [`${ENT}:manager`] } } });
    await engine.runCycle();
    expect(server.groups.size).toBe(1);
    const everyone = [...server.groups.values()][0]!;
    expect(everyone['members'].map((m: { value: string }) => m.value).sort()).toEqual([userByName('boss@x.test')['id'], userByName('dev@x.test')['id']].sort());
    expect(userByName('temp@x.test')).toBeUndefined();
  });

  it("links the manager in its own PATCH with the manager id as a plain string (Entra's shape)", async () => {
    const { engine, log } = setup();
    const r = await engine.runCycle();
    const managerPatch = log.exchanges.find((e) => e.method === 'PATCH' && e.object?.name === 'dev@x.test')!;
    expect(managerPatch.requestBody).toEqual({
      schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
      Operations: [{ op: 'add', path: `${ENT}:manager`, value: userByName('boss@x.test')['id'] }],
    });
    // scimmy types manager as a complex attribute and refuses the bare string, as strict servers do.
    expect(managerPatch.status).toBe(400);
    expect(r.failed.map((f) => [f.object.name, f.code])).toEqual([['dev@x.test', 'http/status']]);
  });
});

describe('Okta profile', () => {
  const setup = () => {
    const config = resolveConfig({ directory, mappings: { users: { remove: [`${ENT}:manager`] } } }, { clock });
    return { ...createProvisioner({ config, url: server.url, token: server.token, client: 'okta', clock, sleep: async () => {} }), directory: config.directory };
  };
  const calls = (log: { exchanges: Array<{ cycle: number; method: string; url: string }> }, cycle: number) =>
    log.exchanges.filter((e) => e.cycle === cycle).map((e) => `${e.method} ${decodeURIComponent(e.url.replace(/\+/g, ' ')).replace(server.url, '')}`);

  it('looks users up with explicit paging, creates, and pushes the group with its members', async () => {
    const { engine, log } = setup();
    const r = await engine.runCycle();
    expect(r.failed).toEqual([]);
    expect(calls(log, 1)).toContain('GET /Users?filter=userName eq "boss@x.test"&startIndex=1&count=100');
    const groupPost = log.exchanges.find((e) => e.method === 'POST' && e.object?.type === 'group')!;
    expect((groupPost.requestBody as { members: unknown[] }).members).toHaveLength(2);
  });

  it('updates a profile with PUT, deactivates with a path-less replace, and never DELETEs a user', async () => {
    const { engine, log, directory: dir } = setup();
    await engine.runCycle();
    dir.updateAttribute('boss@x.test', 'jobTitle', 'Chair');
    await engine.runCycle();
    expect(calls(log, 2).filter((c) => c.includes('/Users'))).toEqual([`GET /Users/${userByName('boss@x.test')['id']}`, `PUT /Users/${userByName('boss@x.test')['id']}`]);
    expect(userByName('boss@x.test')['title']).toBe('Chair');

    dir.hardDelete('dev@x.test');
    await engine.runCycle();
    const devId = [...server.users.values()].find((u) => u['userName'] === 'dev@x.test')!['id'];
    const userCalls = log.exchanges.filter((e) => e.cycle === 3 && e.object?.type === 'user');
    expect(userCalls.map((e) => e.method)).toEqual(['PATCH']);
    expect(userCalls[0]!.requestBody).toEqual({ schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'], Operations: [{ op: 'replace', value: { active: false } }] });
    expect(server.users.get(devId)!['active']).toBe(false);
    expect(log.outcomes.find((o) => o.cycle === 3 && o.object.type === 'user')).toMatchObject({ outcome: 'disabled', reason: 'hard-deleted' });
  });
});
