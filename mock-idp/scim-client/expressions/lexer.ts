/*
 * Lexer for Entra attribute-mapping expressions.
 * - `[name]` is one attribute token; the name is everything up to `]` (extension_<appId>_<name> included), trimmed
 * - string constants are double-quoted; `\"` and `\\` are the documented escapes ("For string constants, if you need
 *   a backslash or quotation mark, it must be escaped with the backslash"); a doubled `""` inside a string is also
 *   read as one quote (VBA style); any other backslash is kept as written, so regex patterns like "\d" survive
 * - typographic quotes “…” (as vendor guides print them after a word processor) delimit strings too, unless the
 *   caller asks for strict quotes
 * - numbers: decimal (`7`, `-10` via the minus token, `1.5`) and VBA hex (`&HF7`)
 * - identifiers: function names, True/False, vbBinaryCompare/vbTextCompare
 * - comparison operators for IIF conditions: = <> < <= > >=
 */
import { ExpressionError } from './errors.ts';

export type Token =
  | { kind: 'attribute'; name: string; pos: number; end: number }
  | { kind: 'string'; value: string; pos: number; end: number }
  | { kind: 'number'; value: number; pos: number; end: number }
  | { kind: 'identifier'; name: string; pos: number; end: number }
  | { kind: '(' | ')' | ',' | '-' | 'eof'; pos: number; end: number }
  | { kind: 'operator'; op: '=' | '<>' | '<' | '<=' | '>' | '>='; pos: number; end: number };

export interface LexOptions {
  /** Reject typographic quotes (“ ” „) instead of reading them as string delimiters. */
  readonly strictQuotes?: boolean;
}

const TYPOGRAPHIC_QUOTES = new Set(['\u201C', '\u201D', '\u201E']);

export function tokenize(text: string, options: LexOptions = {}): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    const start = i;
    if (c === '[') {
      const close = text.indexOf(']', i + 1);
      const open = text.indexOf('[', i + 1);
      if (close < 0 || (open >= 0 && open < close)) {
        throw new ExpressionError('expression/syntax', 'attribute reference "[" is not closed with "]"', start);
      }
      const name = text.slice(i + 1, close).trim();
      if (!name) throw new ExpressionError('expression/syntax', 'empty attribute reference "[]"', start);
      tokens.push({ kind: 'attribute', name, pos: start, end: close + 1 });
      i = close + 1;
      continue;
    }
    if (c === '"' || TYPOGRAPHIC_QUOTES.has(c)) {
      if (c !== '"' && options.strictQuotes) {
        throw new ExpressionError('expression/syntax', `typographic quote ${c} is not a string delimiter; use a straight double quote (")`, start);
      }
      const closes = c === '"' ? (ch: string) => ch === '"' : (ch: string) => TYPOGRAPHIC_QUOTES.has(ch);
      let value = '';
      i++;
      for (;;) {
        if (i >= text.length) throw new ExpressionError('expression/syntax', 'string constant is not closed', start);
        const ch = text[i]!;
        if (ch === '\\' && (text[i + 1] === '"' || text[i + 1] === '\\')) {
          value += text[i + 1];
          i += 2;
        } else if (closes(ch)) {
          if (c === '"' && text[i + 1] === '"') {
            value += '"';
            i += 2;
          } else {
            i++;
            break;
          }
        } else {
          value += ch;
          i++;
        }
      }
      tokens.push({ kind: 'string', value, pos: start, end: i });
      continue;
    }
    if (/[0-9]/.test(c)) {
      const m = /^[0-9]+(\.[0-9]+)?/.exec(text.slice(i))!;
      i += m[0].length;
      if (/[A-Za-z_]/.test(text[i] ?? '')) {
        throw new ExpressionError('expression/syntax', `malformed number "${text.slice(start, i + 1)}"`, start);
      }
      tokens.push({ kind: 'number', value: Number(m[0]), pos: start, end: i });
      continue;
    }
    if (c === '&' && /[Hh]/.test(text[i + 1] ?? '')) {
      const m = /^&[Hh]([0-9A-Fa-f]+)/.exec(text.slice(i));
      if (!m) throw new ExpressionError('expression/syntax', 'hexadecimal constant "&H" has no digits', start);
      i += m[0].length;
      tokens.push({ kind: 'number', value: parseInt(m[1]!, 16), pos: start, end: i });
      continue;
    }
    if (/[A-Za-z_]/.test(c)) {
      const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(i))!;
      i += m[0].length;
      tokens.push({ kind: 'identifier', name: m[0], pos: start, end: i });
      continue;
    }
    if (c === '(' || c === ')' || c === ',' || c === '-') {
      tokens.push({ kind: c, pos: start, end: ++i });
      continue;
    }
    if (c === '<' || c === '>' || c === '=') {
      const two = text.slice(i, i + 2);
      const op = two === '<>' || two === '<=' || two === '>=' ? two : c;
      i += op.length;
      tokens.push({ kind: 'operator', op: op as '=' | '<>' | '<' | '<=' | '>' | '>=', pos: start, end: i });
      continue;
    }
    throw new ExpressionError('expression/syntax', `unexpected character "${c}"`, start);
  }
  tokens.push({ kind: 'eof', pos: text.length, end: text.length });
  return tokens;
}
