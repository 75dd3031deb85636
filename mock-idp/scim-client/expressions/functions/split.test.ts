import { describe } from 'vitest';
import { cases } from './cases.ts';

describe('Split', () => {
  cases([
    {
      name: 'doc: split a string into a multi-valued array',
      expression: 'Split([extensionAttribute5], ",")',
      source: { extensionAttribute5: 'PermissionSetOne, PermissionSetTwo' },
      expected: { value: ['PermissionSetOne', 'PermissionSetTwo'] },
    },
    { name: 'empty elements are kept', expression: 'Split("a,,b", ",")', expected: { value: ['a', '', 'b'] } },
    { name: 'multi-character delimiter', expression: 'Split("a;;b", ";;")', expected: { value: ['a', 'b'] } },
    { name: 'null → null', expression: 'Split([missing], ",")', expected: { value: null } },
    { name: 'empty delimiter is a value error', expression: 'Split("a", "")', expected: { error: 'expression/value' } },
  ]);
});
