import { describe, expect, it } from 'vitest';
import table from './evaluate-cases.json' with { type: 'json' };
import { ScimError } from '../errors.ts';
import { SchemaRegistry } from '../../schemas/registry.ts';
import { normaliseSchema } from '../../schemas/types.ts';
import { checkFilter, evaluateFilter, filterPredicate } from './evaluate.ts';
import { parseFilter } from './parser.ts';

const ninjaone = normaliseSchema({
  id: 'urn:ietf:params:scim:schemas:extension:ninjaone:2.0:User',
  attributes: [
    { name: 'organizationId', type: 'string', required: true },
    { name: 'userType', type: 'string' },
    { name: 'level', type: 'integer' },
  ],
});
const registry = new SchemaRegistry({ extensions: [ninjaone] });

describe('evaluateFilter (RFC 7644 §3.4.2.2)', () => {
  it.each(table.cases.map((c) => [c.filter, c.match]))('%s → %s', (filter, match) => {
    expect(evaluateFilter(parseFilter(filter as string), table.resource, registry)).toBe(match);
  });
});

describe('evaluateFilter — comparisons the type forbids are 400 invalidFilter', () => {
  it.each(table.errors.map((c) => [c.filter, c.why]))('%s (%s)', (filter) => {
    const node = parseFilter(filter);
    let caught: unknown;
    try {
      evaluateFilter(node, table.resource, registry);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(ScimError);
    expect((caught as ScimError).scimType).toBe('invalidFilter');
  });

  it('refuses them statically too, even when no resource has the attribute', () => {
    expect(() => checkFilter(parseFilter('active gt true'), registry, 'User')).toThrow(ScimError);
    expect(() => filterPredicate(parseFilter('active lt false'), registry, 'User')).toThrow(ScimError);
  });

  it('can reject unknown attributes when asked', () => {
    expect(() => checkFilter(parseFilter('bogus eq 1'), registry, 'User', { unknownAttributes: 'reject' })).toThrow(ScimError);
    expect(() => checkFilter(parseFilter('emails[bogus eq 1]'), registry, 'User', { unknownAttributes: 'reject' })).toThrow(ScimError);
    expect(() => checkFilter(parseFilter('bogus eq 1'), registry, 'User')).not.toThrow();
  });
});

describe('filterPredicate over a Group list', () => {
  const groups = [
    { schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'], id: 'g1', displayName: 'Admins', members: [{ value: 'u1' }, { value: 'u2' }] },
    { schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'], id: 'g2', displayName: 'Tour Guides', members: [] },
  ];
  it('matches displayName case-insensitively and members by value', () => {
    expect(groups.filter(filterPredicate(parseFilter('displayName eq "admins"'), registry, 'Group')).map((g) => g.id)).toEqual(['g1']);
    expect(groups.filter(filterPredicate(parseFilter('members[value eq "u2"]'), registry, 'Group')).map((g) => g.id)).toEqual(['g1']);
    expect(groups.filter(filterPredicate(parseFilter('members pr'), registry, 'Group')).map((g) => g.id)).toEqual(['g1']);
    expect(groups.filter(filterPredicate(parseFilter('members.value eq "U2"'), registry, 'Group')).map((g) => g.id)).toEqual([]);
  });
});
