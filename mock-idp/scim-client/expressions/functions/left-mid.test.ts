import { describe } from 'vitest';
import { cases } from './cases.ts';

describe('Left', () => {
  cases([
    { name: 'doc: Left("John Doe", 3)', expression: 'Left("John Doe", 3)', expected: { value: 'Joh' } },
    { name: 'doc: numChars = 0 → ""', expression: 'Left("John Doe", 0)', expected: { value: '' } },
    { name: 'doc: numChars < 0 → input', expression: 'Left("John Doe", -1)', expected: { value: 'John Doe' } },
    { name: 'doc: string null → ""', expression: 'Left([missing], 3)', expected: { value: '' } },
    { name: 'doc: fewer characters → whole string', expression: 'Left("Jo", 3)', expected: { value: 'Jo' } },
  ]);
});

describe('Mid', () => {
  cases([
    {
      name: 'Graph sample: first eight characters of the UPN',
      expression: 'Mid([userPrincipalName], 1, 8)',
      source: { userPrincipalName: 'alexw@contoso.com' },
      expected: { value: 'alexw@co' },
    },
    { name: 'start is 1-based', expression: 'Mid("abcdef", 2, 3)', expected: { value: 'bcd' } },
    { name: 'doc: length past the end → up to the end', expression: 'Mid("abcdef", 5, 10)', expected: { value: 'ef' } },
    { name: 'start past the end → ""', expression: 'Mid("abc", 9, 1)', expected: { value: '' } },
    { name: 'null → null', expression: 'Mid([missing], 1, 1)', expected: { value: null } },
    { name: 'start 0 is a value error', expression: 'Mid("abc", 0, 1)', expected: { error: 'expression/value', position: 11 } },
  ]);
});
