/*
 * The membership delta (GroupStore.changeMembers, hasMember): what a group PATCH that adds or removes members
 * writes. It appends after the last member, deletes only the rows named, bumps the version only when a row
 * changed, refuses a member that is no user or group of the tenant with nothing written, and every statement it
 * runs reaches its rows through an index — never a scan of the group's members, whatever the group's size.
 */
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrate } from './migrations.ts';
import { openStore } from './open-store.ts';
import { MEMBER_DELTA_SQL } from './sqlite/groups.ts';
import type { Store } from './types.ts';
import { codeOf } from './test-support/code-of.ts';

describe('GroupStore.changeMembers', () => {
  let store: Store;
  let users: string[];
  const members = (groupId: string) => store.membersOf('acme', groupId).map((m) => m.memberId);
  beforeEach(() => {
    store = openStore({ path: ':memory:' });
    store.ensureTenant('acme');
    store.ensureTenant('globex');
    users = ['a', 'b', 'c', 'd'].map((n) => store.insertUser('acme', { userName: n, active: true, resource: { userName: n } }).id);
  });
  afterEach(() => store.close());

  it('appends new members after the last one, deletes the named ones, and bumps the version once', () => {
    const g = store.insertGroup('acme', { displayName: 'G', resource: {} }, [users[0]!, users[1]!, users[2]!]);
    store.changeMembers('acme', g.id, [], [users[1]!]);
    const after = store.changeMembers('acme', g.id, [users[3]!, users[1]!], [users[0]!]);
    expect(members(g.id)).toEqual([users[2], users[3], users[1]]);
    expect(after?.version).toBe(g.version + 2);
    expect(store.hasMember('acme', g.id, users[3]!)).toBe(true);
    expect(store.hasMember('acme', g.id, users[0]!)).toBe(false);
  });

  it('types members as users or groups of the tenant', () => {
    const inner = store.insertGroup('acme', { displayName: 'Inner', resource: {} });
    const g = store.insertGroup('acme', { displayName: 'G', resource: {} });
    store.changeMembers('acme', g.id, [inner.id, users[0]!], []);
    expect(store.membersOf('acme', g.id).map((m) => m.memberType)).toEqual(['Group', 'User']);
  });

  it('changes nothing (no version bump) when no row changes', () => {
    const g = store.insertGroup('acme', { displayName: 'G', resource: {} }, [users[0]!]);
    expect(store.changeMembers('acme', g.id, [users[0]!], ['nobody'])).toBeUndefined();
    expect(store.getGroup('acme', g.id)?.version).toBe(g.version);
  });

  it('refuses a member that is no user or group of the tenant, and writes nothing', () => {
    const foreign = store.insertUser('globex', { userName: 'f', active: true, resource: { userName: 'f' } });
    const g = store.insertGroup('acme', { displayName: 'G', resource: {} }, [users[0]!]);
    expect(codeOf(() => store.changeMembers('acme', g.id, [users[1]!, foreign.id], [users[0]!]))).toBe('not-found/member');
    expect(codeOf(() => store.changeMembers('acme', g.id, ['ghost'], []))).toBe('not-found/member');
    expect(members(g.id)).toEqual([users[0]]);
    expect(store.getGroup('acme', g.id)?.version).toBe(g.version);
  });
});

describe('membership delta statements: query plans', () => {
  const db = new Database(':memory:');
  migrate(db);
  it.each(Object.entries(MEMBER_DELTA_SQL))('%s reaches its rows through an index', (_name, sql) => {
    const params = (sql.match(/\?/g) ?? []).map(() => 'x');
    const details = (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail);
    expect(details.filter((d) => /^SCAN /.test(d))).toEqual([]);
    for (const d of details.filter((x) => /^SEARCH /.test(x))) expect(d).toMatch(/USING (COVERING )?INDEX .*\(group_id=\?/);
  });
});
