/*
 * Migration 3 (groups.display_name_key) and the batched reads that serve a page of resources.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Clock } from '../clock.ts';
import { displayNameKey } from './keys.ts';
import { migrate, migrations } from './migrations.ts';
import { openStore } from './open-store.ts';
import type { Store } from './types.ts';

const LATEST = Math.max(...migrations.map((m) => m.version));

const clock: Clock = { now: () => new Date('2026-01-01T00:00:00.000Z') };
const group = (displayName: string) => ({ displayName, resource: { displayName } });
const user = (userName: string, extra: Record<string, unknown> = {}) => ({
  userName,
  active: true,
  resource: { schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'], userName, ...extra },
});

describe('displayNameKey', () => {
  it.each([
    ['Ops', 'ops'],
    ['ÅSA Team', 'åsa team'],
    ['ΣΊΣΥΦΟΣ', 'σίσυφος'],
  ])('%s → %s (the fold the filter evaluator uses for caseExact false)', (input, expected) => {
    expect(displayNameKey(input)).toBe(expected);
  });
});

describe('group displayName index (migration 3)', () => {
  let store: Store;
  beforeEach(() => {
    store = openStore({ path: ':memory:', clock });
    store.ensureTenant('acme');
    store.ensureTenant('globex');
  });
  afterEach(() => store.close());

  it('is applied (the store is at the latest schema version)', () => {
    expect(store.schemaVersion()).toBe(LATEST);
  });

  it('finds a group by displayName case-insensitively, per tenant, in creation order', () => {
    const ops = store.insertGroup('acme', group('Ops'));
    const opsUpper = store.insertGroup('acme', group('OPS')); // exact uniqueness: a case variant is another group
    store.insertGroup('globex', group('ops'));
    store.insertGroup('acme', group('Ops Team'));
    expect(store.findGroupsByDisplayNameKey('acme', 'oPs').map((g) => g.id)).toEqual([ops.id, opsUpper.id]);
    expect(store.findGroupsByDisplayNameKey('acme', 'nobody')).toEqual([]);
    expect(store.findGroupsByDisplayNameKey('globex', 'OPS')).toHaveLength(1);
  });

  it('folds non-ASCII case, which SQLite lower() would not', () => {
    const g = store.insertGroup('acme', group('ÅSA Ünits'));
    expect(store.findGroupsByDisplayNameKey('acme', 'åsa ünits').map((x) => x.id)).toEqual([g.id]);
  });

  it('follows a rename, and keeps exact displayName uniqueness (409 on an exact duplicate)', () => {
    const g = store.insertGroup('acme', group('Ops'));
    store.replaceGroup('acme', g.id, group('Platform'));
    expect(store.findGroupsByDisplayNameKey('acme', 'ops')).toEqual([]);
    expect(store.findGroupsByDisplayNameKey('acme', 'PLATFORM').map((x) => x.id)).toEqual([g.id]);
    expect(() => store.insertGroup('acme', group('Platform'))).toThrow(/already exists/);
  });

  it('is what the planner probes: the query plan uses the index', () => {
    const db = new Database(':memory:');
    migrate(db);
    const plan = db.prepare(`EXPLAIN QUERY PLAN SELECT * FROM groups WHERE tenant_id = ? AND display_name_key = ? ORDER BY seq`).all('acme', 'ops') as { detail: string }[];
    expect(plan.map((p) => p.detail).join('\n')).toMatch(/USING INDEX groups_tenant_display_name_key/);
    db.close();
  });
});

describe('migration 3 on a database created by schema version 2', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'sso-harness-migrate-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('adds and backfills display_name_key, then serves lookups and writes', () => {
    const path = join(dir, 'reference-sp.sqlite');
    const v2 = new Database(path);
    expect(
      migrate(
        v2,
        migrations.filter((m) => m.version <= 2),
      ),
    ).toBe(2);
    v2.prepare(`INSERT INTO tenants (id, profile, created) VALUES ('acme', 'generic', 'x')`).run();
    const insert = v2.prepare(`INSERT INTO groups (id, tenant_id, display_name, external_id, resource, version, created,
      last_modified) VALUES (?, 'acme', ?, NULL, ?, 1, 'x', 'x')`);
    insert.run('g1', 'Ops', JSON.stringify({ displayName: 'Ops' }));
    insert.run('g2', 'OPS', JSON.stringify({ displayName: 'OPS' })); // legal at v2: names differing in case
    insert.run('g3', 'Ärzte', JSON.stringify({ displayName: 'Ärzte' }));
    v2.close();

    const store = openStore({ path, clock, groupCommit: false });
    try {
      expect(store.schemaVersion()).toBe(LATEST);
      expect(store.findGroupsByDisplayNameKey('acme', 'ops').map((g) => g.id)).toEqual(['g1', 'g2']);
      expect(store.findGroupsByDisplayNameKey('acme', 'ÄRZTE').map((g) => g.id)).toEqual(['g3']);
      const added = store.insertGroup('acme', group('Dev'));
      expect(store.findGroupsByDisplayNameKey('acme', 'dev').map((g) => g.id)).toEqual([added.id]);
    } finally {
      store.close();
    }
    // Applied once: reopening does not run it again.
    const again = openStore({ path, clock, groupCommit: false });
    expect(again.schemaVersion()).toBe(LATEST);
    again.close();
  });
});

describe('batched reads for a page', () => {
  let store: Store;
  beforeEach(() => {
    store = openStore({ path: ':memory:', clock });
    store.ensureTenant('acme');
    store.ensureTenant('globex');
  });
  afterEach(() => store.close());

  it('membersOfGroups: every group of the page, members in order, display from displayName or userName', () => {
    const a = store.insertUser('acme', user('a@acme.test', { displayName: 'Alice' }));
    const b = store.insertUser('acme', user('b@acme.test'));
    const n = store.insertUser('acme', user('n@acme.test', { displayName: 42 }));
    const sub = store.insertGroup('acme', group('Sub'));
    const g1 = store.insertGroup('acme', group('G1'), [b.id, sub.id, a.id]);
    const g2 = store.insertGroup('acme', group('G2'), [n.id]);
    const empty = store.insertGroup('acme', group('Empty'));
    const page = store.membersOfGroups('acme', [g1.id, g2.id, empty.id, 'unknown']);
    expect(page.get(g1.id)).toEqual([
      { memberId: b.id, memberType: 'User', display: 'b@acme.test' },
      { memberId: sub.id, memberType: 'Group', display: 'Sub' },
      { memberId: a.id, memberType: 'User', display: 'Alice' },
    ]);
    expect(page.get(g2.id)).toEqual([{ memberId: n.id, memberType: 'User', display: 'n@acme.test' }]);
    expect(page.get(empty.id)).toEqual([]);
    expect(page.get('unknown')).toEqual([]);
    expect(store.membersOfGroups('acme', [g1.id], { display: false }).get(g1.id)).toEqual([
      { memberId: b.id, memberType: 'User' },
      { memberId: sub.id, memberType: 'Group' },
      { memberId: a.id, memberType: 'User' },
    ]);
    // Another tenant's groups are not read through this tenant.
    expect(store.membersOfGroups('globex', [g1.id]).get(g1.id)).toEqual([]);
  });

  it('groupRefsOfMembers: every user of the page, groups in creation order', () => {
    const a = store.insertUser('acme', user('a'));
    const b = store.insertUser('acme', user('b'));
    const g1 = store.insertGroup('acme', group('G1'), [a.id]);
    const g2 = store.insertGroup('acme', group('G2'), [b.id, a.id]);
    const refs = store.groupRefsOfMembers('acme', [a.id, b.id, 'nobody']);
    expect(refs.get(a.id)).toEqual([
      { id: g1.id, displayName: 'G1' },
      { id: g2.id, displayName: 'G2' },
    ]);
    expect(refs.get(b.id)).toEqual([{ id: g2.id, displayName: 'G2' }]);
    expect(refs.get('nobody')).toEqual([]);
  });

  it('memberTypes: one query for many ids; unknown and foreign ids are absent', () => {
    const a = store.insertUser('acme', user('a'));
    const g = store.insertGroup('acme', group('G'));
    const foreign = store.insertUser('globex', user('f'));
    const types = store.memberTypes('acme', [a.id, g.id, foreign.id, 'nothing']);
    expect([...types.entries()].sort()).toEqual(
      [
        [a.id, 'User'],
        [g.id, 'Group'],
      ].sort(),
    );
  });

  it('a PATCH-sized member add writes only the difference and keeps order; an unknown member writes nothing', () => {
    const users = Array.from({ length: 30 }, (_, i) => store.insertUser('acme', user(`u${i}`)));
    const g = store.insertGroup(
      'acme',
      group('Big'),
      users.slice(0, 10).map((u) => u.id),
    );
    const all = users.map((u) => u.id);
    store.replaceGroup('acme', g.id, group('Big'), all);
    expect(store.membersOf('acme', g.id).map((m) => m.memberId)).toEqual(all);
    expect(() => store.replaceGroup('acme', g.id, group('Big'), [...all, 'ghost'])).toThrow(/not a user or group/);
    expect(store.membersOf('acme', g.id).map((m) => m.memberId)).toEqual(all);
    expect(store.getGroup('acme', g.id)?.version).toBe(2);
  });
});
