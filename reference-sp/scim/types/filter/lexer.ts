/*
 * Filter lexer — RFC 7644 §3.4.2.2.
 *
 * - tokens: "(" ")" "[" "]", JSON strings (RFC 7159 escapes, §3.4.2.2 "compValue ... string"), JSON numbers,
 *   and words (attribute paths, operators, true/false/null); words are classified by the parser from context
 * - an attribute path word may hold a URN prefix (":"), sub-attribute dots and "$ref"
 * - every token keeps its 0-based offset so errors name the position
 * - anything else (unterminated string, stray character) → 400 invalidFilter naming the position
 * - a string literal whose escapes decode to a lone surrogate (`"\ud800"`) is not a string of characters
 *   (RFC 8259 §8.2) → 400 invalidFilter (invalidPath in a PATCH path) naming the position
 */
import { ScimError } from '../errors.ts';
import { isWellFormedText } from '../request-json.ts';

export type TokenKind = 'lparen' | 'rparen' | 'lbracket' | 'rbracket' | 'string' | 'number' | 'word' | 'dot' | 'eof';

export interface Token {
  readonly kind: TokenKind;
  readonly text: string;
  /** For string tokens: the decoded value; for numbers: the numeric value. */
  readonly value?: string | number;
  readonly pos: number;
}

const WORD_CHAR = /[A-Za-z0-9_:.$-]/;
const NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/;

export function tokenize(text: string, errorFor: (detail: string) => ScimError = ScimError.invalidFilter): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      i++;
      continue;
    }
    if (c === '(') {
      tokens.push({ kind: 'lparen', text: c, pos: i++ });
      continue;
    }
    if (c === ')') {
      tokens.push({ kind: 'rparen', text: c, pos: i++ });
      continue;
    }
    if (c === '[') {
      tokens.push({ kind: 'lbracket', text: c, pos: i++ });
      continue;
    }
    if (c === ']') {
      tokens.push({ kind: 'rbracket', text: c, pos: i++ });
      // `]`.subAttr (PATCH valuePath, §3.5.2): the dot belongs to no word
      if (text[i] === '.') tokens.push({ kind: 'dot', text: '.', pos: i++ });
      continue;
    }
    if (c === '"') {
      const start = i;
      i++;
      let closed = false;
      while (i < text.length) {
        const d = text[i]!;
        if (d === '\\') {
          i += 2;
          continue;
        }
        if (d === '"') {
          closed = true;
          i++;
          break;
        }
        i++;
      }
      if (!closed) throw errorFor(`unterminated string starting at position ${start}`);
      const raw = text.slice(start, i);
      let value: string;
      try {
        value = JSON.parse(raw) as string;
      } catch {
        throw errorFor(`invalid string literal at position ${start}`);
      }
      if (!isWellFormedText(value)) throw errorFor(`the string literal at position ${start} is not well-formed Unicode (a lone surrogate)`);
      tokens.push({ kind: 'string', text: raw, value, pos: start });
      continue;
    }
    if (c === '-' || (c >= '0' && c <= '9')) {
      const m = NUMBER.exec(text.slice(i));
      const after = m ? text[i + m[0].length] : undefined;
      if (m && (after === undefined || !WORD_CHAR.test(after) || after === ':')) {
        tokens.push({ kind: 'number', text: m[0], value: Number(m[0]), pos: i });
        i += m[0].length;
        continue;
      }
    }
    if (WORD_CHAR.test(c)) {
      const start = i;
      while (i < text.length && WORD_CHAR.test(text[i]!)) i++;
      tokens.push({ kind: 'word', text: text.slice(start, i), pos: start });
      continue;
    }
    throw errorFor(`unexpected character '${c}' at position ${i}`);
  }
  tokens.push({ kind: 'eof', text: '', pos: text.length });
  return tokens;
}
