/*
 * PATCH path grammar — RFC 7644 §3.5.2 (Figure 1 of §3.5.2):
 *
 *   PATH = attrPath / valuePath [subAttr]
 *
 * - `attrPath`: `title`, `name.familyName`, URN-qualified `urn:…:enterprise:2.0:User:manager.value`
 * - `valuePath`: `emails[type eq "work"]`, `members[value eq "2819c223"]`, optionally followed by `.subAttr`
 *   (`emails[type eq "work"].value`)
 * - a path that is structurally wrong → 400 invalidPath; a wrong filter inside "[...]" → 400 invalidFilter
 *   (§3.12 Table 9 lists invalidFilter for "PATCH (Path Filter)")
 * - a path naming a whole extension (`urn:…:enterprise:2.0:User`) parses as schema `urn:…:2.0` + attribute
 *   `User`; SchemaRegistry.extensionNamedBy() recognises it
 */
import { ScimError } from './errors.ts';
import { formatAttrPath, formatFilter, type AttrPath, type FilterNode } from './filter/ast.ts';
import { tokenize, type Token } from './filter/lexer.ts';
import { describe, parseAttrPath, parseValFilter, TokenCursor } from './filter/parser.ts';

export interface PatchPath {
  /** The attribute (with sub-attribute when there is no value filter). */
  readonly attrPath: AttrPath;
  /** The value filter of a valuePath: `emails[type eq "work"]`. */
  readonly filter?: FilterNode;
  /** The sub-attribute after a value filter: `emails[type eq "work"].value` → `value`. */
  readonly subAttribute?: string;
}

const ATTRNAME = /^\$?[A-Za-z][A-Za-z0-9_-]*$/;

export function parsePath(text: string): PatchPath {
  if (typeof text !== 'string' || text.trim() === '') throw ScimError.invalidPath('the path is empty');
  const tokens = tokenize(text, ScimError.invalidPath);
  const cur = new TokenCursor(tokens, ScimError.invalidPath);
  const first = cur.next();
  if (first.kind !== 'word') throw ScimError.invalidPath(`expected an attribute path at position ${first.pos} but found ${describe(first)}`);
  const attrPath = parseAttrPath(first.text, ScimError.invalidPath, first.pos);
  const t = cur.next();
  if (t.kind === 'eof') return { attrPath };
  if (t.kind !== 'lbracket') throw ScimError.invalidPath(`unexpected ${describe(t)} at position ${t.pos}`);
  if (attrPath.subAttribute !== undefined) throw ScimError.invalidPath(`'[' at position ${t.pos} must follow an attribute, not a sub-attribute`);
  // the value filter: tokens up to the matching ']' (a valFilter has no brackets of its own)
  const inner: Token[] = [];
  let close: Token | undefined;
  for (let k = tokens.indexOf(t) + 1; k < tokens.length; k++) {
    const tk = tokens[k]!;
    if (tk.kind === 'rbracket') {
      close = tk;
      break;
    }
    if (tk.kind === 'lbracket') throw ScimError.invalidFilter(`a value filter cannot nest another '[' (position ${tk.pos})`);
    if (tk.kind === 'eof') break;
    inner.push(tk);
  }
  if (!close) throw ScimError.invalidPath(`'[' at position ${t.pos} is never closed by ']'`);
  if (inner.length === 0) throw ScimError.invalidFilter(`empty value filter at position ${t.pos}`);
  inner.push({ kind: 'eof', text: '', pos: close.pos });
  const fcur = new TokenCursor(inner, ScimError.invalidFilter);
  const filter = parseValFilter(fcur);
  const rest = fcur.peek();
  if (rest.kind !== 'eof') throw ScimError.invalidFilter(`unexpected ${describe(rest)} at position ${rest.pos}`);
  const after = tokens.slice(tokens.indexOf(close) + 1);
  if (after[0]!.kind === 'eof') return { attrPath, filter };
  if (after[0]!.kind === 'dot' && after[1]?.kind === 'word' && ATTRNAME.test(after[1].text) && after[2]?.kind === 'eof') {
    return { attrPath, filter, subAttribute: after[1].text };
  }
  const bad = after[0]!.kind === 'dot' ? (after[1] ?? after[0]!) : after[0]!;
  throw ScimError.invalidPath(`unexpected ${describe(bad)} at position ${bad.pos} after the value filter`);
}

export function formatPath(p: PatchPath): string {
  if (!p.filter) return formatAttrPath(p.attrPath);
  return `${formatAttrPath(p.attrPath)}[${formatFilter(p.filter)}]${p.subAttribute ? `.${p.subAttribute}` : ''}`;
}
