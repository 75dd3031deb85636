/*
 * Filter parser — RFC 7644 §3.4.2.2.
 *
 * - the whole ABNF of Figure 1: attrExp (pr and the nine compareOps), logExp (and/or), "not" "(" FILTER ")",
 *   parentheses, valuePath `attr[valFilter]`, sub-attributes, URN-qualified attribute paths
 * - precedence per §3.4.2.2 Table 4 / "grouping operators": not binds tighter than and, and tighter than or;
 *   and/or are left-associative
 * - operators and true/false/null are case-insensitive (§3.4.2.2: "Attribute names and attribute operators used
 *   in filters are case insensitive"; ABNF literals are case-insensitive, RFC 5234 §2.3)
 * - a valFilter may not itself contain a valuePath (Figure 1: valFilter = attrExp / logExp / not(valFilter))
 * - every failure is 400 invalidFilter naming the position (0-based character offset)
 * - `attr[valFilter].subAttr op value` is not in the ABNF (a sub-attribute after "]" is a PATCH path form,
 *   §3.5.2) but Microsoft's tooling sends it in filters (`emails[type eq "work"].value eq "x"`): strict → 400
 *   invalidFilter; lenient (options.mode) → read as `attr[valFilter and subAttr op value]` (the same meaning:
 *   one value of attr satisfies both) and recorded as lenient/value-path-sub-attribute-filter
 * - nesting deeper than MAX_DEPTH or more than MAX_NODES expressions → 400 invalidFilter: bad input gets a
 *   precise error, never a stack overflow (a 500)
 */
import { MAX_FILTER_DEPTH, MAX_FILTER_NODES } from '../../limits.ts';
import { ScimError } from '../errors.ts';
import { COMPARE_OPS, formatFilter, type AttrPath, type CompareOp, type CompValue, type FilterNode } from './ast.ts';
import { tokenize, type Token } from './lexer.ts';
import type { ToleranceLog, ValidationMode } from '../tolerance.ts';

export interface FilterParseOptions {
  /** Default strict. Lenient accepts what Microsoft's tooling sends (see above) and records it in `tolerances`. */
  readonly mode?: ValidationMode | undefined;
  readonly tolerances?: ToleranceLog | undefined;
}

const ATTRNAME = /^\$?[A-Za-z][A-Za-z0-9_-]*$/;

/** ../../limits.ts: MAX_FILTER_DEPTH, MAX_FILTER_NODES. */
export const MAX_DEPTH = MAX_FILTER_DEPTH;
export const MAX_NODES = MAX_FILTER_NODES;

/** Parses `[URI ":"] ATTRNAME *1subAttr`; `fail` builds the error (invalidFilter or invalidPath). */
export function parseAttrPath(word: string, fail: (detail: string) => ScimError, pos = 0): AttrPath {
  let schema: string | undefined;
  let rest = word;
  const colon = word.lastIndexOf(':');
  if (colon >= 0) {
    schema = word.slice(0, colon);
    rest = word.slice(colon + 1);
    if (!/^urn:/i.test(schema)) throw fail(`'${word}' at position ${pos} is not an attribute path: a schema prefix must be a URN`);
  }
  const parts = rest.split('.');
  if (parts.length > 2 || !parts.every((p) => ATTRNAME.test(p))) {
    throw fail(`'${word}' at position ${pos} is not an attribute path (ATTRNAME *1subAttr)`);
  }
  const path: { schema?: string; attribute: string; subAttribute?: string } = { attribute: parts[0]! };
  if (schema !== undefined) path.schema = schema;
  if (parts[1] !== undefined) path.subAttribute = parts[1];
  return path;
}

/** A cursor over the token list shared by the filter and PATCH-path parsers. */
export class TokenCursor {
  private i = 0;
  /** Current parenthesis / not nesting, and nodes built so far: bounded so hostile input cannot blow the stack. */
  depth = 0;
  nodes = 0;
  /** Set for lenient filter parsing: where acceptances of non-ABNF input are recorded. */
  lenient: ToleranceLog | undefined;
  constructor(
    readonly tokens: Token[],
    readonly fail: (detail: string) => ScimError,
  ) {}
  peek(offset = 0): Token {
    return this.tokens[Math.min(this.i + offset, this.tokens.length - 1)]!;
  }
  next(): Token {
    const t = this.peek();
    if (t.kind !== 'eof') this.i++;
    return t;
  }
  isWord(t: Token, w: string): boolean {
    return t.kind === 'word' && t.text.toLowerCase() === w;
  }
  expect(kind: Token['kind'], what: string): Token {
    const t = this.next();
    if (t.kind !== kind) throw this.fail(`expected ${what} at position ${t.pos} but found ${describe(t)}`);
    return t;
  }
}

export function describe(t: Token): string {
  return t.kind === 'eof' ? 'the end of the filter' : `'${t.text}'`;
}

/** Parses a whole filter; the text must be consumed entirely. */
export function parseFilter(text: string, options: FilterParseOptions = {}): FilterNode {
  if (typeof text !== 'string' || text.trim() === '') throw ScimError.invalidFilter('the filter is empty');
  const cur = new TokenCursor(tokenize(text, ScimError.invalidFilter), ScimError.invalidFilter);
  if (options.mode === 'lenient') {
    if (!options.tolerances) throw new TypeError('parseFilter: lenient mode needs a ToleranceLog');
    cur.lenient = options.tolerances;
  }
  const node = parseOr(cur, false);
  const end = cur.peek();
  if (end.kind !== 'eof') throw cur.fail(`unexpected ${describe(end)} at position ${end.pos}`);
  return node;
}

