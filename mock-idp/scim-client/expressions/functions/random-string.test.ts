import { describe, expect, it } from 'vitest';
import { compileExpression } from '../compile.ts';
import { cases } from './cases.ts';

function generate(expression: string, random?: () => number): string {
  const result = compileExpression(expression).evaluate({ source: {}, ...(random ? { random } : {}) });
  if (result.skip || typeof result.value !== 'string') throw new Error('expected a string');
  return result.value;
}
const count = (s: string, re: RegExp): number => [...s].filter((c) => re.test(c)).length;

describe('RandomString', () => {
  it('doc 1: RandomString(6,3,0,0,3) — 6 characters, at least 3 numbers and 3 lower case', () => {
    for (let i = 0; i < 20; i++) {
      const s = generate('RandomString(6,3,0,0,3)');
      expect(s).toHaveLength(6);
      expect(count(s, /[0-9]/)).toBeGreaterThanOrEqual(3);
      expect(count(s, /[a-z]/)).toBeGreaterThanOrEqual(3);
    }
  });

  it('doc 2: RandomString(10,2,2,2,1,"?,") — minimums met, "?" and "," never used', () => {
    for (let i = 0; i < 50; i++) {
      const s = generate('RandomString(10,2,2,2,1,"?,")');
      expect(s).toHaveLength(10);
      expect(count(s, /[0-9]/)).toBeGreaterThanOrEqual(2);
      expect(count(s, /[A-Z]/)).toBeGreaterThanOrEqual(2);
      expect(count(s, /[a-z]/)).toBeGreaterThanOrEqual(1);
      expect(count(s, /[^A-Za-z0-9]/)).toBeGreaterThanOrEqual(2);
      expect(s).not.toMatch(/[?,]/);
    }
  });

  it('is reproducible with injected randomness', () => {
    const seeded = (): (() => number) => {
      let x = 7;
      return () => (x = (x * 48271) % 2147483647) / 2147483647;
    };
    expect(generate('RandomString(12,2,2,2,2)', seeded())).toBe(generate('RandomString(12,2,2,2,2)', seeded()));
  });

  cases([
    { name: 'length below the sum of minimums is a value error', expression: 'RandomString(3,2,2,0,0)', expected: { error: 'expression/value' } },
    { name: 'more than 256 characters is a value error', expression: 'RandomString(300,0,0,0,0)', expected: { error: 'expression/value' } },
    { name: 'avoiding every digit while requiring one is a value error', expression: 'RandomString(4,1,0,0,0,"0123456789")', expected: { error: 'expression/value' } },
    { name: 'needs the five counts', expression: 'RandomString(6,3,0,0)', expected: { error: 'expression/arity' } },
  ]);
});
