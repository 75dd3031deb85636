import { describe, expect, it } from 'vitest';
import { ScimError, type ScimType } from '../types/errors.ts';
import type { ToleranceCode, ValidationMode } from '../types/tolerance.ts';
import type { JsonObject } from '../schemas/json.ts';
import { CORE_GROUP, CORE_USER, ENTERPRISE, NINJAONE_SCHEMA_ID, registryWithNinjaOne } from '../schemas/test-fixtures.ts';
import { MAX_VALUES_PER_ATTRIBUTE } from '../limits.ts';
import { PATCH_LIMITS, PATCH_OP_SCHEMA, PatchOp, ValueIndex } from './patch-op.ts';

const registry = registryWithNinjaOne();

const USER: JsonObject = {
  schemas: [CORE_USER, ENTERPRISE],
  id: 'u1',
  externalId: 'ext-1',
  userName: 'bjensen@example.com',
  name: { givenName: 'Barbara', familyName: 'Jensen' },
  active: true,
  emails: [
    { value: 'bjensen@example.com', type: 'work', primary: true },
    { value: 'babs@home.org', type: 'home' },
  ],
  meta: { resourceType: 'User', version: 'W/"1"' },
  [ENTERPRISE]: { department: 'Tour Operations', manager: { value: 'm1', displayName: 'Boss' } },
};

const GROUP: JsonObject = {
  schemas: [CORE_GROUP],
  id: 'g1',
  displayName: 'Tour Guides',
  members: [{ value: 'u1', display: 'Babs' }, { value: 'u2' }, { value: 'u3' }],
  meta: { resourceType: 'Group' },
};

const body = (...Operations: unknown[]) => ({ schemas: [PATCH_OP_SCHEMA], Operations });

function run(ops: unknown[], opts: { resource?: JsonObject; resourceType?: string; mode?: ValidationMode } = {}) {
  const resourceType = opts.resourceType ?? 'User';
  const patch = new PatchOp(body(...ops), { registry, resourceType, mode: opts.mode ?? 'strict' });
  return patch.apply(opts.resource ?? (resourceType === 'Group' ? GROUP : USER));
}

function failure(fn: () => unknown): [number, ScimType | undefined] {
  try {
    fn();
  } catch (e) {
    if (e instanceof ScimError) return [e.status, e.scimType];
    throw e;
  }
  throw new Error('expected a ScimError');
}

/** [name, operations, path into the result → expected value] */
type Case = [string, unknown[], Record<string, unknown>, { resourceType?: string; mode?: ValidationMode }?];

const get = (o: unknown, path: string): unknown =>
  path.split('/').reduce<unknown>((acc, k) => (acc === undefined || acc === null ? undefined : (acc as Record<string, unknown>)[k]), o);

