/*
 * Word(String, WordNumber, Delimiters) — the WordNumber-th word, words being runs of characters separated by any
 * one of the characters in Delimiters. Documented edge cases: number < 1 → ""; string null → ""; fewer words → "".
 * Consecutive delimiters do not make empty words.
 */
import type { FunctionDefinition } from './definition.ts';

export const Word: FunctionDefinition = {
  name: 'Word',
  signature: 'Word(String, WordNumber, Delimiters)',
  minArgs: 3,
  maxArgs: 3,
  call(args) {
    const s = args.string(0, 'String');
    const n = args.integer(1, 'WordNumber');
    const delimiters = args.string(2, 'Delimiters') ?? '';
    if (s === null || n === null || n < 1) return '';
    const words: string[] = [];
    let current = '';
    for (const c of s) {
      if (delimiters.includes(c)) {
        if (current) words.push(current);
        current = '';
      } else current += c;
    }
    if (current) words.push(current);
    return words[n - 1] ?? '';
  },
};
