/*
 * Split(source, delimiter) — "Splits a string into a multi-valued array, using the specified delimiter".
 * - white space around each element is trimmed, as the documented example shows
 *   ("PermissionSetOne, PermissionSetTwo" split on "," → ["PermissionSetOne", "PermissionSetTwo"])
 * - empty elements are kept ("a,,b" → ["a", "", "b"]); null → null; an empty delimiter → expression/value
 */
import type { FunctionDefinition } from './definition.ts';

export const Split: FunctionDefinition = {
  name: 'Split',
  signature: 'Split(source, delimiter)',
  minArgs: 2,
  maxArgs: 2,
  call(args) {
    const s = args.string(0, 'source');
    const delimiter = args.string(1, 'delimiter');
    if (s === null) return null;
    if (!delimiter) return args.fail('expression/value', 'delimiter must not be empty', 1);
    return s.split(delimiter).map((part) => part.trim());
  },
};
