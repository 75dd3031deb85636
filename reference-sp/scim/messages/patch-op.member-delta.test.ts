/*
 * PatchOp.memberDelta (the membership delta path, RFC 7644 §3.5.2): a group PATCH that only adds and removes
 * members, worked out from lookups of the values it names, must give the members, errors and tolerances that
 * apply() gives on the whole group — checked case by case and on random sequences of operations — and must
 * decline (undefined) every other PATCH.
 */
import { describe, expect, it } from 'vitest';
import { ScimError, type ScimType } from '../types/errors.ts';
import type { ValidationMode } from '../types/tolerance.ts';
import type { JsonObject } from '../schemas/json.ts';
import { CORE_GROUP, registryWithNinjaOne } from '../schemas/test-fixtures.ts';
import { PATCH_OP_SCHEMA, PatchOp } from './patch-op.ts';

const registry = registryWithNinjaOne();
const body = (ops: unknown[]) => ({ schemas: [PATCH_OP_SCHEMA], Operations: ops });
const group = (members: string[]): JsonObject => ({
  schemas: [CORE_GROUP],
  id: 'g1',
  displayName: 'G',
  ...(members.length > 0 ? { members: members.map((value) => ({ value, type: 'User' })) } : {}),
});

type Outcome = { members: string[]; tolerated: string[]; changed: boolean } | { error: [number, ScimType | undefined] };

function outcome(fn: () => { members: string[]; tolerated: string[]; changed: boolean }): Outcome {
  try {
    return fn();
  } catch (e) {
    if (e instanceof ScimError) return { error: [e.status, e.scimType] };
    throw e;
  }
}

/**
 * apply() on the whole group; members as the store then keeps them (../../store/sqlite/groups.ts setMembers: by
 * value; members that stay keep their place, new ones are appended in the order given).
 */
function viaApply(start: string[], ops: unknown[], mode: ValidationMode): Outcome {
  return outcome(() => {
    const r = new PatchOp(body(ops), { registry, resourceType: 'Group', mode }).apply(group(start));
    const values = new Set(((r.resource['members'] as JsonObject[] | undefined) ?? []).map((m) => m['value'] as string));
    const members = [...start.filter((m) => values.has(m)), ...[...values].filter((m) => !start.includes(m))];
    return { members, tolerated: r.tolerated.map((t) => t.code), changed: members.join() !== start.join() };
  });
}

/** memberDelta from lookups only; the rows it writes applied to the start list. */
function viaDelta(start: string[], ops: unknown[], mode: ValidationMode, lookups: string[] = []): Outcome {
  return outcome(() => {
    const d = new PatchOp(body(ops), { registry, resourceType: 'Group', mode }).memberDelta((v) => {
      lookups.push(v);
      return start.includes(v);
    });
    if (!d) throw new Error('the delta path declined');
    const members = [...start.filter((m) => !d.remove.includes(m)), ...d.add];
    return { members, tolerated: d.tolerated.map((t) => t.code), changed: d.add.length + d.remove.length > 0 };
  });
}

const add = (...values: string[]) => ({ op: 'add', path: 'members', value: values.map((value) => ({ value })) });
const removeOne = (value: string) => ({ op: 'remove', path: `members[value eq "${value}"]` });
const removeListed = (...values: string[]) => ({ op: 'Remove', path: 'members', value: values.map((value) => ({ value })) });

