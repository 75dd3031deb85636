import { describe } from 'vitest';
import { cases } from './cases.ts';

const hire = { StatusHireDate: '2012-03-16-07:00' };

describe('DateAdd', () => {
  cases([
    { name: 'doc: add 7 days to hire date', expression: 'DateAdd("d", 7, CDate([StatusHireDate]))', source: hire, expected: { value: '3/23/2012 7:00:00 AM' } },
    { name: 'doc: ten days before hire date', expression: 'DateAdd("d", -10, CDate([StatusHireDate]))', source: hire, expected: { value: '3/6/2012 7:00:00 AM' } },
    { name: 'doc: add two weeks', expression: 'DateAdd("ww", 2, CDate([StatusHireDate]))', source: hire, expected: { value: '3/30/2012 7:00:00 AM' } },
    { name: 'doc: add ten months', expression: 'DateAdd("m", 10, CDate([StatusHireDate]))', source: hire, expected: { value: '1/16/2013 7:00:00 AM' } },
    { name: 'doc: add two years', expression: 'DateAdd("yyyy", 2, CDate([StatusHireDate]))', source: hire, expected: { value: '3/16/2014 7:00:00 AM' } },
    { name: 'month end clamps', expression: 'DateAdd("m", 1, CDate("2021-01-31"))', expected: { value: '2/28/2021 12:00:00 AM' } },
    { name: 'hours, minutes, seconds', expression: 'DateAdd("s", 30, DateAdd("n", 2, DateAdd("h", 1, CDate("2021-01-01"))))', expected: { value: '1/1/2021 1:02:30 AM' } },
    { name: 'Now() as the date', expression: 'DateAdd("d", 1, Now())', expected: { value: '8/26/2021 5:41:18 PM' } },
    { name: 'null date → null', expression: 'DateAdd("d", 1, CDate([missing]))', expected: { value: null } },
    { name: 'unknown interval constant fails at compile time', expression: 'DateAdd("q", 1, Now())', expected: { error: 'expression/value', position: 8 } },
  ]);
});

describe('DateDiff', () => {
  const now = 'CDate("8/25/2021 5:41:18 PM")';
  cases([
    { name: 'doc: positive difference in days', expression: 'DateDiff("d", CDate("2021-08-18+08:00"), CDate("2021-08-31+08:00"))', expected: { value: 13 } },
    { name: 'doc: negative difference in days', expression: `DateDiff("d", ${now}, CDate("2012-03-16-07:00"))`, expected: { value: -3449 } },
    { name: 'doc: difference in weeks', expression: `DateDiff("ww", ${now}, CDate("2012-03-16-07:00"))`, expected: { value: -493 } },
    { name: 'doc: difference in months', expression: `DateDiff("m", ${now}, CDate("2012-03-16-07:00"))`, expected: { value: -113 } },
    { name: 'doc: difference in years', expression: `DateDiff("yyyy", ${now}, CDate("2012-03-16-07:00"))`, expected: { value: -9 } },
    { name: 'doc: both dates the same', expression: 'DateDiff("d", CDate("2021-08-31+08:00"), CDate("2021-08-31+08:00"))', expected: { value: 0 } },
    { name: 'doc: hours', expression: 'DateDiff("h", CDate("2021-08-24"), CDate("2021-08-25"))', expected: { value: 24 } },
    { name: 'doc: minutes', expression: 'DateDiff("n", CDate("2021-08-24"), CDate("2021-08-25"))', expected: { value: 1440 } },
    { name: 'doc: seconds', expression: 'DateDiff("s", CDate("2021-08-24"), CDate("2021-08-25"))', expected: { value: 86400 } },
    {
      name: 'doc example 2: hire within five days → "True"',
      expression: 'Switch([Active], , "1", IIF(DateDiff("d", Now(), CDate([StatusHireDate])) > 5, "False", "True"), "0", "False")',
      source: { Active: '1', StatusHireDate: '2021-08-28' },
      expected: { value: 'True' },
    },
    {
      name: 'doc example 2: hire later → "False"',
      expression: 'Switch([Active], , "1", IIF(DateDiff("d", Now(), CDate([StatusHireDate])) > 5, "False", "True"), "0", "False")',
      source: { Active: '1', StatusHireDate: '2021-09-30' },
      expected: { value: 'False' },
    },
    { name: 'a plain string where a DateTime is needed is read like CDate', expression: 'DateDiff("d", "2021-08-24", "2021-08-25")', expected: { value: 1 } },
    { name: 'not a date is a type error', expression: 'DateDiff("d", "soon", Now())', expected: { error: 'expression/type', position: 14 } },
  ]);
});

describe('DateAdd range', () => {
  cases([{ name: 'a result past year 9999 is a value error', expression: 'DateAdd("yyyy", 9000, Now())', expected: { error: 'expression/value', position: 16 } }]);
});
