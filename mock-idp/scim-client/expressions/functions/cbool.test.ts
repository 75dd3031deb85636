import { describe } from 'vitest';
import { cases } from './cases.ts';

describe('CBool', () => {
  cases([
    {
      name: 'doc: CBool([attribute1] = [attribute2]) — equal',
      expression: 'CBool([attribute1] = [attribute2])',
      source: { attribute1: 'x', attribute2: 'x' },
      expected: { value: true },
    },
    {
      name: 'doc: CBool([attribute1] = [attribute2]) — different',
      expression: 'CBool([attribute1] = [attribute2])',
      source: { attribute1: 'x', attribute2: 'y' },
      expected: { value: false },
    },
    { name: 'non-zero number is True', expression: 'CBool(5)', expected: { value: true } },
    { name: 'zero is False', expression: 'CBool(0)', expected: { value: false } },
    { name: 'string "True"', expression: 'CBool("true")', expected: { value: true } },
    { name: 'null is False', expression: 'CBool([missing])', expected: { value: false } },
    { name: 'other strings are a type error', expression: 'CBool("maybe")', expected: { error: 'expression/type' } },
  ]);
});
