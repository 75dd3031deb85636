import { describe } from 'vitest';
import { cases } from './cases.ts';

describe('Coalesce', () => {
  cases([
    {
      name: 'doc: flow mail if not NULL, otherwise userPrincipalName',
      expression: 'Coalesce([mail],[userPrincipalName])',
      source: { userPrincipalName: 'John.Doe@contoso.com' },
      expected: { value: 'John.Doe@contoso.com' },
    },
    {
      name: 'first non-null wins',
      expression: 'Coalesce([mail],[userPrincipalName])',
      source: { mail: 'j@contoso.com', userPrincipalName: 'x' },
      expected: { value: 'j@contoso.com' },
    },
    { name: 'defaultValue when all are null', expression: 'Coalesce([a], [b], "none")', expected: { value: 'none' } },
    { name: 'all null and no default → null', expression: 'Coalesce([a], [b])', expected: { value: null } },
    { name: 'an empty string is a value', expression: 'Coalesce([a], "fallback")', source: { a: '' }, expected: { value: '' } },
  ]);
});
