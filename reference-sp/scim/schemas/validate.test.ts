import { describe, expect, it } from 'vitest';
import table from './validate-cases.json' with { type: 'json' };
import { ScimError } from '../types/errors.ts';
import type { ValidationMode } from '../types/tolerance.ts';
import { SchemaRegistry } from './registry.ts';
import { normaliseSchema } from './types.ts';
import { CORE_GROUP, CORE_USER, ENTERPRISE, NINJAONE_SCHEMA_ID, registryWithNinjaOne } from './test-fixtures.ts';

const registry = registryWithNinjaOne();

function caught(fn: () => unknown): ScimError {
  try {
    fn();
  } catch (e) {
    if (e instanceof ScimError) return e;
    throw e;
  }
  throw new Error('expected a ScimError');
}

type Case = { name: string; body: unknown; resourceType?: string; status?: number; scimType?: string; ok?: boolean; tolerated?: string[]; expect?: Record<string, unknown> };

describe.each([
  ['strict', table.strict],
  ['lenient', table.lenient],
] as [ValidationMode, Case[]][])('validate (%s)', (mode, cases) => {
  it.each(cases.map((c) => [c.name, c]))('%s', (_name, c) => {
    const run = () => registry.validate(c.resourceType ?? 'User', c.body, { mode, operation: 'create' });
    if (c.status) {
      const e = caught(run);
      expect([e.status, e.scimType]).toEqual([c.status, c.scimType]);
      return;
    }
    const { resource, tolerated } = run();
    expect(tolerated.map((t) => t.code).sort()).toEqual([...(c.tolerated ?? [])].sort());
    expect(resource).toMatchObject(c.expect ?? {});
  });
});

describe('validate — output and RFC rules', () => {
  it('canonicalises attribute names, drops readOnly and null values, and lists the schemas used', () => {
    const { resource, tolerated } = registry.validate(
      'User',
      {
        schemas: [CORE_USER, ENTERPRISE.toUpperCase()],
        id: 'client-chosen',
        meta: { created: '2020-01-01T00:00:00Z' },
        groups: [{ value: 'g1' }],
        USERNAME: 'bjensen',
        NAME: { GivenName: 'Barbara', familyName: null },
        nickName: null,
        emails: [],
        [ENTERPRISE]: { Department: 'Tour Operations', manager: { value: 'm1', displayName: 'ignored (readOnly)' } },
      },
      { mode: 'strict', operation: 'create' },
    );
    expect(tolerated).toEqual([]);
    expect(resource).toEqual({
      schemas: [CORE_USER, ENTERPRISE],
      userName: 'bjensen',
      name: { givenName: 'Barbara' },
      [ENTERPRISE]: { department: 'Tour Operations', manager: { value: 'm1' } },
    });
  });

  it('requires a required extension', () => {
    const strictNinja = registryWithNinjaOne(true);
    const e = caught(() => strictNinja.validate('User', { schemas: [CORE_USER], userName: 'b' }, { mode: 'strict', operation: 'create' }));
    expect(e.scimType).toBe('invalidValue');
    const ok = strictNinja.validate(
      'User',
      { schemas: [CORE_USER, NINJAONE_SCHEMA_ID], userName: 'b', [NINJAONE_SCHEMA_ID]: { organizationId: 'all' } },
      { mode: 'strict', operation: 'create' },
    );
    expect(ok.resource[NINJAONE_SCHEMA_ID]).toEqual({ organizationId: 'all' });
  });

  const HR = 'urn:example:params:scim:schemas:extension:hr:2.0:User';
  const hr = new SchemaRegistry({
    extensions: [
      normaliseSchema({
        id: HR,
        attributes: [
          { name: 'hireDate', type: 'dateTime' },
          { name: 'badge', type: 'string', mutability: 'immutable' },
          { name: 'grade', type: 'integer' },
        ],
      }),
    ],
  });
  const user = (ext: Record<string, unknown>) => ({ schemas: [CORE_USER, HR], userName: 'b', [HR]: ext });

  it('refuses to change an immutable value on replace, accepts the same one or a first one', () => {
    const existing = { schemas: [CORE_USER, HR], id: 'u', userName: 'b', [HR]: { badge: 'B-1' } };
    const e = caught(() => hr.validate('User', user({ badge: 'B-2' }), { mode: 'strict', operation: 'replace', existing }));
    expect([e.status, e.scimType]).toEqual([400, 'mutability']);
    expect(hr.validate('User', user({ badge: 'B-1' }), { mode: 'strict', operation: 'replace', existing }).resource[HR]).toEqual({ badge: 'B-1' });
    expect(hr.validate('User', user({ badge: 'B-9' }), { mode: 'strict', operation: 'replace', existing: { ...existing, [HR]: {} } }).resource[HR]).toEqual({ badge: 'B-9' });
  });

  it('lets group members be replaced (members is readWrite; only its sub-attributes are immutable)', () => {
    const existing = { schemas: [CORE_GROUP], id: 'g', displayName: 'G', members: [{ value: 'u1' }] };
    const ok = registry.validate('Group', { schemas: [CORE_GROUP], displayName: 'G2', members: [{ value: 'u2' }] }, { mode: 'strict', operation: 'replace', existing });
    expect(ok.resource['members']).toEqual([{ value: 'u2' }]);
  });

  it.each([
    ['2008-01-23T04:56:22Z', true],
    ['2008-01-23T04:56:22.123+02:00', true],
    ['2008-01-23', false],
    ['yesterday', false],
    ['2008-13-45T99:00:00Z', false],
    [1200000000, false],
  ])('dateTime %j accepted: %s', (value, ok) => {
    const run = () => hr.validate('User', user({ hireDate: value }), { mode: 'strict', operation: 'create' });
    if (ok) expect(run().resource[HR]).toEqual({ hireDate: value });
    else expect(caught(run).scimType).toBe('invalidValue');
  });

  it.each([
    [3, true],
    [3.5, false],
    ['3', false],
  ])('integer %j accepted: %s', (value, ok) => {
    const run = () => hr.validate('User', user({ grade: value }), { mode: 'lenient', operation: 'create' });
    if (ok) expect(run().resource[HR]).toEqual({ grade: value });
    else expect(caught(run).scimType).toBe('invalidValue');
  });
});
