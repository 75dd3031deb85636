/*
 * CStr(value) — "converts a value to a string data type": numbers invariantly, booleans "True"/"False",
 * DateTimes "M/d/yyyy h:mm:ss tt". null → null; a multi-valued attribute → expression/type.
 */
import type { FunctionDefinition } from './definition.ts';

export const CStr: FunctionDefinition = {
  name: 'CStr',
  signature: 'CStr(value)',
  minArgs: 1,
  maxArgs: 1,
  call(args) {
    return args.string(0, 'value');
  },
};
