import { describe } from 'vitest';
import { cases } from './cases.ts';

describe('InStr', () => {
  cases([
    { name: 'doc: InStr("The quick brown fox","quick") = 5', expression: 'InStr("The quick brown fox","quick")', expected: { value: 5 } },
    { name: 'doc: InStr("repEated","e",3,vbBinaryCompare) = 7', expression: 'InStr("repEated","e",3,vbBinaryCompare)', expected: { value: 7 } },
    { name: 'vbTextCompare ignores case', expression: 'InStr("repEated","e",3,vbTextCompare)', expected: { value: 4 } },
    { name: 'not found → 0', expression: 'InStr("abc","z")', expected: { value: 0 } },
    { name: 'null string → null', expression: 'InStr([missing],"z")', expected: { value: null } },
    { name: 'start below 1 is a value error', expression: 'InStr("abc","a",0)', expected: { error: 'expression/value', position: 16 } },
    { name: 'unknown compare mode is a value error', expression: 'InStr("abc","a",1,"sideways")', expected: { error: 'expression/value' } },
  ]);
});
