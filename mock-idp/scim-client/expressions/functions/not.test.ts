import { describe } from 'vitest';
import { cases } from './cases.ts';

describe('Not', () => {
  cases([
    { name: 'True → False (boolean attribute)', expression: 'Not([IsSoftDeleted])', source: { IsSoftDeleted: true }, expected: { value: false } },
    { name: 'False → True (boolean attribute)', expression: 'Not([IsSoftDeleted])', source: { IsSoftDeleted: false }, expected: { value: true } },
    { name: 'the string "True"', expression: 'Not("True")', expected: { value: false } },
    { name: 'the string "False"', expression: 'Not("False")', expected: { value: true } },
    { name: 'anything not True → True (null)', expression: 'Not([missing])', expected: { value: true } },
  ]);
});
