import { describe } from 'vitest';
import { cases } from './cases.ts';

describe('BitAnd', () => {
  cases([
    { name: 'doc: BitAnd(&HF, &HF7) = 7', expression: 'BitAnd(&HF, &HF7)', expected: { value: 7 } },
    { name: 'decimal numbers', expression: 'BitAnd(12, 10)', expected: { value: 8 } },
    { name: 'numeric strings from attributes (userAccountControl)', expression: 'BitAnd([userAccountControl], 2)', source: { userAccountControl: '514' }, expected: { value: 2 } },
    { name: 'null → null', expression: 'BitAnd([missing], 2)', expected: { value: null } },
    { name: 'non-numbers are a type error', expression: 'BitAnd("abc", 2)', expected: { error: 'expression/type', position: 7 } },
  ]);
});
