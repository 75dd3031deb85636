import { describe } from 'vitest';
import { cases } from './cases.ts';

const active = 'Switch([IsSoftDeleted], , "False", "True", "True", "False")';
const tz = 'Switch([state], "Australia/Sydney", "NSW", "Australia/Sydney","QLD", "Australia/Brisbane", "SA", "Australia/Adelaide")';

describe('Switch', () => {
  cases([
    { name: 'NinjaOne/customappsso active: IsSoftDeleted=false → the STRING "True"', expression: active, source: { IsSoftDeleted: false }, expected: { value: 'True' } },
    { name: 'NinjaOne/customappsso active: IsSoftDeleted=true → the STRING "False"', expression: active, source: { IsSoftDeleted: true }, expected: { value: 'False' } },
    {
      name: 'NinjaOne seed as printed, with typographic quotes',
      expression: 'Switch([IsSoftDeleted], , “False”, “True”, “True”, “False”)',
      source: { IsSoftDeleted: false },
      expected: { value: 'True' },
    },
    { name: 'doc: QLD → Australia/Brisbane', expression: tz, source: { state: 'QLD' }, expected: { value: 'Australia/Brisbane' } },
    { name: 'doc: no match → defaultValue', expression: tz, source: { state: 'WA' }, expected: { value: 'Australia/Sydney' } },
    { name: 'doc note: comparison is case-sensitive', expression: 'Switch([statusFlag], "none", "true", "1")', source: { statusFlag: 'True' }, expected: { value: 'none' } },
    {
      name: 'doc note: ToLower for case-insensitive',
      expression: 'Switch(ToLower([statusFlag]), "0", "true", "1", "false", "0")',
      source: { statusFlag: 'TRUE' },
      expected: { value: '1' },
    },
    { name: 'doc caution: empty source matches the "" key', expression: 'Switch([statusFlag], "Default Value", "true", "1", "", "0")', expected: { value: '0' } },
    { name: 'omitted default and no match → null', expression: 'Switch([x], , "a", "b")', source: { x: 'z' }, expected: { value: null } },
    { name: 'odd number of arguments fails at compile time', expression: 'Switch([x], "d", "a")', expected: { error: 'expression/arity', position: 0 } },
    { name: 'fewer than four arguments fails at compile time', expression: 'Switch([x], "d")', expected: { error: 'expression/arity' } },
    { name: 'multi-valued source is a type error', expression: 'Switch([x], "d", "a", "b")', source: { x: ['a'] }, expected: { error: 'expression/type', position: 7 } },
  ]);
});
