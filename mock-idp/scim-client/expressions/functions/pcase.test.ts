import { describe } from 'vitest';
import { cases } from './cases.ts';

describe('PCase', () => {
  cases([
    { name: 'doc: default separators', expression: 'PCase([firstName])', source: { firstName: 'PABLO GONSALVES (SECOND)' }, expected: { value: 'Pablo Gonsalves (Second)' } },
    { name: 'doc: custom separators', expression: 'PCase([lastName]," \'-")', source: { lastName: "PINTO-DE'SILVA" }, expected: { value: "Pinto-De'Silva" } },
    { name: 'doc: nested Join', expression: 'PCase(Join(" ",[firstName],[lastName]))', source: { firstName: 'GREGORY', lastName: 'JAMES' }, expected: { value: 'Gregory James' } },
    { name: 'custom separators only: hyphen no longer splits', expression: 'PCase("ANNE-MARIE SMITH", " ")', expected: { value: 'Anne-marie Smith' } },
    { name: 'null → null', expression: 'PCase([missing])', expected: { value: null } },
  ]);
});
