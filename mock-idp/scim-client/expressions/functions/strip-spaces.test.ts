import { describe } from 'vitest';
import { cases } from './cases.ts';

describe('StripSpaces', () => {
  cases([
    { name: 'removes every space', expression: 'StripSpaces(" Mary Ann  Lee ")', expected: { value: 'MaryAnnLee' } },
    { name: 'only U+0020 — tabs stay', expression: 'StripSpaces([s])', source: { s: 'a\tb c' }, expected: { value: 'a\tbc' } },
    { name: 'null → null', expression: 'StripSpaces([missing])', expected: { value: null } },
  ]);
});
