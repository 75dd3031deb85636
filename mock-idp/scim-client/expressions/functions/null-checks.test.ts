import { describe } from 'vitest';
import { cases } from './cases.ts';

describe('IsNull / IsNullOrEmpty / IsPresent / IsString', () => {
  cases([
    { name: "doc: IsNull([displayName]) — True if the attribute isn't present", expression: 'IsNull([displayName])', expected: { value: true } },
    { name: 'IsNull: an empty string is not null', expression: 'IsNull([displayName])', source: { displayName: '' }, expected: { value: false } },
    { name: 'doc: IsNullOrEmpty([displayName]) — absent', expression: 'IsNullOrEmpty([displayName])', expected: { value: true } },
    { name: 'doc: IsNullOrEmpty([displayName]) — empty string', expression: 'IsNullOrEmpty([displayName])', source: { displayName: '' }, expected: { value: true } },
    { name: 'IsNullOrEmpty: a value', expression: 'IsNullOrEmpty([displayName])', source: { displayName: 'Ann' }, expected: { value: false } },
    { name: 'IsPresent is the inverse', expression: 'IsPresent([displayName])', source: { displayName: 'Ann' }, expected: { value: true } },
    {
      name: 'doc IsPresent/Switch example: booleans meet keys as "True"/"False" strings',
      expression: 'Switch(IsPresent([directManager]),[directManager], IsPresent([skiplevelManager]),[skiplevelManager], IsPresent([director]),[director])',
      source: { skiplevelManager: 'm2' },
      expected: { value: null },
    },
    { name: 'IsString: a string', expression: 'IsString([mail])', source: { mail: 'a@b' }, expected: { value: true } },
    { name: 'IsString: a number is not', expression: 'IsString([employeeNumber])', source: { employeeNumber: 7 }, expected: { value: false } },
    { name: 'IsString: null is not', expression: 'IsString([missing])', expected: { value: false } },
  ]);
});
