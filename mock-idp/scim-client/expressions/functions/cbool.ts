/*
 * CBool(expression) — "If the expression evaluates to a non-zero value, then CBool returns True, else False."
 * - booleans stay; numbers: non-zero → True; strings "True"/"False" (any case) or numeric; null → False
 * - anything else is expression/type
 */
import type { FunctionDefinition } from './definition.ts';

export const CBool: FunctionDefinition = {
  name: 'CBool',
  signature: 'CBool(expression)',
  minArgs: 1,
  maxArgs: 1,
  call(args) {
    return args.boolean(0, 'expression') ?? false;
  },
};