const ok: Case[] = [
  ['replace a simple attribute', [{ op: 'replace', path: 'displayName', value: 'Babs' }], { displayName: 'Babs' }],
  ['replace is case-insensitive on the path', [{ op: 'replace', path: 'DISPLAYNAME', value: 'Babs' }], { displayName: 'Babs' }],
  ['disable a user', [{ op: 'replace', path: 'active', value: false }], { active: false }],
  ['add a sub-attribute', [{ op: 'add', path: 'name.middleName', value: 'Jane' }], { 'name/middleName': 'Jane', 'name/givenName': 'Barbara' }],
  ['replace a complex attribute merges sub-attributes', [{ op: 'replace', path: 'name', value: { givenName: 'Babs' } }], { 'name/givenName': 'Babs', 'name/familyName': 'Jensen' }],
  ['remove a sub-attribute', [{ op: 'remove', path: 'name.familyName' }], { name: { givenName: 'Barbara' } }],
  ['remove a simple attribute', [{ op: 'remove', path: 'externalId' }], { externalId: undefined }],
  ['remove an absent attribute is a no-op', [{ op: 'remove', path: 'nickName' }], { nickName: undefined }],
  [
    'replace a filtered sub-attribute',
    [{ op: 'replace', path: 'emails[type eq "work"].value', value: 'b@new.example' }],
    { 'emails/0/value': 'b@new.example', 'emails/1/value': 'babs@home.org' },
  ],
  [
    'add a filtered sub-attribute with no match creates the value',
    [{ op: 'add', path: 'emails[type eq "other"].value', value: 'o@x.org' }],
    { 'emails/2': { type: 'other', value: 'o@x.org' }, 'emails/0/primary': true },
  ],
  ['add to a multi-valued attribute appends', [{ op: 'add', path: 'emails', value: [{ value: 'c@x.org', type: 'other' }] }], { 'emails/2/value': 'c@x.org' }],
  ['add an existing value does not duplicate', [{ op: 'add', path: 'emails', value: [{ value: 'babs@home.org' }] }], { 'emails/2': undefined }],
  ['replace a multi-valued attribute replaces all values', [{ op: 'replace', path: 'emails', value: [{ value: 'only@x.org' }] }], { emails: [{ value: 'only@x.org' }] }],
  ['remove values by filter', [{ op: 'remove', path: 'emails[type eq "home"]' }], { emails: [{ value: 'bjensen@example.com', type: 'work', primary: true }] }],
  ['remove a filtered sub-attribute', [{ op: 'remove', path: 'emails[type eq "work"].type' }], { 'emails/0': { value: 'bjensen@example.com', primary: true } }],
  ['a new primary clears the old one', [{ op: 'add', path: 'emails', value: [{ value: 'p@x.org', primary: true }] }], { 'emails/0/primary': false, 'emails/2/primary': true }],
  ['set primary through a filter', [{ op: 'replace', path: 'emails[type eq "home"].primary', value: true }], { 'emails/0/primary': false, 'emails/1/primary': true }],
  ['URN-qualified path into the enterprise extension', [{ op: 'replace', path: `${ENTERPRISE}:department`, value: 'R&D' }], { [`${ENTERPRISE}/department`]: 'R&D' }],
  ['replace the manager', [{ op: 'replace', path: `${ENTERPRISE}:manager`, value: { value: 'm2' } }], { [`${ENTERPRISE}/manager/value`]: 'm2' }],
  ['replace the manager value', [{ op: 'replace', path: `${ENTERPRISE}:manager.value`, value: 'm3' }], { [`${ENTERPRISE}/manager/value`]: 'm3' }],
  ['remove the manager', [{ op: 'remove', path: `${ENTERPRISE}:manager` }], { [`${ENTERPRISE}/manager`]: undefined, [`${ENTERPRISE}/department`]: 'Tour Operations' }],
  [
    'remove the last extension attribute drops the extension and its schema',
    [
      { op: 'remove', path: `${ENTERPRISE}:manager` },
      { op: 'remove', path: `${ENTERPRISE}:department` },
    ],
    { [ENTERPRISE]: undefined, schemas: [CORE_USER] },
  ],
  [
    'add an extension attribute adds its schema',
    [{ op: 'add', path: `${NINJAONE_SCHEMA_ID}:organizationId`, value: 'all' }],
    { [`${NINJAONE_SCHEMA_ID}/organizationId`]: 'all', schemas: [CORE_USER, ENTERPRISE, NINJAONE_SCHEMA_ID] },
  ],
  [
    'path = the whole extension',
    [{ op: 'replace', path: ENTERPRISE, value: { employeeNumber: '42' } }],
    { [`${ENTERPRISE}/employeeNumber`]: '42', [`${ENTERPRISE}/department`]: 'Tour Operations' },
  ],
  ['path-less replace', [{ op: 'replace', value: { displayName: 'Babs', active: false } }], { displayName: 'Babs', active: false }],
  [
    'path-less replace with a nested extension object',
    [{ op: 'replace', value: { [ENTERPRISE]: { department: 'Sales', manager: { value: 'm9' } } } }],
    { [`${ENTERPRISE}/department`]: 'Sales', [`${ENTERPRISE}/manager/value`]: 'm9' },
  ],
  ['path-less add with a URN-qualified key', [{ op: 'add', value: { [`${ENTERPRISE}:employeeNumber`]: '7' } }], { [`${ENTERPRISE}/employeeNumber`]: '7' }],
  [
    'path-less replace echoing id and schemas',
    [{ op: 'replace', value: { id: 'u1', schemas: [CORE_USER], userName: 'new@example.com' } }],
    { id: 'u1', userName: 'new@example.com' },
  ],
  [
    'operations apply in order',
    [
      { op: 'add', path: 'nickName', value: 'B' },
      { op: 'replace', path: 'nickName', value: 'C' },
    ],
    { nickName: 'C' },
  ],
  // groups
  [
    'add members',
    [{ op: 'add', path: 'members', value: [{ value: 'u4' }, { value: 'u1' }] }],
    { members: [{ value: 'u1', display: 'Babs' }, { value: 'u2' }, { value: 'u3' }, { value: 'u4' }] },
    { resourceType: 'Group' },
  ],
  ['remove one member by filter', [{ op: 'remove', path: 'members[value eq "u2"]' }], { members: [{ value: 'u1', display: 'Babs' }, { value: 'u3' }] }, { resourceType: 'Group' }],
  ['remove all members', [{ op: 'remove', path: 'members' }], { members: undefined }, { resourceType: 'Group' }],
  ['replace displayName', [{ op: 'replace', path: 'displayName', value: 'Guides' }], { displayName: 'Guides' }, { resourceType: 'Group' }],
  ['replace members', [{ op: 'replace', path: 'members', value: [{ value: 'u9' }] }], { members: [{ value: 'u9' }] }, { resourceType: 'Group' }],
];

