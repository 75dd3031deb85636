/*
 * Switch(source, defaultValue, key1, value1, key2, value2, …) — "When source value matches a key, returns value for
 * that key. If source value doesn't match any keys, returns defaultValue."
 * - "Key and value parameters must always come in pairs. The function always expects an even number of
 *   parameters" — checked at compile time
 * - "Switch function performs a case-sensitive string comparison of the source and key values": the source is
 *   compared by its string form, so a boolean IsSoftDeleted=false matches the key "False" and
 *   Switch([IsSoftDeleted], , "False", "True", "True", "False") yields the STRING "True"
 * - a null source compares as "" ("if the source attribute statusFlag is empty, the Switch function returns the
 *   value" of the "" key); an omitted defaultValue is null; only the chosen value is evaluated
 */
import { ExpressionError } from '../errors.ts';
import { stringForm, typeName, type Value } from '../values.ts';
import type { FunctionDefinition } from './definition.ts';

export const Switch: FunctionDefinition = {
  name: 'Switch',
  signature: 'Switch(source, defaultValue, key1, value1, key2, value2, …)',
  minArgs: 4,
  maxArgs: Infinity,
  check(call) {
    if (call.args.length % 2 !== 0) {
      throw new ExpressionError('expression/arity', `Switch expects an even number of arguments (source, defaultValue, then key/value pairs), got ${call.args.length}`, call.pos);
    }
  },
  call(args) {
    const key = (i: number): string => {
      const v = args.value(i);
      if (v === null) return '';
      if (Array.isArray(v)) return args.fail('expression/type', `${i === 0 ? 'source' : 'key'} must be a single value, not ${typeName(v)}`, i);
      return stringForm(v as Exclude<Value, null | readonly Value[]>);
    };
    const source = key(0);
    for (let i = 2; i < args.length; i += 2) {
      if (key(i) === source) return args.value(i + 1);
    }
    return args.value(1);
  },
};
