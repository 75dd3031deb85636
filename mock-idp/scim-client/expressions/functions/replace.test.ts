import { describe } from 'vitest';
import { cases } from './cases.ts';

// Expressions are written exactly as the Microsoft doc prints them (String.raw keeps the backslash escapes).
const phone = String.raw`"\\+(?<isdCode>\\d* )(?<phoneNumber>\\d{10})"`;

describe('Replace', () => {
  cases([
    {
      name: 'doc 1: oldValue + replacementValue',
      expression: 'Replace([BusinessTitle],"Product Developer", , , "Software Engineer", , )',
      source: { BusinessTitle: 'Product Developer' },
      expected: { value: 'Software Engineer' },
    },
    {
      name: 'doc 2: oldValue + template',
      expression: 'Replace([UserID],"<username>", , , , , "<username>@contoso.com")',
      source: { UserID: 'jsmith' },
      expected: { value: 'jsmith@contoso.com' },
    },
    {
      name: 'doc 3: regexPattern + replacementValue naming a group',
      expression: `Replace([telephoneNumber], , ${phone}, , "\${phoneNumber}", , )`,
      source: { telephoneNumber: '+91 9998887777' },
      expected: { value: '9998887777' },
    },
    {
      name: 'doc 3: remove characters with a regex',
      expression: String.raw`Replace([mobile], , "[()\\s-]+", , "", , )`,
      source: { mobile: '+1 (999) 888-7777' },
      expected: { value: '+19998887777' },
    },
    {
      name: 'doc 4: regexPattern + regexGroupName + replacementValue',
      expression: String.raw`Replace([AddressLineData], ,"(?<streetNumber>^\\d*)","streetNumber", "888", , )`,
      source: { AddressLineData: '545 Tremont Street' },
      expected: { value: '888 Tremont Street' },
    },
    {
      name: 'doc 4: strip the UPN suffix via a group',
      expression: 'Replace([userPrincipalName], , "(?<Suffix>@(.)*)", "Suffix", "", , )',
      source: { userPrincipalName: 'jsmith@contoso.com' },
      expected: { value: 'jsmith' },
    },
    {
      name: 'doc 5: replacementAttributeName when source is empty',
      expression: `Replace([telephoneNumber], , ${phone}, "phoneNumber" , , [mobile], )`,
      source: { telephoneNumber: '', mobile: '+91 8887779999' },
      expected: { value: '8887779999' },
    },
    {
      name: 'doc 5: source with a value is returned',
      expression: `Replace([telephoneNumber], , ${phone}, "phoneNumber" , , [mobile], )`,
      source: { telephoneNumber: '+91 1112223333', mobile: '+91 8887779999' },
      expected: { value: '+91 1112223333' },
    },
    {
      name: 'doc 6: remove letters and underscores',
      expression: 'Replace([mailNickname], , "[a-zA-Z_]*", , "", , )',
      source: { mailNickname: 'john_doe72' },
      expected: { value: '72' },
    },
    {
      name: 'doc examples: strip known domain name',
      expression: 'Replace([mail], "@contoso.com", , ,"", ,)',
      source: { mail: 'john.doe@contoso.com' },
      expected: { value: 'john.doe' },
    },
    {
      name: 'oldValue is case-sensitive',
      expression: 'Replace([mail], "@CONTOSO.COM", , ,"", ,)',
      source: { mail: 'john.doe@contoso.com' },
      expected: { value: 'john.doe@contoso.com' },
    },
    { name: '.NET substitutions $1 and $$', expression: 'Replace("ab-cd", , "(\\\\w+)-(\\\\w+)", , "$2$$$1", , )', expected: { value: 'cd$ab' } },
    { name: 'null source → null', expression: 'Replace([missing], "a", , , "b", , )', expected: { value: null } },
    { name: 'neither oldValue nor regexPattern fails at compile time', expression: 'Replace([mail], , , , "x", , )', expected: { error: 'expression/arity', position: 0 } },
    { name: 'an invalid regex constant fails at compile time', expression: 'Replace([mail], , "(unclosed", , "x", , )', expected: { error: 'expression/value', position: 18 } },
  ]);
});
