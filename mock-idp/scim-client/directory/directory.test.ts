import { describe, expect, it } from 'vitest';
import { guidFrom } from './directory.ts';
import { loadDirectory } from './load.ts';

const clockAt = (iso: string) => {
  let now = new Date(iso);
  return { now: () => now, set: (s: string) => (now = new Date(s)) };
};

const yaml = `
users:
  - userPrincipalName: a@x.test
    givenName: A
    extension_0123456789abcdef0123456789abcdef_costCenter: "42"
  - userPrincipalName: b@x.test
    manager: a@x.test
groups:
  - displayName: Outer
    members: [a@x.test, Inner]
  - displayName: Inner
    members: [b@x.test]
    assigned: false
`;

describe('loading fixtures', () => {
  it('loads users, extension attributes, manager and nested members by name', () => {
    const d = loadDirectory(yaml, 'f.yaml');
    const a = d.user('a@x.test')!;
    expect(a.objectId).toBe(guidFrom('user:a@x.test'));
    expect(d.sourceOf(a)).toMatchObject({ givenName: 'A', accountEnabled: true, IsSoftDeleted: false, surname: null, extension_0123456789abcdef0123456789abcdef_costCenter: '42' });
    expect(d.user('b@x.test')!.manager).toBe(a.objectId);
    expect(d.group('Outer')!.members).toEqual([a.objectId, d.group('Inner')!.objectId]);
  });

  it('reports every shape problem with its path', () => {
    try {
      loadDirectory('users:\n  - userPrincipalName: a@x.test\n    givenname: A\n  - mail: b@x.test\n    accountEnabled: "yes"\ngroups:\n  - members: []\n', 'f.yaml');
      expect.unreachable();
    } catch (e) {
      const err = e as { code: string; problems: string[] };
      expect(err.code).toBe('fixture/invalid');
      expect(err.problems).toEqual(
        expect.arrayContaining([
          'users[0].givenname is not a known attribute',
          'users[1].userPrincipalName is required',
          'users[1].accountEnabled must be boolean',
          'groups[0].displayName is required',
        ]),
      );
    }
  });

  it('reports references to nothing with their path', () => {
    expect(() => loadDirectory('users:\n  - userPrincipalName: a@x.test\n    manager: ghost@x.test\n', 'f.yaml')).toThrow(
      expect.objectContaining({ code: 'fixture/unknown-reference', problems: ['users[0].manager names no user: "ghost@x.test"'] }),
    );
  });

  it('reports unparseable YAML and JSON', () => {
    expect(() => loadDirectory('users: [', 'f.yaml')).toThrow(expect.objectContaining({ code: 'fixture/invalid' }));
    expect(() => loadDirectory('{', 'f.json')).toThrow(expect.objectContaining({ code: 'fixture/invalid' }));
  });
});

describe('changes', () => {
  it('assignment through a group counts only for direct members', () => {
    const d = loadDirectory(yaml, 'f.yaml');
    d.unassign('a@x.test');
    d.unassign('b@x.test');
    expect(d.isUserAssigned(d.user('a@x.test')!)).toBe(true); // direct member of assigned Outer
    expect(d.isUserAssigned(d.user('b@x.test')!)).toBe(false); // only via nested Inner
    d.removeMember('Outer', 'a@x.test');
    expect(d.isUserAssigned(d.user('a@x.test')!)).toBe(false);
  });

  it('soft delete, restore, disable, rename, attribute updates and hard delete', () => {
    const clock = clockAt('2026-01-01T00:00:00Z');
    const d = loadDirectory(yaml, 'f.yaml', clock);
    clock.set('2026-01-02T00:00:00Z');
    d.softDelete('a@x.test');
    expect(d.user('a@x.test')!.IsSoftDeleted).toBe(true);
    expect(d.lastChanged(d.user('a@x.test')!.objectId)).toEqual(new Date('2026-01-02T00:00:00Z'));
    d.restore('a@x.test');
    d.disable('a@x.test');
    expect(d.sourceOf(d.user('a@x.test')!)).toMatchObject({ IsSoftDeleted: false, accountEnabled: false });
    d.rename('Outer', 'Everyone');
    expect(d.group('Everyone')).toBeDefined();
    d.updateAttribute('a@x.test', 'extension_0123456789abcdef0123456789abcdef_costCenter', '43');
    d.updateAttribute('a@x.test', 'city', 'Oslo');
    expect(d.sourceOf(d.user('a@x.test')!)).toMatchObject({ extension_0123456789abcdef0123456789abcdef_costCenter: '43', city: 'Oslo' });
    const aId = d.user('a@x.test')!.objectId;
    d.hardDelete('a@x.test');
    expect(d.user('a@x.test')).toBeUndefined();
    expect(d.group('Everyone')!.members).not.toContain(aId);
    expect(d.user('b@x.test')!.manager).toBeNull();
    expect(() => d.disable('a@x.test')).toThrow(expect.objectContaining({ code: 'directory/unknown-object' }));
  });
});

describe('finding objects by name', () => {
  it('follows renames, hard deletes and UPN updates, and the first of two equal names wins', () => {
    const d = loadDirectory(yaml, 'f.yaml');
    const a = d.user('a@x.test')!;
    d.rename('a@x.test', 'a2@x.test');
    expect(d.user('a@x.test')).toBeUndefined();
    expect(d.user('a2@x.test')).toBe(a);
    d.updateAttribute('a2@x.test', 'userPrincipalName', 'a3@x.test');
    expect(d.user('a3@x.test')).toBe(a);
    d.rename('Inner', 'Core');
    expect(d.group('Inner')).toBeUndefined();
    expect(d.group('Core')!.displayName).toBe('Core');
    d.hardDelete('b@x.test');
    expect(d.user('b@x.test')).toBeUndefined();
    const twin = d.addUser({ userPrincipalName: 'a3@x.test', objectId: 'twin' });
    expect(d.user('a3@x.test')).toBe(a);
    d.hardDelete(a.objectId);
    expect(d.user('a3@x.test')).toBe(twin);
  });

  it('names the member references that resolve to nothing', () => {
    expect(() => loadDirectory('users:\n  - userPrincipalName: a@x.test\ngroups:\n  - displayName: G\n    members: [a@x.test, nobody, a@x.test]\n', 'f.yaml')).toThrow(
      expect.objectContaining({ code: 'fixture/unknown-reference', problems: ['groups[0].members[1] names no user or group: "nobody"'] }),
    );
    const d = loadDirectory('users:\n  - userPrincipalName: a@x.test\ngroups:\n  - displayName: G\n    members: [a@x.test, a@x.test]\n', 'f.yaml');
    expect(d.group('G')!.members).toHaveLength(1);
  });
});
