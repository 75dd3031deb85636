/*
 * Append(source, suffix) — "Takes a source string value and appends the suffix to the end of it."
 * - a null source or suffix counts as "" (.NET string concatenation); both null → null
 */
import type { FunctionDefinition } from './definition.ts';

export const Append: FunctionDefinition = {
  name: 'Append',
  signature: 'Append(source, suffix)',
  minArgs: 2,
  maxArgs: 2,
  call(args) {
    const source = args.string(0, 'source');
    const suffix = args.string(1, 'suffix');
    if (source === null && suffix === null) return null;
    return (source ?? '') + (suffix ?? '');
  },
};
