/*
 * Now() — "returns a string representing the current UTC DateTime in the format M/d/yyyy h:mm:ss tt", e.g.
 * "7/2/2021 3:33:38 PM". Reads the context's injected clock. Inside DateAdd/DateDiff it is a DateTime.
 */
import { DateTimeValue } from '../values.ts';
import type { FunctionDefinition } from './definition.ts';

export const Now: FunctionDefinition = {
  name: 'Now',
  signature: 'Now()',
  minArgs: 0,
  maxArgs: 0,
  call(args) {
    return new DateTimeValue(args.run.now().getTime());
  },
};
