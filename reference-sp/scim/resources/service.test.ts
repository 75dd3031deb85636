/*
 * The query and write services build only what the response returns (./needs.ts) and read members for a page
 * in one batch. Driven through the real router and a real SQLite store; the store is wrapped only to count
 * which reads a request made.
 */
import express from 'express';
import request from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import { systemClock } from '../../clock.ts';
import { resolveScimSection } from '../../config/scim-section.ts';
import type { ReferenceSpConfig, TenantConfig } from '../../config/types.ts';
import { openStore } from '../../store/open-store.ts';
import type { Store } from '../../store/types.ts';
import { createScimRouter } from '../router.ts';

const TOKEN = 'service-test-token-000000000001';
const SCIM = 'application/scim+json';
const USER = 'urn:ietf:params:scim:schemas:core:2.0:User';
const GROUP = 'urn:ietf:params:scim:schemas:core:2.0:Group';
const PATCH_OP = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';

const config: ReferenceSpConfig = {
  baseUrl: 'http://sp.test',
  dataDir: ':memory:',
  tenants: [
    {
      id: 'acme',
      profile: 'generic',
      saml: {} as TenantConfig['saml'],
      scim: resolveScimSection('generic', { tokens: [{ value: TOKEN }], pagination: { defaultCount: 100, maxCount: 100 } }),
    },
  ],
};

const COUNTED = ['getUser', 'getGroup', 'membersOf', 'membersOfGroups', 'groupRefsOfMembers', 'groupsOfMember', 'listGroups', 'hasMember', 'changeMembers'] as const;
type Counted = (typeof COUNTED)[number];

/** The real store, with a tally of the reads above (and of membersOfGroups' display option). */
function counting(store: Store) {
  const calls: Record<string, number> = {};
  const proxy = new Proxy(store, {
    get(target, key, receiver) {
      const value = Reflect.get(target, key, receiver) as unknown;
      if (typeof value !== 'function') return value;
      const fn = (value as (...a: unknown[]) => unknown).bind(target);
      if (!(COUNTED as readonly (string | symbol)[]).includes(key)) return fn;
      return (...args: unknown[]) => {
        const name = key === 'membersOfGroups' && (args[2] as { display?: boolean } | undefined)?.display === false ? 'membersOfGroups(no display)' : String(key);
        calls[name] = (calls[name] ?? 0) + 1;
        return fn(...args);
      };
    },
  });
  return {
    store: proxy,
    calls,
    reset: () => {
      for (const k of Object.keys(calls)) delete calls[k];
    },
  };
}

const opened: Store[] = [];
afterEach(() => {
  while (opened.length) opened.pop()!.close();
});

async function seeded() {
  const real = openStore({ path: ':memory:' });
  opened.push(real);
  const { store, calls, reset } = counting(real);
  const app = express();
  app.use(createScimRouter({ store, config, clock: systemClock }));
  const api = (method: 'get' | 'post' | 'patch', path: string) => request(app)[method](`/scim/v2/acme${path}`).auth(TOKEN, { type: 'bearer' }).type(SCIM);
  const userIds: string[] = [];
  for (let i = 0; i < 6; i++) {
    const body = { schemas: [USER], userName: `u${i}@acme.test`, ...(i % 2 === 0 ? { displayName: `User ${i}` } : {}) };
    userIds.push((await api('post', '/Users').send(body)).body.id);
  }
  const groupIds: string[] = [];
  for (let g = 0; g < 3; g++) {
    const members = userIds.slice(g, g + 3).map((value) => ({ value }));
    groupIds.push((await api('post', '/Groups').send({ schemas: [GROUP], displayName: `Team ${g}`, members })).body.id);
  }
  reset();
  return { api, calls, userIds, groupIds, reset };
}

const q = (s: string) => encodeURIComponent(s);
const read = (calls: Record<string, number>, name: Counted | 'membersOfGroups(no display)') => calls[name] ?? 0;

describe("Entra's group lookup: GET /Groups?excludedAttributes=members&filter=displayName eq", () => {
  it('finds the group case-insensitively from the index and reads no member at all', async () => {
    const { api, calls, groupIds } = await seeded();
    const res = await api('get', `/Groups?excludedAttributes=members&filter=${q('displayName eq "TEAM 1"')}`);
    expect(res.status).toBe(200);
    expect(res.body.totalResults).toBe(1);
    expect(res.body.Resources[0]).toMatchObject({ id: groupIds[1], displayName: 'Team 1' });
    expect(res.body.Resources[0].members).toBeUndefined();
    expect(read(calls, 'listGroups')).toBe(0); // no scan
    expect(read(calls, 'membersOfGroups') + read(calls, 'membersOf') + read(calls, 'getUser')).toBe(0);
  });

  it('as one side of an and; a miss is an empty list', async () => {
    const { api, calls } = await seeded();
    const both = await api('get', `/Groups?excludedAttributes=members&filter=${q('externalId pr and displayName eq "team 2"')}`);
    expect(both.body.totalResults).toBe(0); // no externalId was set: the whole filter still decides
    const hit = await api('get', `/Groups?filter=${q('displayName eq "team 2" and not (displayName eq "x")')}`);
    expect(hit.body.Resources.map((r: { displayName: string }) => r.displayName)).toEqual(['Team 2']);
    const miss = await api('get', `/Groups?excludedAttributes=members&filter=${q('displayName eq "Team 9"')}`);
    expect(miss.body).toMatchObject({ totalResults: 0, Resources: [] });
    expect(read(calls, 'listGroups')).toBe(0);
  });

  it('without excludedAttributes the members come back, with their display, from one batched read', async () => {
    const { api, calls, userIds } = await seeded();
    const res = await api('get', `/Groups?filter=${q('displayName eq "team 0"')}`);
    expect(res.body.Resources[0].members).toEqual(
      userIds.slice(0, 3).map((id, i) => ({
        value: id,
        $ref: `http://sp.test/scim/v2/acme/Users/${id}`,
        type: 'User',
        display: i % 2 === 0 ? `User ${i}` : `u${i}@acme.test`,
      })),
    );
    expect(read(calls, 'membersOfGroups')).toBe(1);
    expect(read(calls, 'getUser')).toBe(0);
  });
});