describe('PatchOp.apply (RFC 7644 §3.5.2)', () => {
  it.each(ok)('%s', (_name, ops, expected, opts) => {
    const { resource, changed, tolerated } = run(ops, opts);
    for (const [path, value] of Object.entries(expected)) expect(get(resource, path)).toEqual(value);
    expect(tolerated).toEqual([]);
    expect(changed).toBe(!['remove an absent attribute is a no-op', 'add an existing value does not duplicate'].includes(_name));
  });

  it('never changes its input', () => {
    const before = structuredClone(USER);
    run([
      { op: 'remove', path: 'emails[type eq "home"]' },
      { op: 'replace', path: 'name.givenName', value: 'X' },
    ]);
    expect(USER).toEqual(before);
  });
});

const bad: [string, unknown, number, ScimType][] = [
  ['body not an object', 'nope', 400, 'invalidSyntax'],
  ['wrong schemas', { schemas: [CORE_USER], Operations: [{ op: 'add', path: 'title', value: 'x' }] }, 400, 'invalidSyntax'],
  ['no Operations', { schemas: [PATCH_OP_SCHEMA] }, 400, 'invalidSyntax'],
  ['empty Operations', body(), 400, 'invalidSyntax'],
  ['operation not an object', body('add'), 400, 'invalidSyntax'],
  ['unknown op', body({ op: 'move', path: 'title', value: 'x' }), 400, 'invalidSyntax'],
  ['op in the wrong case (strict)', body({ op: 'Replace', path: 'title', value: 'x' }), 400, 'invalidSyntax'],
  ['remove without a path', body({ op: 'remove' }), 400, 'noTarget'],
  ['add without a value', body({ op: 'add', path: 'title' }), 400, 'invalidSyntax'],
  ['path-less add with a non-object', body({ op: 'add', value: 'x' }), 400, 'invalidSyntax'],
  ['malformed path', body({ op: 'replace', path: 'name..givenName', value: 'x' }), 400, 'invalidPath'],
  ['malformed path filter', body({ op: 'replace', path: 'emails[type eq].value', value: 'x' }), 400, 'invalidFilter'],
  ['unknown attribute in path', body({ op: 'replace', path: 'favouriteColour', value: 'x' }), 400, 'invalidPath'],
  ['unknown sub-attribute after filter', body({ op: 'replace', path: 'emails[type eq "work"].colour', value: 'x' }), 400, 'invalidPath'],
  ['filter on a single-valued attribute', body({ op: 'replace', path: 'name[givenName eq "x"]', value: {} }), 400, 'invalidPath'],
  ['remove with a value (strict)', body({ op: 'remove', path: 'emails', value: [{ value: 'babs@home.org' }] }), 400, 'invalidSyntax'],
];

describe('PatchOp constructor validates the whole body', () => {
  it.each(bad)('%s', (_name, b, status, scimType) => {
    expect(failure(() => new PatchOp(b, { registry, resourceType: 'User', mode: 'strict' }))).toEqual([status, scimType]);
  });

  it('refuses a bad operation even after good ones, before anything is applied', () => {
    expect(
      failure(
        () => new PatchOp(body({ op: 'replace', path: 'title', value: 'x' }, { op: 'replace', path: 'bogus', value: 1 }), { registry, resourceType: 'User', mode: 'strict' }),
      ),
    ).toEqual([400, 'invalidPath']);
  });
});

