/*
 * BitAnd(value1, value2) — bitwise AND of two numbers: "returns 0 in all cases except when the corresponding bits
 * of both parameters are 1". Integers (64-bit, two's complement); numeric strings are accepted; null → null.
 */
import type { FunctionDefinition } from './definition.ts';

export const BitAnd: FunctionDefinition = {
  name: 'BitAnd',
  signature: 'BitAnd(value1, value2)',
  minArgs: 2,
  maxArgs: 2,
  call(args) {
    const a = args.integer(0, 'value1');
    const b = args.integer(1, 'value2');
    if (a === null || b === null) return null;
    return Number(BigInt.asIntN(64, BigInt(a) & BigInt(b)));
  },
};
