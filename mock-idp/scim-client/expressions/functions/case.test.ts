import { describe } from 'vitest';
import { cases } from './cases.ts';

describe('ToLower / ToUpper', () => {
  cases([
    {
      name: 'doc: generated UPN in lower case',
      expression: 'ToLower(Join("@", NormalizeDiacritics(StripSpaces(Join(".",  [PreferredFirstName], [PreferredLastName]))), "contoso.com"))',
      source: { PreferredFirstName: 'John', PreferredLastName: 'Smith' },
      expected: { value: 'john.smith@contoso.com' },
    },
    { name: 'ToUpper with invariant culture', expression: 'ToUpper("istanbul")', expected: { value: 'ISTANBUL' } },
    { name: 'ToUpper with a culture (tr-TR dotted İ)', expression: 'ToUpper("istanbul", "tr-TR")', expected: { value: 'İSTANBUL' } },
    { name: 'ToLower with a culture (tr-TR dotless ı)', expression: 'ToLower("ISTANBUL", "tr-TR")', expected: { value: 'ıstanbul' } },
    { name: 'null → null', expression: 'ToLower([missing])', expected: { value: null } },
    { name: 'unknown culture is a value error', expression: 'ToLower("A", "not a culture!")', expected: { error: 'expression/value' } },
  ]);
});