/** Parses a valFilter from inside brackets (used by the PATCH path parser); stops before "]". */
export function parseValFilter(cur: TokenCursor): FilterNode {
  return parseOr(cur, true);
}

function parseOr(cur: TokenCursor, inValuePath: boolean): FilterNode {
  let left = parseAnd(cur, inValuePath);
  while (cur.isWord(cur.peek(), 'or')) {
    cur.next();
    left = { kind: 'or', left, right: parseAnd(cur, inValuePath) };
  }
  return left;
}

function parseAnd(cur: TokenCursor, inValuePath: boolean): FilterNode {
  let left = parseUnary(cur, inValuePath);
  while (cur.isWord(cur.peek(), 'and')) {
    cur.next();
    left = { kind: 'and', left, right: parseUnary(cur, inValuePath) };
  }
  return left;
}

function parseUnary(cur: TokenCursor, inValuePath: boolean): FilterNode {
  const t = cur.peek();
  if (++cur.nodes > MAX_NODES) throw cur.fail(`the filter has more than ${MAX_NODES} expressions (position ${t.pos})`);
  if (t.kind === 'lparen' || cur.isWord(t, 'not')) {
    if (cur.depth >= MAX_DEPTH) throw cur.fail(`the filter nests deeper than ${MAX_DEPTH} levels (position ${t.pos})`);
    cur.depth++;
    try {
      return parseGroup(cur, inValuePath);
    } finally {
      cur.depth--;
    }
  }
  return parseAttrOrValuePath(cur, inValuePath);
}

function parseGroup(cur: TokenCursor, inValuePath: boolean): FilterNode {
  const t = cur.peek();
  if (cur.isWord(t, 'not')) {
    cur.next();
    cur.expect('lparen', `'(' after 'not'`);
    const operand = parseOr(cur, inValuePath);
    cur.expect('rparen', `')' closing 'not ('`);
    return { kind: 'not', operand };
  }
  if (t.kind === 'lparen') {
    cur.next();
    const inner = parseOr(cur, inValuePath);
    cur.expect('rparen', `')'`);
    return inner;
  }
  throw cur.fail(`unexpected ${describe(t)} at position ${t.pos}`);
}

function parseAttrOrValuePath(cur: TokenCursor, inValuePath: boolean): FilterNode {
  const t = cur.peek();
  if (t.kind !== 'word') throw cur.fail(`expected an attribute path, 'not' or '(' at position ${t.pos} but found ${describe(t)}`);
  cur.next();
  const path = parseAttrPath(t.text, cur.fail, t.pos);
  const after = cur.peek();
  if (after.kind === 'lbracket') {
    if (inValuePath) throw cur.fail(`a value filter cannot nest another '[' (position ${after.pos})`);
    if (path.subAttribute !== undefined) throw cur.fail(`'[' at position ${after.pos} must follow an attribute, not a sub-attribute`);
    cur.next();
    const filter = parseOr(cur, true);
    cur.expect('rbracket', `']' closing the value filter`);
    const dot = cur.peek();
    if (dot.kind === 'dot') {
      if (!cur.lenient) throw cur.fail(`'].' at position ${dot.pos} is only allowed in a PATCH path, not in a filter`);
      return subAttributeAfterValuePath(cur, path, filter);
    }
    return { kind: 'valuePath', path, filter };
  }
  return parseAttrExp(cur, path);
}

/**
 * Lenient only: `attr[filter].sub op value` (or `.sub pr`) → `attr[filter and sub op value]`. The cursor is on
 * the dot; `sub` must be a plain ATTRNAME (no URN, no further dot).
 */
function subAttributeAfterValuePath(cur: TokenCursor, path: AttrPath, filter: FilterNode): FilterNode {
  const dot = cur.next();
  const word = cur.next();
  if (word.kind !== 'word' || !ATTRNAME.test(word.text)) {
    throw cur.fail(`expected a sub-attribute name after '].' at position ${dot.pos + 1} but found ${describe(word)}`);
  }
  const tail = parseAttrExp(cur, { attribute: word.text });
  const node: FilterNode = { kind: 'valuePath', path, filter: { kind: 'and', left: filter, right: tail } };
  cur.lenient!.add(
    'lenient/value-path-sub-attribute-filter',
    `read the filter '${formatFilter({ kind: 'valuePath', path, filter })}.${word.text} …' as '${formatFilter(node)}' (RFC 7644 §3.4.2.2 has no sub-attribute after ']')`,
  );
  return node;
}

function parseAttrExp(cur: TokenCursor, path: AttrPath): FilterNode {
  const opTok = cur.next();
  if (opTok.kind !== 'word') throw cur.fail(`expected an operator at position ${opTok.pos} but found ${describe(opTok)}`);
  const op = opTok.text.toLowerCase();
  if (op === 'pr') return { kind: 'present', path };
  if (!(COMPARE_OPS as readonly string[]).includes(op)) {
    throw cur.fail(`unknown operator '${opTok.text}' at position ${opTok.pos}`);
  }
  const value = parseCompValue(cur);
  return { kind: 'compare', path, op: op as CompareOp, value };
}

function parseCompValue(cur: TokenCursor): CompValue {
  const t = cur.next();
  if (t.kind === 'string' || t.kind === 'number') return t.value!;
  if (t.kind === 'word') {
    const w = t.text.toLowerCase();
    if (w === 'true') return true;
    if (w === 'false') return false;
    if (w === 'null') return null;
  }
  throw cur.fail(`expected a value (string, number, true, false or null) at position ${t.pos} but found ${describe(t)}`);
}
