import { describe } from 'vitest';
import { cases } from './cases.ts';

describe('FormatDateTime', () => {
  cases([
    {
      name: 'doc: output date as a string in a certain format',
      expression: 'FormatDateTime([extensionAttribute1], , "yyyyMMddHHmmss.fZ", "yyyy-MM-dd")',
      source: { extensionAttribute1: '20150123105347.1Z' },
      expected: { value: '2015-01-23' },
    },
    {
      name: 'older three-argument form',
      expression: 'FormatDateTime([extensionAttribute1], "yyyyMMddHHmmss.fZ", "yyyy-MM-dd")',
      source: { extensionAttribute1: '20150123105347.1Z' },
      expected: { value: '2015-01-23' },
    },
    { name: 'dateTimeStyles by name', expression: 'FormatDateTime("2020-12-31", "AdjustToUniversal", "yyyy-MM-dd", "dd/MM/yyyy")', expected: { value: '31/12/2020' } },
    { name: 'offset converts to UTC', expression: 'FormatDateTime("2020-12-31+08:00", , "yyyy-MM-ddzzz", "yyyy-MM-dd HH:mm")', expected: { value: '2020-12-30 16:00' } },
    {
      name: 'month names, 12-hour clock, quoted literal',
      expression: 'FormatDateTime("3/5/2021 07:08:09 PM", , "M/d/yyyy hh:mm:ss tt", "dddd, MMMM d \'at\' h:mm tt")',
      expected: { value: 'Friday, March 5 at 7:08 PM' },
    },
    { name: 'fraction digits', expression: 'FormatDateTime("2021-01-01T10:00:00.123", , "yyyy-MM-ddTHH:mm:ss.fff", "HH:mm:ss.ff")', expected: { value: '10:00:00.12' } },
    { name: 'null → null', expression: 'FormatDateTime([missing], , "yyyy", "yyyy")', expected: { value: null } },
    {
      name: 'input not matching the format is a type error',
      expression: 'FormatDateTime("2015-01-23", , "yyyyMMdd", "yyyy")',
      expected: { error: 'expression/type', position: 15 },
    },
    {
      name: 'unknown DateTimeStyles constant fails at compile time',
      expression: 'FormatDateTime([d], "Sideways", "yyyy", "yyyy")',
      expected: { error: 'expression/value', position: 20 },
    },
    { name: 'unterminated quote in a constant format fails at compile time', expression: 'FormatDateTime([d], , "yyyy", "\'yyyy")', expected: { error: 'expression/value' } },
  ]);
});
