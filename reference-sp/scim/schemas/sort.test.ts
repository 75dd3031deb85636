import { describe, expect, it } from 'vitest';
import { CORE_USER, ENTERPRISE, registryWithNinjaOne } from './test-fixtures.ts';

const registry = registryWithNinjaOne();

const users = [
  { schemas: [CORE_USER], id: 'A', userName: 'charlie', meta: { created: '2024-01-02T00:00:00Z' }, emails: [{ value: 'z@x', primary: true }, { value: 'a@x' }] },
  { schemas: [CORE_USER], id: 'b', userName: 'Bravo', meta: { created: '2024-01-01T12:00:00+13:00' }, emails: [{ value: 'm@x' }] },
  { schemas: [CORE_USER], id: 'C', userName: 'alpha', meta: { created: '2024-01-01T00:00:00Z' } },
  { schemas: [CORE_USER], id: 'd', userName: 'delta', [ENTERPRISE]: { employeeNumber: '2' } },
];
const ids = (sortBy: string, order?: 'ascending' | 'descending') => [...users].sort(registry.comparator('User', sortBy, order)).map((u) => u.id);

describe('sort comparator (RFC 7644 §3.4.2.3)', () => {
  it.each([
    ['userName', 'ascending', ['C', 'b', 'A', 'd']],
    ['userName', 'descending', ['d', 'A', 'b', 'C']],
    ['id', 'ascending', ['A', 'C', 'b', 'd']],
    ['meta.created', 'ascending', ['b', 'C', 'A', 'd']],
    ['meta.created', 'descending', ['d', 'A', 'C', 'b']],
    ['emails', 'ascending', ['b', 'A', 'C', 'd']],
    [`${ENTERPRISE}:employeeNumber`, 'ascending', ['d', 'A', 'b', 'C']],
  ] as const)('%s %s', (sortBy, order, expected) => {
    expect(ids(sortBy, order)).toEqual(expected);
  });

  it('defaults to ascending', () => {
    expect(ids('userName')).toEqual(['C', 'b', 'A', 'd']);
  });
});
