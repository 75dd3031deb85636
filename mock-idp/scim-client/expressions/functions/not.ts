/*
 * Not(source) — "Flips the boolean value of the source. If source value is True, returns False. Otherwise, returns
 * True." Expected values are "True"/"False"; a boolean True or the string "True" in any case counts as True,
 * anything else (including null) as not True.
 */
import { toBoolean } from '../runtime.ts';
import type { FunctionDefinition } from './definition.ts';

export const Not: FunctionDefinition = {
  name: 'Not',
  signature: 'Not(source)',
  minArgs: 1,
  maxArgs: 1,
  call(args) {
    const v = args.value(0);
    return !(v !== null && !Array.isArray(v) && typeof v !== 'number' && toBoolean(v) === true);
  },
};
