/** Syntax tree of an expression. `pos`/`end` are 0-based offsets into the text (end exclusive). */
export type ComparisonOperator = '=' | '<>' | '<' | '<=' | '>' | '>=';

interface Span {
  readonly pos: number;
  readonly end: number;
}

export type Node =
  | (Span & { readonly kind: 'attribute'; readonly name: string })
  | (Span & { readonly kind: 'string'; readonly value: string })
  | (Span & { readonly kind: 'number'; readonly value: number })
  | (Span & { readonly kind: 'boolean'; readonly value: boolean })
  /** VBA compare constants accepted by InStr: vbBinaryCompare / vbTextCompare. */
  | (Span & { readonly kind: 'compare-mode'; readonly value: 'vbBinaryCompare' | 'vbTextCompare' })
  /** An omitted argument, as in `Switch([IsSoftDeleted], , "False", "True")`; evaluates to null. */
  | (Span & { readonly kind: 'empty' })
  | (Span & { readonly kind: 'call'; readonly name: string; readonly args: readonly Node[] })
  | (Span & { readonly kind: 'comparison'; readonly op: ComparisonOperator; readonly left: Node; readonly right: Node });

export type CallNode = Extract<Node, { kind: 'call' }>;

/** Every node of a tree, parents before children. */
export function* walk(node: Node): Generator<Node> {
  yield node;
  if (node.kind === 'call') for (const arg of node.args) yield* walk(arg);
  if (node.kind === 'comparison') {
    yield* walk(node.left);
    yield* walk(node.right);
  }
}
