/*
 * What a function implementation sees when it is called: its arguments (evaluated on demand, so IIF, Switch and
 * Coalesce only evaluate the branch they need) and the evaluation run (context, clock, randomness, flags).
 * Conversion helpers raise expression/type at the argument's own position.
 */
import type { CallNode, Node } from './ast.ts';
import { ExpressionError, type ExpressionErrorCode } from './errors.ts';
import { parseDate } from './datetime/parse-date.ts';
import type { EvaluationContext } from './types.ts';
import { DateTimeValue, stringForm, typeName, type Value } from './values.ts';

export interface Run {
  readonly ctx: EvaluationContext;
  evaluate(node: Node): Value;
  now(): Date;
  random(): number;
  /** IgnoreFlowIfNullOrEmpty fired somewhere in the expression. */
  skip(): void;
  /** Redact() was applied somewhere in the expression. */
  redact(): void;
}

export class Args {
  private readonly cache = new Map<number, Value>();

  constructor(
    readonly call: CallNode,
    readonly run: Run,
  ) {}

  get length(): number {
    return this.call.args.length;
  }

  node(i: number): Node | undefined {
    return this.call.args[i];
  }

  /** True when argument i was written (not omitted as in `F(a, , c)` and not past the end). */
  given(i: number): boolean {
    const n = this.call.args[i];
    return n !== undefined && n.kind !== 'empty';
  }

  value(i: number): Value {
    if (!this.cache.has(i)) {
      const n = this.call.args[i];
      this.cache.set(i, n === undefined ? null : this.run.evaluate(n));
    }
    return this.cache.get(i)!;
  }

  fail(code: ExpressionErrorCode, message: string, i?: number): never {
    const at = i === undefined ? this.call : (this.call.args[i] ?? this.call);
    throw new ExpressionError(code, `${this.call.name}: ${message}`, at.pos);
  }

  /** A single string (numbers, booleans and DateTimes are converted); null stays null. */
  string(i: number, param: string): string | null {
    const v = this.value(i);
    if (v === null) return null;
    if (Array.isArray(v)) return this.fail('expression/type', `${param} must be a single value, not ${typeName(v)}`, i);
    return stringForm(v as Exclude<Value, null | readonly Value[]>);
  }

  /** An integer: a number or a string of digits. */
  integer(i: number, param: string): number | null {
    const v = this.value(i);
    if (v === null) return null;
    const n = typeof v === 'number' ? v : typeof v === 'string' && /^\s*[+-]?\d+\s*$/.test(v) ? Number(v) : NaN;
    if (!Number.isInteger(n)) return this.fail('expression/type', `${param} must be an integer, not ${describe(v)}`, i);
    return n;
  }

  /** A DateTime: a DateTime value or a string CDate understands. */
  dateTime(i: number, param: string): number | null {
    const v = this.value(i);
    if (v === null) return null;
    if (v instanceof DateTimeValue) return v.ms;
    if (typeof v === 'string') {
      const ms = parseDate(v);
      if (ms !== null) return ms;
    }
    return this.fail('expression/type', `${param} must be a DateTime (wrap date strings in CDate), not ${describe(v)}`, i);
  }

  /** A boolean: booleans, "True"/"False" in any case, and numbers (non-zero is True). */
  boolean(i: number, param: string): boolean | null {
    const v = this.value(i);
    if (v === null) return null;
    const b = toBoolean(v);
    if (b === undefined) return this.fail('expression/type', `${param} must be a boolean, not ${describe(v)}`, i);
    return b;
  }
}

export function toBoolean(v: Value): boolean | undefined {
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v !== 0;
  if (typeof v === 'string') {
    const t = v.trim().toLowerCase();
    if (t === 'true') return true;
    if (t === 'false') return false;
    if (/^[+-]?\d+(\.\d+)?$/.test(t)) return Number(t) !== 0;
  }
  return undefined;
}

export function describe(v: Value): string {
  if (typeof v === 'string') return JSON.stringify(v);
  return typeName(v);
}
