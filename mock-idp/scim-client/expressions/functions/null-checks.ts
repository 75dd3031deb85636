/*
 * IsNull(expression) — True when the value is null ("For an attribute, a Null is expressed by the absence of the
 *   attribute"); an empty multi-valued attribute counts as absent.
 * IsNullOrEmpty(expression) — True when null or an empty string ("The inverse of this function is named IsPresent").
 * IsPresent(expression) — True when the value is neither null nor empty.
 * IsString(expression) — True when the value is a string (not null, a number, a boolean, a DateTime or a list).
 */
import { isNullOrEmpty, type Value } from '../values.ts';
import type { FunctionDefinition } from './definition.ts';

const predicate = (name: string, test: (v: Value) => boolean): FunctionDefinition => ({
  name,
  signature: `${name}(expression)`,
  minArgs: 1,
  maxArgs: 1,
  call: (args) => test(args.value(0)),
});

export const IsNull = predicate('IsNull', (v) => v === null || (Array.isArray(v) && v.length === 0));
export const IsNullOrEmpty = predicate('IsNullOrEmpty', (v) => isNullOrEmpty(v));
export const IsPresent = predicate('IsPresent', (v) => !isNullOrEmpty(v));
export const IsString = predicate('IsString', (v) => typeof v === 'string');
