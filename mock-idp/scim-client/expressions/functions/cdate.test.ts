import { describe } from 'vitest';
import { cases } from './cases.ts';

describe('CDate', () => {
  cases([
    {
      name: 'doc example 1: date with -07:00 offset → UTC',
      expression: 'CDate([StatusHireDate])',
      source: { StatusHireDate: '2020-03-16-07:00' },
      expected: { value: '3/16/2020 7:00:00 AM' },
    },
    { name: 'doc example 2: date with +08:00 offset → previous day UTC', expression: 'CDate("2021-06-30+08:00")', expected: { value: '6/29/2021 4:00:00 PM' } },
    { name: 'doc example 3: date-time with offset', expression: 'CDate("2009-06-15T01:45:30-07:00")', expected: { value: '6/15/2009 8:45:30 AM' } },
    { name: "Entra's own format round-trips", expression: 'CDate("8/25/2021 5:41:18 PM")', expected: { value: '8/25/2021 5:41:18 PM' } },
    { name: 'midnight prints as 12 AM', expression: 'CDate("2021-01-02T00:05:00Z")', expected: { value: '1/2/2021 12:05:00 AM' } },
    { name: 'null → null', expression: 'CDate([missing])', expected: { value: null } },
    { name: 'not a date is a type error', expression: 'CDate("next tuesday")', expected: { error: 'expression/type', position: 6 } },
    { name: 'impossible date is a type error', expression: 'CDate("2021-02-30")', expected: { error: 'expression/type' } },
  ]);
});
