/*
 * Left(String, NumChars) — the first NumChars characters. Documented edge cases: NumChars = 0 → ""; NumChars < 0
 *   → the input; string null → ""; shorter string → the whole string.
 * Mid(source, start, length) — the substring from the 1-based `start`, `length` characters long; "If length ends
 *   outside the source string, function returns substring from start index until end of source string".
 *   source null → null; start past the end → ""; start < 1 or length < 0 → expression/value.
 * Characters are UTF-16 code units, as .NET strings count them.
 */
import type { FunctionDefinition } from './definition.ts';

export const Left: FunctionDefinition = {
  name: 'Left',
  signature: 'Left(String, NumChars)',
  minArgs: 2,
  maxArgs: 2,
  call(args) {
    const s = args.string(0, 'String');
    const n = args.integer(1, 'NumChars');
    if (s === null) return '';
    if (n === null || n < 0) return s;
    return s.slice(0, n);
  },
};

export const Mid: FunctionDefinition = {
  name: 'Mid',
  signature: 'Mid(source, start, length)',
  minArgs: 3,
  maxArgs: 3,
  call(args) {
    const s = args.string(0, 'source');
    const start = args.integer(1, 'start');
    const length = args.integer(2, 'length');
    if (s === null || start === null || length === null) return null;
    if (start < 1) return args.fail('expression/value', 'start is 1-based and must be 1 or more', 1);
    if (length < 0) return args.fail('expression/value', 'length must not be negative', 2);
    return s.slice(start - 1, start - 1 + length);
  },
};