const applyErrors: [string, unknown[], number, ScimType, string?][] = [
  ['replace with a filter matching nothing', [{ op: 'replace', path: 'emails[type eq "pager"].value', value: 'x' }], 400, 'noTarget'],
  ['remove with a filter matching nothing', [{ op: 'remove', path: 'emails[type eq "pager"]' }], 400, 'noTarget'],
  ['remove a non-member', [{ op: 'remove', path: 'members[value eq "nobody"]' }], 400, 'noTarget', 'Group'],
  ['change id', [{ op: 'replace', path: 'id', value: 'other' }], 400, 'mutability'],
  ['change meta.version', [{ op: 'replace', path: 'meta.version', value: 'W/"9"' }], 400, 'mutability'],
  ['add groups (readOnly)', [{ op: 'add', path: 'groups', value: [{ value: 'g1' }] }], 400, 'mutability'],
  ['path-less change of id', [{ op: 'replace', value: { id: 'other' } }], 400, 'mutability'],
  ['change an immutable member value', [{ op: 'replace', path: 'members[value eq "u2"].value', value: 'u7' }], 400, 'mutability', 'Group'],
  ['remove userName (required)', [{ op: 'remove', path: 'userName' }], 400, 'invalidValue'],
  ['remove displayName of a group (required)', [{ op: 'remove', path: 'displayName' }], 400, 'invalidValue', 'Group'],
  ['replace userName with null', [{ op: 'replace', path: 'userName', value: null }], 400, 'invalidValue'],
  ['replace userName with ""', [{ op: 'replace', path: 'userName', value: '' }], 400, 'invalidValue'],
  ['path-less replace of userName with ""', [{ op: 'replace', value: { userName: '' } }], 400, 'invalidValue'],
  [
    'remove a required extension attribute',
    [
      { op: 'add', path: `${NINJAONE_SCHEMA_ID}:organizationId`, value: 'all' },
      { op: 'remove', path: `${NINJAONE_SCHEMA_ID}:organizationId` },
    ],
    400,
    'invalidValue',
  ],
  ['wrong type', [{ op: 'replace', path: 'active', value: 'yes' }], 400, 'invalidValue'],
  ['string boolean (strict)', [{ op: 'replace', path: 'active', value: 'False' }], 400, 'invalidValue'],
  ['dotted key (strict)', [{ op: 'replace', value: { 'name.givenName': 'x' } }], 400, 'invalidPath'],
  ['unknown key path-less', [{ op: 'replace', value: { favouriteColour: 'red' } }], 400, 'invalidPath'],
  ['unknown sub-attribute in value', [{ op: 'replace', path: 'name', value: { nick: 'x' } }], 400, 'invalidSyntax'],
  ['manager as a bare string (strict)', [{ op: 'replace', path: `${ENTERPRISE}:manager`, value: 'm2' }], 400, 'invalidValue'],
];

describe('PatchOp.apply refuses what the RFC refuses', () => {
  it.each(applyErrors)('%s', (_name, ops, status, scimType, resourceType) => {
    expect(failure(() => run(ops, resourceType ? { resourceType } : {}))).toEqual([status, scimType]);
  });
});

// The shapes Entra's provisioning service sends in its legacy mode (issue 3).
const lenient: [string, unknown[], Record<string, unknown>, ToleranceCode[], string?][] = [
  ['"Replace" op and "False" string', [{ op: 'Replace', path: 'active', value: 'False' }], { active: false }, ['lenient/op-case', 'lenient/string-boolean']],
  ['"True" in a path-less replace', [{ op: 'replace', value: { active: 'True' } }], { active: true }, ['lenient/string-boolean']],
  ['"Add" op', [{ op: 'Add', path: 'nickName', value: 'B' }], { nickName: 'B' }, ['lenient/op-case']],
  [
    'remove members by value',
    [{ op: 'Remove', path: 'members', value: [{ value: 'u2' }, { value: 'u3' }] }],
    { members: [{ value: 'u1', display: 'Babs' }] },
    ['lenient/op-case', 'lenient/remove-members-by-value'],
    'Group',
  ],
  [
    'remove members by value: absent member is a no-op',
    [{ op: 'remove', path: 'members', value: [{ value: 'nobody' }] }],
    { 'members/2/value': 'u3' },
    ['lenient/remove-members-by-value'],
    'Group',
  ],
  [
    'dotted keys in a path-less replace',
    [{ op: 'Replace', value: { 'name.givenName': 'Babs', 'name.familyName': 'J' } }],
    { name: { givenName: 'Babs', familyName: 'J' } },
    ['lenient/op-case', 'lenient/dotted-key'],
  ],
  [
    'replace a filtered value that is not there yet',
    [{ op: 'Replace', path: 'emails[type eq "other"].value', value: 'o@x.org' }],
    { 'emails/2': { type: 'other', value: 'o@x.org' } },
    ['lenient/op-case', 'lenient/replace-creates-value'],
  ],
  [
    'manager as a bare string',
    [{ op: 'Add', path: `${ENTERPRISE}:manager`, value: 'm2' }],
    { [`${ENTERPRISE}/manager/value`]: 'm2' },
    ['lenient/op-case', 'lenient/complex-as-value'],
  ],
];

