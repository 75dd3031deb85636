import { describe } from 'vitest';
import { cases } from './cases.ts';

describe('Append', () => {
  cases([
    {
      name: 'doc: append constant suffix to user name',
      expression: 'Append([userPrincipalName], ".test")',
      source: { userPrincipalName: 'John.Doe@contoso.com' },
      expected: { value: 'John.Doe@contoso.com.test' },
    },
    {
      name: 'doc examples: alias from parts of first and last name',
      expression: 'Append(Mid([givenName], 1, 3), Mid([surname], 1, 5))',
      source: { givenName: 'John', surname: 'Doe' },
      expected: { value: 'JohDoe' },
    },
    { name: 'missing source counts as empty', expression: 'Append([missing], ".test")', expected: { value: '.test' } },
    { name: 'both null → null', expression: 'Append([a], [b])', expected: { value: null } },
    { name: 'multi-valued source is a type error', expression: 'Append([proxyAddresses], "x")', source: { proxyAddresses: ['a', 'b'] }, expected: { error: 'expression/type' } },
    { name: 'one argument is an arity error', expression: 'Append([a])', expected: { error: 'expression/arity', position: 0 } },
  ]);
});
