/*
 * InStr(value1, value2, start, compareType) — "finds the first occurrence of a substring in a string": the
 * 1-based position of value2 in value1 at or after `start` (default 1), or 0 when absent.
 * - compareType: vbBinaryCompare (default, case-sensitive) or vbTextCompare (case-insensitive); the bare
 *   constants, their names as strings, and VBA's numbers 0/1 are accepted
 * - value1 null → null; value2 null → 0; start < 1 → expression/value
 */
import type { FunctionDefinition } from './definition.ts';

export const InStr: FunctionDefinition = {
  name: 'InStr',
  signature: 'InStr(value1, value2, start, compareType)',
  minArgs: 2,
  maxArgs: 4,
  call(args) {
    const haystack = args.string(0, 'value1');
    const needle = args.string(1, 'value2');
    const start = args.given(2) ? args.integer(2, 'start') : 1;
    let textCompare = false;
    if (args.given(3)) {
      const mode = args.value(3);
      if (mode === 'vbTextCompare' || mode === 1 || (typeof mode === 'string' && mode.toLowerCase() === 'vbtextcompare')) textCompare = true;
      else if (!(mode === 'vbBinaryCompare' || mode === 0 || (typeof mode === 'string' && mode.toLowerCase() === 'vbbinarycompare'))) {
        args.fail('expression/value', 'compareType must be vbBinaryCompare or vbTextCompare', 3);
      }
    }
    if (haystack === null) return null;
    if (needle === null) return 0;
    if (start === null || start < 1) return args.fail('expression/value', 'start must be 1 or more', 2);
    const h = textCompare ? haystack.toLowerCase() : haystack;
    const n = textCompare ? needle.toLowerCase() : needle;
    return h.indexOf(n, start - 1) + 1;
  },
};
