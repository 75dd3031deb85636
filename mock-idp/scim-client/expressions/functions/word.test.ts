import { describe } from 'vitest';
import { cases } from './cases.ts';

describe('Word', () => {
  cases([
    { name: 'doc: Word("The quick brown fox",3," ")', expression: 'Word("The quick brown fox",3," ")', expected: { value: 'brown' } },
    { name: 'doc: Word("This,string!has&many separators",3,",!&#")', expression: 'Word("This,string!has&many separators",3,",!&#")', expected: { value: 'has' } },
    { name: 'doc: number < 1 → ""', expression: 'Word("a b", 0, " ")', expected: { value: '' } },
    { name: 'doc: string null → ""', expression: 'Word([missing], 1, " ")', expected: { value: '' } },
    { name: 'doc: fewer words → ""', expression: 'Word("a b", 3, " ")', expected: { value: '' } },
    { name: 'consecutive delimiters make no empty words', expression: 'Word("a,,b", 2, ",")', expected: { value: 'b' } },
  ]);
});