describe('PatchOp.memberDelta gives what apply() gives', () => {
  const cases: Array<[string, string[], unknown[], ValidationMode]> = [
    ['Entra: add members to an empty group', [], [add('a', 'b')], 'strict'],
    ['add members, some already there', ['a', 'b'], [add('b', 'c', 'c', 'd')], 'strict'],
    ['add nothing new: no change', ['a', 'b'], [add('a')], 'strict'],
    ['Okta: add with display', ['a'], [{ op: 'add', path: 'members', value: [{ value: 'b', display: 'B' }] }], 'strict'],
    ['URN-qualified path, upper-case attribute name', ['a'], [{ op: 'add', path: `${CORE_GROUP}:Members`, value: [{ value: 'b' }] }], 'strict'],
    ['remove by value filter', ['a', 'b', 'c'], [removeOne('b')], 'strict'],
    ['Okta: a run of removes', ['a', 'b', 'c', 'd'], [removeOne('d'), removeOne('a'), removeOne('c')], 'strict'],
    ['remove of a non-member: noTarget', ['a'], [removeOne('z')], 'strict'],
    ['remove is caseExact: noTarget', ['a'], [removeOne('A')], 'strict'],
    ['remove twice in one PATCH: noTarget', ['a', 'b'], [removeOne('a'), removeOne('a')], 'strict'],
    ['add then remove the same value', ['a'], [add('b'), removeOne('b')], 'strict'],
    ['remove then re-add: the member keeps its place', ['a', 'b', 'c'], [removeOne('a'), add('d', 'a')], 'strict'],
    ['add, remove, re-add a new member: appended last', ['a'], [add('x', 'y'), removeOne('x'), add('x')], 'strict'],
    ['lenient: remove members by value list, absent values ignored', ['a', 'b', 'c'], [removeListed('a', 'z', 'c')], 'lenient'],
    ['lenient: op case', ['a'], [{ op: 'Add', path: 'members', value: [{ value: 'b' }] }], 'lenient'],
    ['lenient: one member object where a list is expected', ['a'], [{ op: 'add', path: 'members', value: { value: 'b' } }], 'lenient'],
    ['strict: one member object where a list is expected', ['a'], [{ op: 'add', path: 'members', value: { value: 'b' } }], 'strict'],
    ['strict: remove by value list is refused', ['a'], [removeListed('a')], 'strict'],
  ];
  it.each(cases)('%s', (_name, start, ops, mode) => {
    expect(viaDelta(start, ops, mode)).toEqual(viaApply(start, ops, mode));
  });

  it('on random sequences of adds and removes', () => {
    let seed = 42;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const pool = ['a', 'b', 'c', 'd', 'e', 'f'];
    for (let round = 0; round < 300; round++) {
      const start = pool.filter(() => rand(2) === 0);
      const mode: ValidationMode = rand(2) === 0 ? 'strict' : 'lenient';
      const ops = Array.from({ length: 1 + rand(5) }, () => {
        const v = pool[rand(pool.length)]!;
        switch (rand(mode === 'lenient' ? 3 : 2)) {
          case 0:
            return add(v, pool[rand(pool.length)]!);
          case 1:
            return removeOne(v);
          default:
            return removeListed(v);
        }
      });
      expect(viaDelta(start, ops, mode), JSON.stringify({ start, ops, mode })).toEqual(viaApply(start, ops, mode));
    }
  });

  it('looks up only the values the operations name, once each', () => {
    const start = Array.from({ length: 10_000 }, (_, i) => `m${i}`);
    const lookups: string[] = [];
    const d = viaDelta(start, [add('new1', 'm5'), removeOne('m9'), add('new1')], 'strict', lookups);
    expect('members' in d && d.members.length).toBe(10_000);
    expect(lookups.sort()).toEqual(['m5', 'm9', 'new1']);
  });

  it('counts values against maxValuesPerAttribute like apply()', () => {
    const patch = (ops: unknown[]) => new PatchOp(body(ops), { registry, resourceType: 'Group', mode: 'strict', limits: { maxValuesPerAttribute: 2 } });
    const ops = [add('a'), add('b', 'c')];
    expect(outcome(() => ({ members: [], tolerated: [], changed: !!patch(ops).memberDelta(() => false) }))).toEqual({ error: [400, 'invalidValue'] });
    expect(outcome(() => ({ members: [], tolerated: [], changed: patch(ops).apply(group([])).changed }))).toEqual({ error: [400, 'invalidValue'] });
  });
});

describe('PatchOp.memberDelta declines every other PATCH (apply() patches the whole group)', () => {
  it.each([
    ['replace members', [{ op: 'replace', path: 'members', value: [{ value: 'a' }] }]],
    ['remove every member', [{ op: 'remove', path: 'members' }]],
    ['remove by another filter', [{ op: 'remove', path: 'members[type eq "User"]' }]],
    ['remove by a filter with or', [{ op: 'remove', path: 'members[value eq "a" or value eq "b"]' }]],
    ['a member sub-attribute', [{ op: 'remove', path: 'members[value eq "a"].display' }]],
    ['path-less add of members', [{ op: 'add', value: { members: [{ value: 'a' }] } }]],
    ['members and displayName together', [add('a'), { op: 'replace', path: 'displayName', value: 'H' }]],
    ['a member without a string value', [{ op: 'add', path: 'members', value: [{ display: 'x' }] }]],
  ])('%s', (_name, ops) => {
    expect(new PatchOp(body(ops), { registry, resourceType: 'Group', mode: 'lenient' }).memberDelta(() => true)).toBeUndefined();
  });
});

describe('PatchOp.touches: whether a PATCH may read or change a derived attribute', () => {
  const touches = (resourceType: string, name: string, ...ops: unknown[]) => new PatchOp(body(ops), { registry, resourceType, mode: 'lenient' }).touches(name);
  it.each([
    [true, 'Group', 'members', add('a')],
    [true, 'Group', 'members', { op: 'remove', path: 'members[value eq "a"]' }],
    [true, 'Group', 'members', { op: 'replace', path: `${CORE_GROUP}:members`, value: [] }],
    [true, 'Group', 'members', { op: 'add', value: { Members: [] } }],
    [true, 'Group', 'members', { op: 'add', value: { [`${CORE_GROUP}:members`]: [] } }],
    [true, 'User', 'groups', { op: 'replace', value: { groups: [] } }],
    [true, 'User', 'groups', { op: 'replace', value: { 'groups.display': 'x' } }],
    [false, 'Group', 'members', { op: 'replace', path: 'displayName', value: 'H' }],
    [false, 'User', 'groups', { op: 'replace', value: { displayName: 'x', active: false } }],
    [false, 'User', 'groups', { op: 'replace', path: 'active', value: false }],
  ])('%s: %s %s %j', (expected, resourceType, name, op) => {
    expect(touches(resourceType, name, op)).toBe(expected);
  });
});
