import { describe, expect, it } from 'vitest';
import { compileExpression } from '../compile.ts';
import { cases } from './cases.ts';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('Guid', () => {
  cases([{ name: 'takes no arguments', expression: 'Guid("x")', expected: { error: 'expression/arity' } }]);

  it('doc: generates a random GUID shaped like "00aa00aa-bb11-cc22-dd33-44ee44ee44ee"', () => {
    const expr = compileExpression('Guid()');
    const a = expr.evaluate({ source: {} });
    const b = expr.evaluate({ source: {} });
    expect(a.skip || b.skip).toBe(false);
    if (a.skip || b.skip) return;
    expect(a.value).toMatch(GUID);
    expect(b.value).not.toEqual(a.value);
  });

  it('is reproducible with injected randomness', () => {
    const seq = (): (() => number) => {
      let i = 0;
      return () => ((i++ * 37) % 256) / 256;
    };
    const expr = compileExpression('Guid()');
    const first = expr.evaluate({ source: {}, random: seq() });
    expect(first).toEqual(expr.evaluate({ source: {}, random: seq() }));
    expect(first).toEqual({ skip: false, value: '00254a6f-94b9-4e03-a84d-7297bce1062b' });
  });
});
