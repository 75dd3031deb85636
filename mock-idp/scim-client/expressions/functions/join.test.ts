import { describe } from 'vitest';
import { cases } from './cases.ts';

describe('Join', () => {
  cases([
    {
      name: 'doc examples: comma between last name and first name',
      expression: 'Join(", ", "", [surname], [givenName])',
      source: { givenName: 'John', surname: 'Doe' },
      expected: { value: 'Doe, John' },
    },
    {
      name: 'doc: every value of a multi-valued attribute is joined',
      expression: 'Join(";", [proxyAddresses], [mail])',
      source: { proxyAddresses: ['a', 'b'], mail: 'c' },
      expected: { value: 'a;b;c' },
    },
    {
      name: 'doc (ToLower example): UPN from names',
      expression: 'ToLower(Join("@", NormalizeDiacritics(StripSpaces(Join(".",  [PreferredFirstName], [PreferredLastName]))), "contoso.com"))',
      source: { PreferredFirstName: 'John', PreferredLastName: 'Smith' },
      expected: { value: 'john.smith@contoso.com' },
    },
    { name: 'numbers are joined as text', expression: 'Join("", 1000, [employeeId])', source: { employeeId: 42 }, expected: { value: '100042' } },
    { name: 'missing values leave no separator behind', expression: 'Join(" ", [a], [b], [c])', source: { a: 'x', c: 'z' }, expected: { value: 'x z' } },
    { name: 'needs a separator and a source', expression: 'Join(",")', expected: { error: 'expression/arity' } },
  ]);
});
