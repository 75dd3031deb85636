/** Table-driven test support for the function files (imported by *.test.ts only). */
import { expect, it } from 'vitest';
import { compileExpression } from '../compile.ts';
import { ExpressionError, type ExpressionErrorCode } from '../errors.ts';
import type { EvaluationContext, ExpressionValue } from '../types.ts';

export type Expected = { value: ExpressionValue } | { skip: true } | { error: ExpressionErrorCode; position?: number };

export interface Case {
  /** What the row shows, e.g. the Microsoft doc example it reproduces. */
  readonly name: string;
  readonly expression: string;
  readonly source?: Record<string, unknown>;
  readonly context?: Omit<EvaluationContext, 'source'>;
  readonly expected: Expected;
}

/** A fixed clock for rows that read Now(). */
export const FIXED_NOW = new Date('2021-08-25T17:41:18Z');

export function evaluateCase(c: Case): Expected {
  try {
    const result = compileExpression(c.expression).evaluate({ now: () => FIXED_NOW, ...c.context, source: c.source ?? {} });
    return result.skip ? { skip: true } : { value: result.value };
  } catch (e) {
    if (e instanceof ExpressionError) {
      return 'position' in c.expected ? { error: e.code, position: e.position } : { error: e.code };
    }
    throw e;
  }
}

export function cases(rows: readonly Case[]): void {
  it.each(rows.map((r) => [r.name, r] as const))('%s', (_name, row) => {
    expect(evaluateCase(row)).toEqual(row.expected);
  });
}
