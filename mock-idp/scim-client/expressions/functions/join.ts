/*
 * Join(separator, source1, source2, …) — combines the source values into one string separated by `separator`;
 * "If one of the source values is a multi-value attribute, then every value in that attribute is joined".
 * - null and empty values are left out, so no doubled separators (documented: Join(", ", "", [surname],
 *   [givenName]) → "Doe, John"); numbers and booleans are converted (Join("", 1000, …))
 * - a null separator is ""; when nothing is left the result is ""
 */
import { stringForm, type Value } from '../values.ts';
import type { FunctionDefinition } from './definition.ts';

export const Join: FunctionDefinition = {
  name: 'Join',
  signature: 'Join(separator, source1, source2, …)',
  minArgs: 2,
  maxArgs: Infinity,
  call(args) {
    const separator = args.string(0, 'separator') ?? '';
    const parts: string[] = [];
    const add = (v: Value): void => {
      if (Array.isArray(v)) v.forEach(add);
      else if (v !== null) {
        const s = stringForm(v as Exclude<Value, null | readonly Value[]>);
        if (s !== '') parts.push(s);
      }
    };
    for (let i = 1; i < args.length; i++) add(args.value(i));
    return parts.join(separator);
  },
};