describe('PatchOp in lenient mode records each tolerance', () => {
  it.each(lenient)('%s', (_name, ops, expected, codes, resourceType) => {
    const { resource, tolerated } = run(ops, { mode: 'lenient', ...(resourceType ? { resourceType } : {}) });
    for (const [path, value] of Object.entries(expected)) expect(get(resource, path)).toEqual(value);
    expect([...new Set(tolerated.map((t) => t.code))].sort()).toEqual([...codes].sort());
    for (const t of tolerated) expect(t.detail).not.toBe('');
  });

  it('still refuses what no client should send', () => {
    expect(failure(() => run([{ op: 'Move', path: 'title', value: 'x' }], { mode: 'lenient' }))).toEqual([400, 'invalidSyntax']);
    expect(failure(() => run([{ op: 'Replace', path: 'active', value: 'maybe' }], { mode: 'lenient' }))).toEqual([400, 'invalidValue']);
  });
});

// Issue 8, item 7: bounded cost, and a value that differs only in key order is the same value.
describe('PatchOp cost and equality', () => {
  const emails = (n: number, tag: string) => Array.from({ length: n }, (_, i) => ({ value: `${tag}${i}@x.test`, type: 'work' }));

  it('adding 20,000 values to a list of 20,000 is linear: an index, not every value against every other', () => {
    // The old code compared each new value with each existing one by JSON.stringify (20k × 20k = 4·10⁸
    // stringify pairs: minutes) and copied the whole list for each of these 20 operations. Here the list's index
    // is built once and each value costs about one key; values are appended in place.
    const resource: JsonObject = { ...USER, emails: emails(20_000, 'old') };
    const ops = Array.from({ length: 20 }, (_, i) => ({ op: 'add', path: 'emails', value: emails(MAX_VALUES_PER_ATTRIBUTE, `new${i}-`) }));
    const patch = new PatchOp(body(...ops, { op: 'add', path: 'emails', value: emails(5, 'old') }), {
      registry,
      resourceType: 'User',
      mode: 'strict',
      limits: { maxValuesPerAttribute: 20 * MAX_VALUES_PER_ATTRIBUTE + 5 },
    });
    const { resource: out, changed } = patch.apply(resource);
    expect(changed).toBe(true);
    expect((out['emails'] as unknown[]).length).toBe(20_000 + 20 * MAX_VALUES_PER_ATTRIBUTE);
  });

  it('ValueIndex computes O(n + k) keys', () => {
    const list: JsonObject[] = emails(5_000, 'old');
    const index = new ValueIndex(list);
    for (const e of emails(5_000, 'new')) if (!index.has(e)) index.add(e);
    expect(index.has({ value: 'old7@x.test' })).toBe(true); // a subset of an existing value is already there
    expect(index.has({ type: 'work', value: 'old7@x.test' })).toBe(true); // in any key order
    expect(index.has({ value: 'old7@x.test', type: 'home' })).toBe(false);
    expect(index.work).toBeLessThan(6 * 10_000);
  });

  it('a replace with the same values in another key order reports no change (meta.version stays)', () => {
    const resource: JsonObject = { ...USER, emails: [{ value: 'a@x.test', type: 'work', primary: true }] };
    for (const op of [
      { op: 'replace', path: 'emails', value: [{ primary: true, type: 'work', value: 'a@x.test' }] },
      { op: 'replace', path: 'name', value: { familyName: 'Jensen', givenName: 'Barbara' } },
      { op: 'replace', value: { [ENTERPRISE]: { manager: { displayName: 'Boss', value: 'm1' } } } },
      { op: 'add', path: 'emails', value: [{ type: 'work', value: 'a@x.test' }] },
    ]) {
      expect(run([op], { resource }).changed).toBe(false);
    }
    expect(run([{ op: 'replace', path: 'emails', value: [{ primary: true, type: 'home', value: 'a@x.test' }] }], { resource }).changed).toBe(true);
  });

  it('a new primary value clears the primary of the others, also when added in place', () => {
    const { resource } = run([
      { op: 'add', path: 'emails', value: [{ value: 'n@x.test', type: 'other', primary: true }] },
      { op: 'add', path: 'emails', value: [{ value: 'bjensen@example.com', type: 'work', primary: false }] },
    ]);
    expect((resource['emails'] as JsonObject[]).map((e) => e['primary'] === true)).toEqual([false, false, true]);
  });

  it('caps: operations → tooMany, values of one attribute over the request → invalidValue, filter scans → tooMany', () => {
    const op = { op: 'replace', path: 'displayName', value: 'x' };
    expect(failure(() => new PatchOp(body(...Array.from({ length: PATCH_LIMITS.maxOperations + 1 }, () => op)), { registry, resourceType: 'User', mode: 'strict' }))).toEqual([
      400,
      'tooMany',
    ]);
    expect(failure(() => new PatchOp(body(op, op), { registry, resourceType: 'User', mode: 'strict', limits: { maxOperations: 1 } }))).toEqual([400, 'tooMany']);
    const limits = { maxValuesPerAttribute: 3, maxScan: 4 };
    const run2 = (...ops: unknown[]) => new PatchOp(body(...ops), { registry, resourceType: 'User', mode: 'strict', limits }).apply(USER);
    expect(failure(() => run2({ op: 'add', path: 'emails', value: emails(2, 'a') }, { op: 'add', value: { emails: emails(2, 'b') } }))).toEqual([400, 'invalidValue']);
    expect(run2({ op: 'add', path: 'emails', value: emails(3, 'a') }).changed).toBe(true);
    const filtered = { op: 'replace', path: 'emails[type eq "work"].display', value: 'W' };
    expect(run2(filtered, filtered).changed).toBe(true); // 2 × 2 values tested
    expect(failure(() => run2(filtered, filtered, filtered))).toEqual([400, 'tooMany']);
  });
});

