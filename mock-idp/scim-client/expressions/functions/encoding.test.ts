import { describe } from 'vitest';
import { cases } from './cases.ts';

describe('ConvertToBase64 / ConvertToUTF8Hex', () => {
  cases([
    { name: 'doc: ConvertToBase64("Hello world!") — UTF-16LE', expression: 'ConvertToBase64("Hello world!")', expected: { value: 'SABlAGwAbABvACAAdwBvAHIAbABkACEA' } },
    { name: 'doc: ConvertToUTF8Hex("Hello world!")', expression: 'ConvertToUTF8Hex("Hello world!")', expected: { value: '48656C6C6F20776F726C6421' } },
    { name: 'UTF-8 of a non-ASCII letter', expression: 'ConvertToUTF8Hex("é")', expected: { value: 'C3A9' } },
    { name: 'null → null', expression: 'ConvertToBase64([missing])', expected: { value: null } },
  ]);
});
