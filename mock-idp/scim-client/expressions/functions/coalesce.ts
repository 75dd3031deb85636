/*
 * Coalesce(source1, source2, …, defaultValue) — "Returns the first source value that isn't NULL. If all arguments
 * are NULL and defaultValue is present, the defaultValue is returned"; otherwise NULL.
 * - only null is skipped (an empty string is a value); arguments after the first non-null are not evaluated
 */
import type { FunctionDefinition } from './definition.ts';

export const Coalesce: FunctionDefinition = {
  name: 'Coalesce',
  signature: 'Coalesce(source1, source2, …, defaultValue)',
  minArgs: 1,
  maxArgs: Infinity,
  call(args) {
    for (let i = 0; i < args.length; i++) {
      const v = args.value(i);
      if (v !== null) return v;
    }
    return null;
  },
};
