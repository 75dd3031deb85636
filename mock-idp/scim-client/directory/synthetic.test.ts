import { describe, expect, it } from 'vitest';
import type { ProvisioningError } from '../errors.ts';
import { parseSyntheticSpec, syntheticDirectory } from './synthetic.ts';

const codeOf = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return (e as ProvisioningError).code;
  }
  return undefined;
};

describe('synthetic directory', () => {
  it('parses users=,groups=,members=', () => {
    expect(parseSyntheticSpec('users=100000,groups=10000,members=200000')).toEqual({ users: 100000, groups: 10000, members: 200000 });
    expect(parseSyntheticSpec('users=5')).toEqual({ users: 5, groups: 0, members: 0 });
  });

  it.each(['users=1,users=2', 'people=3', 'users=-1', 'users=1.5', 'users=2,members=1', 'users=2,groups=1,members=3', ''])('refuses "%s"', (text) => {
    expect(codeOf(() => parseSyntheticSpec(text))).toBe('synthetic/invalid');
  });

  it('spreads the memberships over the groups, no user twice in a group, and is deterministic', () => {
    const dir = syntheticDirectory({ users: 7, groups: 3, members: 20 });
    expect(dir.users()).toHaveLength(7);
    const sizes = dir.groups().map((g) => g.members.length);
    expect(sizes).toEqual([7, 7, 6]);
    for (const g of dir.groups()) expect(new Set(g.members).size).toBe(g.members.length);
    for (const g of dir.groups()) for (const m of g.members) expect(dir.user(m)).toBeDefined();
    const again = syntheticDirectory({ users: 7, groups: 3, members: 20 });
    expect(again.groups().map((g) => g.members)).toEqual(dir.groups().map((g) => g.members));
  });
});
