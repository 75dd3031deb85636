/*
 * Count(attribute) — "returns the number of elements in a multi-valued attribute".
 * - null → 0; a single value counts as one element
 */
import type { FunctionDefinition } from './definition.ts';

export const Count: FunctionDefinition = {
  name: 'Count',
  signature: 'Count(attribute)',
  minArgs: 1,
  maxArgs: 1,
  call(args) {
    const v = args.value(0);
    if (v === null) return 0;
    return Array.isArray(v) ? v.length : 1;
  },
};
