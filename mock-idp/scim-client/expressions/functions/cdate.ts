/*
 * CDate(expression) — "returns a UTC DateTime from a string"; printed as "M/d/yyyy h:mm:ss tt".
 * - an offset in the input is converted to UTC ("2020-03-16-07:00" → "3/16/2020 7:00:00 AM")
 * - null → null; a string that is not a date → expression/type
 */
import { DateTimeValue } from '../values.ts';
import type { FunctionDefinition } from './definition.ts';

export const CDate: FunctionDefinition = {
  name: 'CDate',
  signature: 'CDate(expression)',
  minArgs: 1,
  maxArgs: 1,
  call(args) {
    const ms = args.dateTime(0, 'expression');
    return ms === null ? null : new DateTimeValue(ms);
  },
};