describe('a run of remove members[value eq "…"] (Okta: one operation per member)', () => {
  const removeOp = (v: string) => ({ op: 'remove', path: `members[value eq "${v}"]` });
  const group = (n: number): JsonObject => ({ ...GROUP, members: Array.from({ length: n }, (_, i) => ({ value: `U${i}`, type: 'User' })) });
  const oneByOne = (resource: JsonObject, values: string[]) =>
    values.reduce((r, v) => new PatchOp(body(removeOp(v)), { registry, resourceType: 'Group', mode: 'strict' }).apply(r).resource, resource);

  it('gives what one operation at a time gives, letter case included (members.value is caseExact)', () => {
    const values = ['U3', 'U7', 'U0'];
    const { resource } = run(values.map(removeOp), { resource: group(10), resourceType: 'Group' });
    expect(resource['members']).toEqual(oneByOne(group(10), values)['members']);
    expect(failure(() => oneByOne(group(10), ['U3', 'u5']))).toEqual([400, 'noTarget']);
    expect(failure(() => run([removeOp('U3'), removeOp('u5')], { resource: group(10), resourceType: 'Group' }))).toEqual([400, 'noTarget']);
  });

  it('an operation matching nothing (or a value already removed by the run) is 400 noTarget', () => {
    expect(failure(() => run([removeOp('U1'), removeOp('nobody')], { resource: group(3), resourceType: 'Group' }))).toEqual([400, 'noTarget']);
    expect(failure(() => run([removeOp('U1'), removeOp('U1')], { resource: group(3), resourceType: 'Group' }))).toEqual([400, 'noTarget']);
  });

  it('1,000 removals from a group of 20,000 cost one pass, well within the scan budget', () => {
    const values = Array.from({ length: 1_000 }, (_, i) => `U${i * 20}`);
    const { resource } = run(values.map(removeOp), { resource: group(20_000), resourceType: 'Group' });
    expect((resource['members'] as unknown[]).length).toBe(19_000);
    // the same operations interleaved with another one are applied one at a time: 1,000 scans of 20,000 values
    const interleaved = values.flatMap((v) => [removeOp(v), { op: 'replace', path: 'displayName', value: 'G' }]);
    expect(failure(() => run(interleaved, { resource: group(20_000), resourceType: 'Group' }))).toEqual([400, 'tooMany']);
  });
});
