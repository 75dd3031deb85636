import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Clock } from '../clock.ts';
import { StoreError } from './errors.ts';
import { migrations } from './migrations.ts';
import { openStore, storePathFor } from './open-store.ts';
import type { Store } from './types.ts';
import { codeOf } from './test-support/code-of.ts';

/** The newest migration: a database opened here has every one applied. */
const LATEST = Math.max(...migrations.map((m) => m.version));

const frozen = (iso: string): Clock & { set(iso: string): void } => {
  let now = new Date(iso);
  return { now: () => now, set: (v) => (now = new Date(v)) };
};
const userBody = (userName: string, extra: Record<string, unknown> = {}) => ({
  userName,
  active: true,
  resource: { schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'], userName, ...extra },
});

describe('SqliteStore', () => {
  let store: Store;
  let clock: ReturnType<typeof frozen>;
  beforeEach(() => {
    clock = frozen('2026-01-01T00:00:00.000Z');
    store = openStore({ path: ':memory:', clock });
    store.ensureTenant('acme');
    store.ensureTenant('globex');
  });
  afterEach(() => store.close());

  it('records applied migrations', () => {
    expect(store.schemaVersion()).toBe(LATEST);
  });

  describe('users', () => {
    it('inserts with version 1 and server timestamps, and reads back', () => {
      const u = store.insertUser('acme', { ...userBody('alice@acme.test'), externalId: 'a1' });
      expect(u).toMatchObject({ tenantId: 'acme', userName: 'alice@acme.test', externalId: 'a1', version: 1 });
      expect(u.created).toBe('2026-01-01T00:00:00.000Z');
      expect(u.hasPassword).toBe(false);
      expect(store.getUser('acme', u.id)).toEqual(u);
    });

    it('enforces userName uniqueness per tenant, case-insensitively (RFC 7643 §4.1.1)', () => {
      store.insertUser('acme', userBody('Alice@Acme.test'));
      expect(codeOf(() => store.insertUser('acme', userBody('alice@ACME.test')))).toBe('uniqueness/userName');
      expect(codeOf(() => store.insertUser('globex', userBody('alice@acme.test')))).toBeUndefined();
      expect(store.countUsers('acme')).toBe(1);
    });

    it('folds non-ASCII case too', () => {
      store.insertUser('acme', userBody('ÅSA@acme.test'));
      expect(store.findUserByUserNameRow('acme', 'åsa@acme.test')?.userName).toBe('ÅSA@acme.test');
    });

    it('never returns another tenant’s user', () => {
      const u = store.insertUser('acme', userBody('bob'));
      expect(store.getUser('globex', u.id)).toBeUndefined();
      expect(store.findUserByUserNameRow('globex', 'bob')).toBeUndefined();
      expect(store.replaceUser('globex', u.id, userBody('bob2'))).toBeUndefined();
      expect(store.deleteUser('globex', u.id)).toBe(false);
      expect(store.getUser('acme', u.id)?.userName).toBe('bob');
    });

    it('replace bumps version and lastModified, keeps created, refuses a taken userName', () => {
      const u = store.insertUser('acme', userBody('carol'));
      store.insertUser('acme', userBody('dave'));
      clock.set('2026-01-02T00:00:00.000Z');
      const r = store.replaceUser('acme', u.id, { ...userBody('carol.new'), active: false })!;
      expect(r).toMatchObject({ version: 2, active: false, created: u.created, userName: 'carol.new' });
      expect(r.lastModified).toBe('2026-01-02T00:00:00.000Z');
      expect(codeOf(() => store.replaceUser('acme', u.id, userBody('DAVE')))).toBe('uniqueness/userName');
      expect(store.getUser('acme', u.id)?.userName).toBe('carol.new');
      // same user may change the case of its own userName
      expect(store.replaceUser('acme', u.id, userBody('CAROL.NEW'))?.userName).toBe('CAROL.NEW');
    });

    it('finds by externalId case-exactly and lists in creation order with paging', () => {
      for (const n of ['u1', 'u2', 'u3', 'u4']) store.insertUser('acme', { ...userBody(n), externalId: `x-${n}` });
      expect(store.findUsersByExternalId('acme', 'x-u2').map((u) => u.userName)).toEqual(['u2']);
      expect(store.findUsersByExternalId('acme', 'X-U2')).toEqual([]);
      expect(store.listUsers('acme').map((u) => u.userName)).toEqual(['u1', 'u2', 'u3', 'u4']);
      expect(store.listUsers('acme', { offset: 1, limit: 2 }).map((u) => u.userName)).toEqual(['u2', 'u3']);
    });

    it('deleting a user removes it from groups and bumps their versions (RFC 7644 §3.6)', () => {
      const u = store.insertUser('acme', userBody('erin'));
      const g = store.insertGroup('acme', { displayName: 'Ops', resource: {} }, [u.id]);
      expect(store.membersOf('acme', g.id)).toHaveLength(1);
      expect(store.deleteUser('acme', u.id)).toBe(true);
      expect(store.getUser('acme', u.id)).toBeUndefined();
      expect(store.membersOf('acme', g.id)).toEqual([]);
      expect(store.getGroup('acme', g.id)?.version).toBe(2);
      expect(store.deleteUser('acme', u.id)).toBe(false);
    });
  });

  describe('groups', () => {
    it('keeps members in insertion order and types them', () => {
      const a = store.insertUser('acme', userBody('a'));
      const sub = store.insertGroup('acme', { displayName: 'Sub', resource: {} });
      const g = store.insertGroup('acme', { displayName: 'All', resource: {} }, [sub.id, a.id]);
      expect(store.membersOf('acme', g.id)).toEqual([
        { groupId: g.id, memberId: sub.id, memberType: 'Group' },
        { groupId: g.id, memberId: a.id, memberType: 'User' },
      ]);
      expect(store.groupsOfMember('acme', a.id).map((x) => x.displayName)).toEqual(['All']);
    });

    it('refuses a member from another tenant and writes nothing', () => {
      const foreign = store.insertUser('globex', userBody('f'));
      expect(codeOf(() => store.insertGroup('acme', { displayName: 'G', resource: {} }, [foreign.id]))).toBe('not-found/member');
      expect(store.countGroups('acme')).toBe(0);
    });

    it('refuses a duplicate displayName in a tenant; replace can set members', () => {
      const g = store.insertGroup('acme', { displayName: 'Ops', resource: {} });
      expect(codeOf(() => store.insertGroup('acme', { displayName: 'Ops', resource: {} }))).toBe('uniqueness/group-displayName');
      const u = store.insertUser('acme', userBody('m'));
      const r = store.replaceGroup('acme', g.id, { displayName: 'Ops2', resource: { x: 1 } }, [u.id])!;
      expect(r).toMatchObject({ displayName: 'Ops2', version: 2, resource: { x: 1 } });
      expect(store.membersOf('acme', g.id).map((m) => m.memberId)).toEqual([u.id]);
      expect(store.deleteGroup('acme', g.id)).toBe(true);
      expect(store.groupsOfMember('acme', u.id)).toEqual([]);
    });
  });

  describe('transactions', () => {
    it('rolls back every write when the function throws', () => {
      expect(() =>
        store.transaction(() => {
          store.insertUser('acme', userBody('first'));
          store.insertUser('acme', userBody('FIRST'));
        }),
      ).toThrow(StoreError);
      expect(store.countUsers('acme')).toBe(0);
    });
  });

  describe('tokens', () => {
    it('returns the value once, stores only a hash, authenticates and revokes', () => {
      const { token, value } = store.createToken('acme', { name: 'entra', scopes: ['teams.users:list'] });
      expect(value).toHaveLength(40);
      expect(JSON.stringify(store.listTokens('acme'))).not.toContain(value);
      expect(store.authenticateToken(value)).toEqual(token);
      expect(store.authenticateToken(value + 'x')).toBeUndefined();
      expect(store.authenticateToken('')).toBeUndefined();
      expect(store.revokeToken('globex', token.id)).toBeUndefined();
      expect(store.revokeToken('acme', token.id)?.revoked).toBe('2026-01-01T00:00:00.000Z');
      expect(store.authenticateToken(value)).toBeUndefined();
    });

    it('accepts a pre-seeded value and refuses a short one', () => {
      const { token } = store.createToken('globex', { name: 'seed', value: 'seeded-token-value-0001' });
      expect(store.authenticateToken('seeded-token-value-0001')?.id).toBe(token.id);
      expect(codeOf(() => store.createToken('globex', { name: 'short', value: 'abc' }))).toBe('invalid/token-value');
    });

    it('links a token to an existing identity provider scheme only (Aritma CreateScimToken)', () => {
      expect(codeOf(() => store.createToken('acme', { name: 't', providerScheme: 'entra-acme' }))).toBe('not-found/provider');
      store.createIdentityProvider('acme', { scheme: 'entra-acme', type: 'entra', autoProvisioningEnabled: false });
      expect(codeOf(() => store.createIdentityProvider('acme', { scheme: 'entra-acme', type: 'entra', autoProvisioningEnabled: true }))).toBe('uniqueness/idp-scheme');
      const { token } = store.createToken('acme', { name: 't', providerScheme: 'entra-acme' });
      expect(token.providerScheme).toBe('entra-acme');
      expect(store.listIdentityProviders('acme')).toEqual([
        { tenantId: 'acme', scheme: 'entra-acme', type: 'entra', autoProvisioningEnabled: false, created: '2026-01-01T00:00:00.000Z' },
      ]);
    });
  });

  it('records tolerances per tenant', () => {
    store.recordTolerance('acme', { code: 'patch/op-capitalised', detail: 'op "Replace"', resourceType: 'User' });
    expect(store.listTolerances('acme')).toMatchObject([{ code: 'patch/op-capitalised', resourceType: 'User' }]);
    expect(store.listTolerances('globex')).toEqual([]);
  });

  describe('SsoDirectory', () => {
    it('creates a JIT user without a password and finds it case-insensitively with its groups', () => {
      const u = store.createUser('acme', { userName: 'jit@acme.test', email: 'jit@acme.test', givenName: 'J' });
      expect(u).toMatchObject({ active: true, hasPassword: false, email: 'jit@acme.test', givenName: 'J', groups: [] });
      store.replaceGroupMemberships('acme', u.id, ['Admins'], { preserve: [] });
      expect(store.findUserByUserName('acme', 'JIT@ACME.TEST')).toMatchObject({ id: u.id, groups: ['Admins'] });
      expect(store.findUserByUserName('globex', 'jit@acme.test')).toBeUndefined();
    });

    it('replaceGroupMemberships adds, removes, creates missing groups and leaves preserved ones alone', () => {
      const u = store.createUser('acme', { userName: 'g@acme.test' });
      expect(store.replaceGroupMemberships('acme', u.id, ['A', 'B', 'members'], { preserve: [] })).toEqual({
        added: ['A', 'B', 'members'],
        removed: [],
      });
      expect(store.replaceGroupMemberships('acme', u.id, ['B', 'C'], { preserve: ['members'] })).toEqual({
        added: ['C'],
        removed: ['A'],
      });
      expect([...store.findUserByUserName('acme', 'g@acme.test')!.groups].sort()).toEqual(['B', 'C', 'members']);
      expect(store.findGroupByDisplayName('acme', 'A')).toBeDefined();
    });

    it.each([
      [
        'the primary email first',
        [
          { value: 'w@x', type: 'work' },
          { value: 'p@x', primary: true },
        ],
        'p@x',
      ],
      [
        'else the first work email',
        [
          { value: 'h@x', type: 'home' },
          { value: 'w@x', type: 'work' },
        ],
        'w@x',
      ],
      ['else the first email', [{ value: 'h@x', type: 'home' }, { value: 'o@x' }], 'h@x'],
      [
        'a "true" string is not primary',
        [
          { value: 'a@x', primary: 'true' },
          { value: 'w@x', type: 'work' },
        ],
        'w@x',
      ],
      ['a value that is not a string is no email', [{ value: 42, primary: true }], undefined],
      ['an entry that is not an object is no email', ['x@y'], undefined],
      ['emails that are not a list are no email', { value: 'x@y' }, undefined],
    ])('projects a SCIM user for sign-in: %s', (_name, emails, email) => {
      store.insertUser('acme', userBody('proj', { emails, name: { givenName: 'P', familyName: 7 }, displayName: 'Proj' }));
      expect(store.findUserByUserName('acme', 'PROJ')).toMatchObject({ email, givenName: 'P', familyName: undefined, displayName: 'Proj', groups: [] });
    });

    it('reports an inactive SCIM user as inactive', () => {
      store.insertUser('acme', { ...userBody('off'), active: false });
      expect(store.findUserByUserName('acme', 'off')?.active).toBe(false);
    });
  });
});

describe('openStore on disk', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'sso-harness-store-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('creates the data directory, uses WAL, and keeps data across reopen', () => {
    const path = storePathFor(join(dir, 'nested', 'data'));
    const a = openStore({ path });
    const u = a.insertUser('acme', userBody('persist@acme.test'));
    const { value } = a.createToken('acme', { name: 't' });
    a.close();
    const b = openStore({ path });
    expect(b.schemaVersion()).toBe(LATEST);
    expect(b.getUser('acme', u.id)?.userName).toBe('persist@acme.test');
    expect(b.authenticateToken(value)?.tenantId).toBe('acme');
    b.close();
  });

  it('group commit: writes of one turn share a commit, a failed one rolls back alone, durable() means on disk', async () => {
    const path = storePathFor(dir);
    const a = openStore({ path });
    const reader = openStore({ path, groupCommit: false });
    a.insertUser('acme', userBody('one'));
    expect(() =>
      a.transaction(() => {
        a.insertUser('acme', userBody('two'));
        a.insertUser('acme', userBody('ONE'));
      }),
    ).toThrow(StoreError);
    a.insertUser('acme', userBody('three'));
    // nothing is committed yet: another connection does not see the batch
    expect(reader.countUsers('acme')).toBe(0);
    await a.durable();
    expect(reader.listUsers('acme').map((u) => u.userName)).toEqual(['one', 'three']);
    reader.close();
    a.close();
  });

  it('group commit acknowledges only after the WAL fsync, which runs off the event loop', async () => {
    const path = storePathFor(dir);
    const a = openStore({ path });
    const reader = openStore({ path, groupCommit: false });
    a.insertUser('acme', userBody('synced'));
    await new Promise((r) => setImmediate(r)); // the batch has committed (synchronous=NORMAL: no fsync yet)
    expect(reader.countUsers('acme')).toBe(1);
    let acknowledged = false;
    const durable = a.durable().then(() => (acknowledged = true));
    await Promise.resolve();
    expect(acknowledged).toBe(false); // the fsync is still on the thread pool
    await durable;
    expect(acknowledged).toBe(true);
    reader.close();
    a.close();
  });

  it('close() commits an open batch', () => {
    const path = storePathFor(dir);
    const a = openStore({ path });
    a.insertUser('acme', userBody('late'));
    a.close();
    const b = openStore({ path });
    expect(b.findUserByUserNameRow('acme', 'late')).toBeDefined();
    b.close();
  });
});
