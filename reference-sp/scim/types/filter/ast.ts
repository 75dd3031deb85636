/*
 * The filter AST — RFC 7644 §3.4.2.2 (ABNF in Figure 1).
 *
 *   FILTER    = attrExp / logExp / valuePath / *1"not" "(" FILTER ")"
 *   valuePath = attrPath "[" valFilter "]"
 *   attrExp   = (attrPath SP "pr") / (attrPath SP compareOp SP compValue)
 *   attrPath  = [URI ":"] ATTRNAME *1subAttr
 *   compValue = false / null / true / number / string
 *
 * Attribute names keep the spelling the client used; matching them against the schema is case-insensitive
 * (RFC 7643 §2.1), and happens in the evaluator / registry, not here.
 */

/** `[URI ":"] ATTRNAME *1subAttr` — e.g. `name.familyName`, `urn:…:enterprise:2.0:User:manager.value`. */
export interface AttrPath {
  /** The schema URN prefix, when the path is URN-qualified. */
  readonly schema?: string;
  readonly attribute: string;
  readonly subAttribute?: string;
}

export type CompareOp = 'eq' | 'ne' | 'co' | 'sw' | 'ew' | 'gt' | 'ge' | 'lt' | 'le';
export const COMPARE_OPS: readonly CompareOp[] = ['eq', 'ne', 'co', 'sw', 'ew', 'gt', 'ge', 'lt', 'le'];

export type CompValue = string | number | boolean | null;

export interface CompareNode {
  readonly kind: 'compare';
  readonly path: AttrPath;
  readonly op: CompareOp;
  readonly value: CompValue;
}

export interface PresentNode {
  readonly kind: 'present';
  readonly path: AttrPath;
}

export interface LogicalNode {
  readonly kind: 'and' | 'or';
  readonly left: FilterNode;
  readonly right: FilterNode;
}

export interface NotNode {
  readonly kind: 'not';
  readonly operand: FilterNode;
}

/** `emails[type eq "work" and value co "@"]`: `filter`'s paths are relative to the complex attribute `path`. */
export interface ValuePathNode {
  readonly kind: 'valuePath';
  readonly path: AttrPath;
  readonly filter: FilterNode;
}

export type FilterNode = CompareNode | PresentNode | LogicalNode | NotNode | ValuePathNode;

/** Renders a path back to text (for error details and logs). */
export function formatAttrPath(p: AttrPath): string {
  return `${p.schema ? `${p.schema}:` : ''}${p.attribute}${p.subAttribute ? `.${p.subAttribute}` : ''}`;
}

/** Renders a filter back to canonical text (lower-case operators, JSON literals, explicit parentheses). */
export function formatFilter(n: FilterNode): string {
  switch (n.kind) {
    case 'compare':
      return `${formatAttrPath(n.path)} ${n.op} ${JSON.stringify(n.value)}`;
    case 'present':
      return `${formatAttrPath(n.path)} pr`;
    case 'and':
    case 'or':
      return `(${formatFilter(n.left)} ${n.kind} ${formatFilter(n.right)})`;
    case 'not':
      return `not (${formatFilter(n.operand)})`;
    case 'valuePath':
      return `${formatAttrPath(n.path)}[${formatFilter(n.filter)}]`;
  }
}
