/*
 * RemoveDuplicates(attribute) — "takes a multi-valued string and make sure each value is unique".
 * - keeps the first occurrence and the order; comparison is exact (case-sensitive); a single value or null is
 *   returned as it is
 */
import { stringForm, type Value } from '../values.ts';
import type { FunctionDefinition } from './definition.ts';

export const RemoveDuplicates: FunctionDefinition = {
  name: 'RemoveDuplicates',
  signature: 'RemoveDuplicates(attribute)',
  minArgs: 1,
  maxArgs: 1,
  call(args) {
    const v = args.value(0);
    if (!Array.isArray(v)) return v;
    const seen = new Set<string>();
    return (v as readonly Value[]).filter((item) => {
      const key = item === null || Array.isArray(item) ? JSON.stringify(item) : `${typeof item}:${stringForm(item as Exclude<Value, null | readonly Value[]>)}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  },
};
