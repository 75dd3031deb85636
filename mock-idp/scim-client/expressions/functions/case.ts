/*
 * ToLower(source, culture) / ToUpper(source, culture) — case conversion "using the culture rules that are
 * specified. If there's no culture info specified, then it uses Invariant culture."
 * - culture is an RFC 4646 name such as "tr-TR"; an unknown one is expression/value; null source → null
 */
import type { Args } from '../runtime.ts';
import type { FunctionDefinition } from './definition.ts';

function convert(args: Args, upper: boolean): string | null {
  const s = args.string(0, 'source');
  const culture = args.given(1) ? args.string(1, 'culture') : null;
  if (s === null) return null;
  if (!culture) return upper ? s.toUpperCase() : s.toLowerCase();
  try {
    return upper ? s.toLocaleUpperCase(culture) : s.toLocaleLowerCase(culture);
  } catch {
    return args.fail('expression/value', `unknown culture "${culture}"`, 1);
  }
}

export const ToLower: FunctionDefinition = {
  name: 'ToLower',
  signature: 'ToLower(source, culture)',
  minArgs: 1,
  maxArgs: 2,
  call: (args) => convert(args, false),
};

export const ToUpper: FunctionDefinition = {
  name: 'ToUpper',
  signature: 'ToUpper(source, culture)',
  minArgs: 1,
  maxArgs: 2,
  call: (args) => convert(args, true),
};
