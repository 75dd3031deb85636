/*
 * NormalizeDiacritics(source) — "Returns the string, but with any diacritical characters replaced with equivalent
 * nondiacritical characters", per the documented table:
 * - letters the table maps to two letters or to an unrelated base: æ ǣ → ae, ø ø̄ œ̄ → oe, ß → ss, ł → l, ı → i
 *   (and their capitals: Æ Ǣ → AE, Ø Ø̄ Œ̄ → OE, Ł → L)
 * - every other listed letter is a Latin letter plus combining marks (ä, ą, ǟ, ḗ, a̱…): decompose (NFD), drop the
 *   combining diacritical marks U+0300–U+036F, recompose — so other scripts (e.g. Japanese voicing marks) are kept
 * - null → null
 */
import type { FunctionDefinition } from './definition.ts';

const SPECIAL: Record<string, string> = {
  æ: 'ae',
  ǣ: 'ae',
  Æ: 'AE',
  Ǣ: 'AE',
  ø: 'oe',
  Ø: 'OE',
  œ: 'oe',
  Œ: 'OE',
  ß: 'ss',
  ł: 'l',
  Ł: 'L',
  ı: 'i',
};

export function normalizeDiacritics(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[æǣÆǢøØœŒßłŁı]/g, (c) => SPECIAL[c]!)
    .replace(/([A-Za-z])[\u0300-\u036f]+/g, '$1')
    .normalize('NFC');
}

export const NormalizeDiacritics: FunctionDefinition = {
  name: 'NormalizeDiacritics',
  signature: 'NormalizeDiacritics(source)',
  minArgs: 1,
  maxArgs: 1,
  call(args) {
    const s = args.string(0, 'source');
    return s === null ? null : normalizeDiacritics(s);
  },
};
