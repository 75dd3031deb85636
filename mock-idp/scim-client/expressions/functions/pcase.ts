/*
 * PCase(source, wordSeparators) — "converts the first character of each word in a string to upper case, and all
 * other characters are converted to lower case".
 * - without wordSeparators, words are split like .NET's ToTitleCase: every character that is not a letter, a mark
 *   or a digit (spaces, control characters, punctuation of all kinds, symbols) separates words
 * - with wordSeparators, only those characters separate words ("PINTO-DE'SILVA" with " '-" → "Pinto-De'Silva")
 * - all-capital words are lower-cased too (documented: "PABLO GONSALVES (SECOND)" → "Pablo Gonsalves (Second)");
 *   null → null
 */
import type { FunctionDefinition } from './definition.ts';

const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;

export const PCase: FunctionDefinition = {
  name: 'PCase',
  signature: 'PCase(source, wordSeparators)',
  minArgs: 1,
  maxArgs: 2,
  call(args) {
    const s = args.string(0, 'source');
    const separators = args.given(1) ? args.string(1, 'wordSeparators') : null;
    if (s === null) return null;
    const separates = separators !== null ? (c: string) => separators.includes(c) : (c: string) => !WORD_CHAR.test(c);
    let out = '';
    let atWordStart = true;
    for (const c of s) {
      if (separates(c)) {
        out += c;
        atWordStart = true;
      } else {
        out += atWordStart ? c.toUpperCase() : c.toLowerCase();
        atWordStart = false;
      }
    }
    return out;
  },
};
