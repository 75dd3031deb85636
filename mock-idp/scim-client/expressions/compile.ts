/*
 * compileExpression: parse, then check the whole tree before anything runs —
 * - every call names a documented function (expression/unknown-function, with a suggestion)
 * - every call passes between minArgs and maxArgs arguments, omitted arguments included (expression/arity)
 * - each function's own checks (Switch's pairs, SelectUniqueValue only at the top, literal regexes and intervals)
 * Evaluation then walks the tree with one Run per object.
 */
import { walk, type CallNode, type Node } from './ast.ts';
import { compare } from './comparison.ts';
import { ExpressionError } from './errors.ts';
import type { FunctionDefinition } from './functions/definition.ts';
import { lookupFunction, suggestFunction } from './functions/registry.ts';
import { parse } from './parser.ts';
import { Args, type Run } from './runtime.ts';
import type { CompiledExpression, EvaluationContext, EvaluationResult, ExpressionValue } from './types.ts';
import { fromSource, toExpressionValue, type Value } from './values.ts';
import { randomInt } from 'node:crypto';

/** node:crypto's randomInt accepts ranges below 2^48. */
const RANDOM_RANGE = 2 ** 48 - 1;

export interface CompileOptions {
  /** Refuse typographic quotes (“…”) instead of reading them as string delimiters. Default false. */
  readonly strictQuotes?: boolean;
}

function describeArity(def: FunctionDefinition): string {
  if (def.minArgs === def.maxArgs) return `exactly ${def.minArgs}`;
  if (def.maxArgs === Infinity) return `at least ${def.minArgs}`;
  return `${def.minArgs} to ${def.maxArgs}`;
}

function check(root: Node): Map<CallNode, FunctionDefinition> {
  const defs = new Map<CallNode, FunctionDefinition>();
  for (const node of walk(root)) {
    if (node.kind !== 'call') continue;
    const def = lookupFunction(node.name);
    if (!def) {
      const hint = suggestFunction(node.name);
      throw new ExpressionError('expression/unknown-function', `unknown function "${node.name}"${hint ? `; did you mean ${hint}?` : ''}`, node.pos);
    }
    const n = node.args.length;
    if (n < def.minArgs || n > def.maxArgs) {
      throw new ExpressionError('expression/arity', `${def.name} takes ${describeArity(def)} argument${def.maxArgs === 1 ? '' : 's'} (${def.signature}), got ${n}`, node.pos);
    }
    if (def.name === 'SelectUniqueValue' && node !== root) {
      throw new ExpressionError('expression/placement', 'SelectUniqueValue must be the top-level function and cannot be nested', node.pos);
    }
    def.check?.(node);
    defs.set(node, def);
  }
  return defs;
}

class Compiled implements CompiledExpression {
  readonly attributes: readonly string[];

  constructor(
    readonly source: string,
    readonly root: Node,
    private readonly defs: Map<CallNode, FunctionDefinition>,
  ) {
    const names: string[] = [];
    for (const n of walk(root)) if (n.kind === 'attribute' && !names.includes(n.name)) names.push(n.name);
    this.attributes = Object.freeze(names);
  }

  evaluate(ctx: EvaluationContext): EvaluationResult {
    let skipped = false;
    let redacted = false;
    const run = this.run(
      ctx,
      () => void (skipped = true),
      () => void (redacted = true),
    );
    const value = toExpressionValue(run.evaluate(this.root));
    if (skipped) return { skip: true };
    return redacted ? { skip: false, value, redacted: true } : { skip: false, value };
  }

  /** SelectUniqueValue's candidates, each rule evaluated, for an engine that checks uniqueness itself. */
  candidates(ctx: EvaluationContext): ExpressionValue[] | null {
    if (this.root.kind !== 'call' || this.defs.get(this.root)?.name !== 'SelectUniqueValue') return null;
    const run = this.run(
      ctx,
      () => undefined,
      () => undefined,
    );
    return this.root.args.map((arg) => toExpressionValue(run.evaluate(arg)));
  }

  private run(ctx: EvaluationContext, skip: () => void, redact: () => void): Run {
    const run: Run = {
      ctx,
      evaluate: (node) => this.evaluateNode(node, run),
      now: () => ctx.now?.() ?? new Date(),
      random: () => ctx.random?.() ?? randomInt(0, RANDOM_RANGE) / RANDOM_RANGE,
      skip,
      redact,
    };
    return run;
  }

  private evaluateNode(node: Node, run: Run): Value {
    switch (node.kind) {
      case 'attribute':
        return readAttribute(node.name, node.pos, run.ctx);
      case 'string':
      case 'number':
      case 'boolean':
        return node.value;
      case 'compare-mode':
        return node.value;
      case 'empty':
        return null;
      case 'comparison':
        return compare(node.op, run.evaluate(node.left), run.evaluate(node.right), node);
      case 'call':
        return this.defs.get(node)!.call(new Args(node, run));
    }
  }
}

/**
 * `[name]`: the source attribute with that exact name, else the one whose name matches ignoring case (Entra's
 * attribute names are case-insensitive: the docs spell both IsSoftDeleted and IsSoftdeleted). `[appRoleAssignments]`
 * falls back to the context's assignments, as the list of their values.
 */
function readAttribute(name: string, pos: number, ctx: EvaluationContext): Value {
  const source = ctx.source;
  let key: string | undefined = Object.hasOwn(source, name) ? name : undefined;
  if (key === undefined) {
    const lower = name.toLowerCase();
    key = Object.keys(source).find((k) => k.toLowerCase() === lower);
  }
  if (key === undefined && name.toLowerCase() === 'approleassignments' && ctx.appRoleAssignments) {
    return ctx.appRoleAssignments.map((a) => a.value);
  }
  return key === undefined ? null : fromSource(source[key], name, pos);
}

export function compileExpression(text: string, options: CompileOptions = {}): CompiledExpression {
  if (typeof text !== 'string') throw new ExpressionError('expression/syntax', 'expression must be a string', 0);
  const root = parse(text, options);
  return new Compiled(text, root, check(root));
}

/**
 * For `SelectUniqueValue(rule1, rule2, …)`: every rule's value, in order, so an engine can check them against the
 * target (e.g. with a SCIM filter query) before calling evaluate() with `isUnique`. Null for any other expression.
 */
export function selectUniqueValueCandidates(expr: CompiledExpression, ctx: EvaluationContext): ExpressionValue[] | null {
  return expr instanceof Compiled ? expr.candidates(ctx) : null;
}