describe('pages of groups and users are built in one batch', () => {
  it('a Groups page reads the members of all its groups at once', async () => {
    const { api, calls } = await seeded();
    const res = await api('get', '/Groups?count=3');
    expect(res.body.Resources.map((g: { members: unknown[] }) => g.members.length)).toEqual([3, 3, 3]);
    expect(read(calls, 'membersOfGroups')).toBe(1);
    expect(read(calls, 'getUser') + read(calls, 'membersOf')).toBe(0);
  });

  it('a filter on members is evaluated on members; the page is then built as projected', async () => {
    const { api, calls, userIds } = await seeded();
    const res = await api('get', `/Groups?attributes=displayName&filter=${q(`members.value eq "${userIds[2]}"`)}`);
    expect(res.body.Resources.map((g: { displayName: string }) => g.displayName)).toEqual(['Team 0', 'Team 1', 'Team 2']);
    expect(res.body.Resources[0].members).toBeUndefined();
    expect(read(calls, 'membersOfGroups')).toBe(1);
  });

  it('a Users page reads the groups of all its users at once; attributes=userName reads none', async () => {
    const { api, calls, groupIds } = await seeded();
    const res = await api('get', '/Users?count=6');
    expect(res.body.Resources[2].groups.map((g: { value: string }) => g.value)).toEqual(groupIds);
    expect(read(calls, 'groupRefsOfMembers')).toBe(1);
    expect(read(calls, 'groupsOfMember')).toBe(0);
    await api('get', '/Users?attributes=userName');
    expect(read(calls, 'groupRefsOfMembers')).toBe(1);
  });

  it('POST /.search at the root pages users and groups together', async () => {
    const { api, calls } = await seeded();
    const res = await api('post', '/.search').send({
      schemas: ['urn:ietf:params:scim:api:messages:2.0:SearchRequest'],
      filter: 'displayName sw "team" or userName eq "u5@acme.test"',
      startIndex: 1,
      count: 3,
      excludedAttributes: ['members', 'groups'],
    });
    expect(res.body.totalResults).toBe(4);
    expect(res.body.Resources.map((r: { userName?: string; displayName: string }) => r.userName ?? r.displayName)).toEqual(['u5@acme.test', 'Team 0', 'Team 1']);
    expect(read(calls, 'membersOfGroups') + read(calls, 'groupRefsOfMembers')).toBe(0);
  });
});

describe('writes answer without resolving what the response leaves out', () => {
  it('PATCH adding many members: no member list is read, one lookup per value named; excludedAttributes=members answers without them', async () => {
    const { api, calls, userIds, groupIds } = await seeded();
    const res = await api('patch', `/Groups/${groupIds[0]}?excludedAttributes=members`).send({
      schemas: [PATCH_OP],
      Operations: [{ op: 'add', path: 'members', value: userIds.map((value) => ({ value })) }],
    });
    expect(res.status).toBe(200);
    expect(res.body.members).toBeUndefined();
    expect(read(calls, 'membersOfGroups(no display)') + read(calls, 'membersOfGroups') + read(calls, 'membersOf') + read(calls, 'getUser')).toBe(0);
    expect([read(calls, 'hasMember'), read(calls, 'changeMembers')]).toEqual([userIds.length, 1]);
    const after = await api('get', `/Groups/${groupIds[0]}?attributes=members.value`);
    expect(after.body.members.map((m: { value: string }) => m.value)).toEqual([...userIds.slice(0, 3), ...userIds.slice(3)]);
  });

  it('POST /Users answers 201 without looking up groups: nothing holds a user created by this request', async () => {
    const { api, calls } = await seeded();
    const res = await api('post', '/Users').send({ schemas: [USER], userName: 'fresh@acme.test' });
    expect(res.status).toBe(201);
    expect(res.body.groups).toBeUndefined();
    expect(read(calls, 'groupRefsOfMembers') + read(calls, 'groupsOfMember')).toBe(0);
  });

  it('POST /Groups?excludedAttributes=members answers 201 without members', async () => {
    const { api, calls, userIds } = await seeded();
    const res = await api('post', '/Groups?excludedAttributes=members').send({
      schemas: [GROUP],
      displayName: 'Fresh',
      members: userIds.map((value) => ({ value })),
    });
    expect(res.status).toBe(201);
    expect(res.body.members).toBeUndefined();
    expect(read(calls, 'membersOfGroups')).toBe(0);
  });
});
