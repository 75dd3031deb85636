/*
 * Item(attribute, index) — "returns one item from a multi-valued string/attribute"; the index is 1-based
 * ("Item([proxyAddresses], 1) returns the first item … Index 0 shouldn't be used").
 * - a single value is a list of one; past the end → null; null attribute → null
 * - index < 1 → expression/value (at compile time when the index is a constant)
 */
import { ExpressionError } from '../errors.ts';
import type { FunctionDefinition } from './definition.ts';

export const Item: FunctionDefinition = {
  name: 'Item',
  signature: 'Item(attribute, index)',
  minArgs: 2,
  maxArgs: 2,
  check(call) {
    const index = call.args[1]!;
    if (index.kind === 'number' && index.value < 1) {
      throw new ExpressionError('expression/value', 'Item: index is 1-based; the first item is Item(attribute, 1)', index.pos);
    }
  },
  call(args) {
    const list = args.value(0);
    const index = args.integer(1, 'index');
    if (list === null || index === null) return null;
    if (index < 1) return args.fail('expression/value', 'index is 1-based; the first item is Item(attribute, 1)', 1);
    const items = Array.isArray(list) ? list : [list];
    return items[index - 1] ?? null;
  },
};
