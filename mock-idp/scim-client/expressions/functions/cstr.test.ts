import { describe } from 'vitest';
import { cases } from './cases.ts';

describe('CStr', () => {
  cases([
    { name: 'doc: CStr([dn])', expression: 'CStr([dn])', source: { dn: 'cn=Joe,dc=contoso,dc=com' }, expected: { value: 'cn=Joe,dc=contoso,dc=com' } },
    { name: 'numbers', expression: 'CStr(42)', expected: { value: '42' } },
    { name: 'booleans as .NET prints them', expression: 'CStr([accountEnabled])', source: { accountEnabled: true }, expected: { value: 'True' } },
    { name: 'DateTime in Entra format', expression: 'CStr(CDate("2021-06-30T12:00:00Z"))', expected: { value: '6/30/2021 12:00:00 PM' } },
    { name: 'null → null', expression: 'CStr([missing])', expected: { value: null } },
    { name: 'multi-valued is a type error', expression: 'CStr([list])', source: { list: ['a'] }, expected: { error: 'expression/type' } },
  ]);
});
