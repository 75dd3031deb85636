import { describe } from 'vitest';
import { cases } from './cases.ts';

describe('DateFromNum / NumFromDate', () => {
  cases([
    { name: 'doc: DateFromNum(129699324000000000) is January 1, 2012 at 11:00 PM', expression: 'DateFromNum(129699324000000000)', expected: { value: '1/1/2012 11:00:00 PM' } },
    {
      name: 'doc: DateFromNum([lastLogonTimestamp]) with a string of ticks',
      expression: 'DateFromNum([lastLogonTimestamp])',
      source: { lastLogonTimestamp: '129699324000000000' },
      expected: { value: '1/1/2012 11:00:00 PM' },
    },
    { name: 'NumFromDate inverts DateFromNum', expression: 'NumFromDate("2012-01-01T23:00:00Z")', expected: { value: 129699324000000000 } },
    {
      name: 'doc (Workday): end of contract day at -08:00',
      expression: 'NumFromDate(Join("", FormatDateTime([ContractEndDate], ,"yyyy-MM-ddzzz", "yyyy-MM-dd"), " 23:59:59-08:00"))',
      source: { ContractEndDate: '2020-12-31-08:00' },
      expected: { value: 132539615990000000 },
    },
    {
      name: 'doc (SuccessFactors): M/d/yyyy hh:mm:ss tt input',
      expression: 'NumFromDate(Join("",FormatDateTime([endDate], ,"M/d/yyyy hh:mm:ss tt","yyyy-MM-dd")," 23:59:59-08:00"))',
      source: { endDate: '12/31/2020 12:00:00 AM' },
      expected: { value: 132539615990000000 },
    },
    { name: 'null → null', expression: 'DateFromNum([missing])', expected: { value: null } },
    { name: 'not ticks is a type error', expression: 'DateFromNum("soon")', expected: { error: 'expression/type' } },
  ]);
});

describe('DateFromNum range', () => {
  cases([{ name: 'ticks beyond year 9999 are a value error, not an invalid date', expression: 'DateFromNum("9999999999999999999999")', expected: { error: 'expression/value' } }]);
});
