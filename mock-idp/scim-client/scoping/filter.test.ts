import { describe, expect, it } from 'vitest';
import { compileScope } from './filter.ts';

const user = {
  department: 'Sales',
  jobTitle: 'Engineer',
  accountEnabled: true,
  IsSoftDeleted: false,
  mail: null,
  employeeId: '1042',
  extension_0123456789abcdef0123456789abcdef_region: 'EMEA',
};

describe('scoping clause operators (one clause per row)', () => {
  it.each([
    ['department', 'EQUALS', 'Sales', true],
    ['department', 'EQUALS', 'sales', false], // case-sensitive
    ['department', 'NOT EQUALS', 'Sales', false],
    ['department', 'NOT EQUALS', 'Finance', true],
    ['accountEnabled', 'IS TRUE', undefined, true],
    ['IsSoftDeleted', 'IS FALSE', undefined, true],
    ['IsSoftDeleted', 'IS TRUE', undefined, false],
    ['mail', 'IS NULL', undefined, true],
    ['nothingHere', 'IS NULL', undefined, true],
    ['department', 'IS NOT NULL', undefined, true],
    ['jobTitle', 'REGEX MATCH', '^Eng', true],
    ['jobTitle', 'NOT REGEX MATCH', '^Eng', false],
    ['employeeId', 'Greater_Than', 1000, true],
    ['employeeId', 'GREATER_THAN', '1042', false],
    ['employeeId', 'Greater_Than_OR_EQUALS', 1042, true],
    ['employeeId', 'Less_Than', 2000, true],
    ['employeeId', 'LESS_THAN_OR_EQUALS', 1041, false],
    ['department', 'Includes', 'Finance,Sales', true],
    ['department', 'Includes', 'Finance,HR', false],
    ['department', 'Not Includes', 'Finance,HR', true],
    ['extension_0123456789abcdef0123456789abcdef_region', 'EQUALS', 'EMEA', true],
  ])('%s %s %s → %s', (attribute, operator, value, expected) => {
    const clause = value === undefined ? { attribute, operator } : { attribute, operator, value };
    expect(compileScope([{ clauses: [clause] }]).inScope(user)).toBe(expected);
  });
});

describe('combining', () => {
  it('ANDs clauses within a filter and ORs filters', () => {
    const and = compileScope([
      {
        clauses: [
          { attribute: 'department', operator: 'EQUALS', value: 'Sales' },
          { attribute: 'jobTitle', operator: 'EQUALS', value: 'Boss' },
        ],
      },
    ]);
    expect(and.inScope(user)).toBe(false);
    const or = compileScope([
      { clauses: [{ attribute: 'department', operator: 'EQUALS', value: 'Finance' }] },
      { clauses: [{ attribute: 'jobTitle', operator: 'EQUALS', value: 'Engineer' }] },
    ]);
    expect(or.inScope(user)).toBe(true);
    expect(compileScope([]).inScope(user)).toBe(true);
  });

  it('reports every problem with its path at configuration time', () => {
    try {
      compileScope(
        [
          {
            clauses: [
              { attribute: 'a', operator: 'LIKE', value: 'x' },
              { attribute: 'b', operator: 'REGEX MATCH', value: '(' },
              { attribute: 'c', operator: 'GREATER_THAN', value: 'ten' },
            ],
          },
        ],
        'scoping.users',
      );
      expect.unreachable();
    } catch (e) {
      const err = e as { code: string; problems: string[] };
      expect(err.code).toBe('scoping/invalid');
      expect(err.problems.map((p) => p.split(' ')[0])).toEqual(['scoping.users[0].clauses[0].operator', 'scoping.users[0].clauses[1].value', 'scoping.users[0].clauses[2].value']);
    }
  });
});
