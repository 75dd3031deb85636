/*
 * Recursive-descent parser.
 *   expression := comparison EOF
 *   comparison := operand ( ("=" | "<>" | "<" | "<=" | ">" | ">=") operand )?
 *   operand    := attribute | string | ["-"] number | True | False | vbBinaryCompare | vbTextCompare | call
 *   call       := identifier "(" [ argument ( "," argument )* ] ")"
 *   argument   := comparison | ε          (an omitted argument, e.g. `Switch([a], , "k", "v")`)
 * Comparisons are what IIF's condition documents ("Equal to (=) and not equal to (<>)…"); they are not chained and
 * there is no AND/OR ("The IIF function currently doesn't support AND and OR logical operators").
 */
import type { ComparisonOperator, Node } from './ast.ts';
import { ExpressionError } from './errors.ts';
import { tokenize, type LexOptions, type Token } from './lexer.ts';

/** Deeper nesting than any real mapping; refusing it keeps a hostile expression from overflowing the stack. */
const MAX_DEPTH = 100;

const COMPARE_MODES = { vbbinarycompare: 'vbBinaryCompare', vbtextcompare: 'vbTextCompare' } as const;

export function parse(text: string, options: LexOptions = {}): Node {
  const tokens = tokenize(text, options);
  let at = 0;
  let depth = 0;
  const peek = (): Token => tokens[at]!;
  const next = (): Token => tokens[at++]!;
  const describe = (t: Token): string => (t.kind === 'eof' ? 'the end of the expression' : `"${text.slice(t.pos, t.end)}"`);

  function comparison(): Node {
    const left = operand();
    const t = peek();
    if (t.kind !== 'operator') return left;
    next();
    const right = operand();
    const op: ComparisonOperator = t.op;
    if (peek().kind === 'operator') {
      throw new ExpressionError('expression/syntax', 'comparisons cannot be chained', peek().pos);
    }
    return { kind: 'comparison', op, left, right, pos: left.pos, end: right.end };
  }

  function operand(): Node {
    const t = next();
    switch (t.kind) {
      case 'attribute':
        return { kind: 'attribute', name: t.name, pos: t.pos, end: t.end };
      case 'string':
        return { kind: 'string', value: t.value, pos: t.pos, end: t.end };
      case 'number':
        return { kind: 'number', value: t.value, pos: t.pos, end: t.end };
      case '-': {
        const n = next();
        if (n.kind !== 'number') {
          throw new ExpressionError('expression/syntax', `expected a number after "-", found ${describe(n)}`, n.pos);
        }
        return { kind: 'number', value: -n.value, pos: t.pos, end: n.end };
      }
      case 'identifier':
        return identifier(t);
      default:
        throw new ExpressionError('expression/syntax', `expected an attribute, a string, a number or a function call, found ${describe(t)}`, t.pos);
    }
  }

  function identifier(t: Extract<Token, { kind: 'identifier' }>): Node {
    if (peek().kind !== '(') {
      const lower = t.name.toLowerCase();
      if (lower === 'true' || lower === 'false') return { kind: 'boolean', value: lower === 'true', pos: t.pos, end: t.end };
      if (lower in COMPARE_MODES) {
        const value = COMPARE_MODES[lower as keyof typeof COMPARE_MODES];
        return { kind: 'compare-mode', value, pos: t.pos, end: t.end };
      }
      throw new ExpressionError('expression/syntax', `"${t.name}" is neither a function call, an attribute ([${t.name}]) nor a string ("${t.name}")`, t.pos);
    }
    next(); // (
    if (++depth > MAX_DEPTH) {
      throw new ExpressionError('expression/syntax', `calls are nested more than ${MAX_DEPTH} deep`, t.pos);
    }
    const args: Node[] = [];
    if (peek().kind === ')') {
      const close = next();
      depth--;
      return { kind: 'call', name: t.name, args, pos: t.pos, end: close.end };
    }
    for (;;) {
      const p = peek();
      if (p.kind === ',' || p.kind === ')') args.push({ kind: 'empty', pos: p.pos, end: p.pos });
      else args.push(comparison());
      const sep = next();
      if (sep.kind === ')') {
        depth--;
        return { kind: 'call', name: t.name, args, pos: t.pos, end: sep.end };
      }
      if (sep.kind !== ',') {
        throw new ExpressionError(
          'expression/syntax',
          sep.kind === 'eof' ? `"${t.name}(" is not closed with ")"` : `expected "," or ")" in the arguments of ${t.name}, found ${describe(sep)}`,
          sep.kind === 'eof' ? t.pos : sep.pos,
        );
      }
    }
  }

  const root = comparison();
  const rest = peek();
  if (rest.kind !== 'eof') {
    throw new ExpressionError('expression/syntax', `unexpected ${describe(rest)} after a complete expression`, rest.pos);
  }
  return root;
}
