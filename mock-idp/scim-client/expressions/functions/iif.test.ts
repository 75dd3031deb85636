import { describe } from 'vitest';
import { cases } from './cases.ts';

const usa = 'IIF([country]="USA",[country],[department])';

describe('IIF', () => {
  cases([
    { name: 'doc: country = "USA" → country', expression: usa, source: { country: 'USA', department: 'Sales' }, expected: { value: 'USA' } },
    { name: 'doc: otherwise → department', expression: usa, source: { country: 'FR', department: 'Sales' }, expected: { value: 'Sales' } },
    {
      name: 'doc: AND via nested IIF on the true path',
      expression: 'IIF([country]="USA",IIF([state]="CA","True","False"),"False")',
      source: { country: 'USA', state: 'CA' },
      expected: { value: 'True' },
    },
    {
      name: 'doc: OR via nested IIF on the false path',
      expression: 'IIF([country]="USA","True",IIF([state]="CA","True","False"))',
      source: { country: 'FR', state: 'CA' },
      expected: { value: 'True' },
    },
    { name: 'not equal', expression: 'IIF([country]<>"USA","abroad","home")', source: { country: 'FR' }, expected: { value: 'abroad' } },
    { name: 'numeric comparison of numeric strings', expression: 'IIF([age] >= "18", "adult", "minor")', source: { age: '9' }, expected: { value: 'minor' } },
    { name: 'greater than', expression: 'IIF(DateDiff("d", CDate("2021-01-01"), CDate("2021-01-09")) > 5, "late", "soon")', expected: { value: 'late' } },
    { name: 'less than / less or equal', expression: 'IIF(3 < 4, IIF(4 <= 4, "yes", "no"), "no")', expected: { value: 'yes' } },
    { name: 'string comparison is case-sensitive', expression: 'IIF([country]="usa","match","no match")', source: { country: 'USA' }, expected: { value: 'no match' } },
    { name: 'boolean condition from a function', expression: 'IIF(IsPresent([mail]), [mail], "none")', source: { mail: 'a@b' }, expected: { value: 'a@b' } },
    { name: 'doc limitation: null attribute in the condition fails the check (→ null)', expression: 'IIF([country]="","Other",[country])', expected: { value: null } },
    { name: 'doc limitation: IsPresent on a missing attribute fails the check too', expression: 'IIF(IsPresent([country]),[country],"Other")', expected: { value: null } },
    { name: 'doc workaround: Switch([country],[country],"","Other")', expression: 'Switch([country],[country],"","Other")', expected: { value: 'Other' } },
    { name: 'a condition that is not a boolean is a type error', expression: 'IIF("maybe", 1, 2)', expected: { error: 'expression/type', position: 4 } },
  ]);
});
