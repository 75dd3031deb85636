/*
 * The comparison operators of IIF's condition (and of CBool's argument): = <> < <= > >=.
 * - numbers, and strings that are numbers, compare numerically (DateDiff(…) > 5)
 * - two DateTimes compare as instants
 * - everything else compares as strings, ordinally and case-sensitively (booleans as "True"/"False"), like Switch
 * - null compares as the empty string; multi-valued attributes cannot be compared
 */
import type { ComparisonOperator, Node } from './ast.ts';
import { ExpressionError } from './errors.ts';
import { DateTimeValue, stringForm, typeName, type Value } from './values.ts';

const NUMERIC = /^\s*[+-]?(\d+(\.\d*)?|\.\d+)\s*$/;

function asNumber(v: Value): number | undefined {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && NUMERIC.test(v)) return Number(v);
  return undefined;
}

export function compare(op: ComparisonOperator, left: Value, right: Value, node: Node): boolean {
  for (const v of [left, right]) {
    if (Array.isArray(v)) {
      throw new ExpressionError('expression/type', `cannot compare ${typeName(v)} with "${op}"`, node.pos);
    }
  }
  let order: number;
  const ln = asNumber(left);
  const rn = asNumber(right);
  if (ln !== undefined && rn !== undefined) order = Math.sign(ln - rn);
  else if (left instanceof DateTimeValue && right instanceof DateTimeValue) order = Math.sign(left.ms - right.ms);
  else {
    const ls = left === null ? '' : stringForm(left as Exclude<Value, null | readonly Value[]>);
    const rs = right === null ? '' : stringForm(right as Exclude<Value, null | readonly Value[]>);
    order = ls === rs ? 0 : ls < rs ? -1 : 1;
  }
  switch (op) {
    case '=':
      return order === 0;
    case '<>':
      return order !== 0;
    case '<':
      return order < 0;
    case '<=':
      return order <= 0;
    case '>':
      return order > 0;
    case '>=':
      return order >= 0;
  }
}
