import { describe, expect, it } from 'vitest';
import { compileExpression, selectUniqueValueCandidates } from '../compile.ts';
import { ExpressionError } from '../errors.ts';
import { cases } from './cases.ts';

const doc = `SelectUniqueValue(
    Join("@", NormalizeDiacritics(StripSpaces(Join(".",  [PreferredFirstName], [PreferredLastName]))), "contoso.com"),
    Join("@", NormalizeDiacritics(StripSpaces(Join(".",  Mid([PreferredFirstName], 1, 1), [PreferredLastName]))), "contoso.com"),
    Join("@", NormalizeDiacritics(StripSpaces(Join(".",  Mid([PreferredFirstName], 1, 2), [PreferredLastName]))), "contoso.com")
)`;
const john = { PreferredFirstName: 'John', PreferredLastName: 'Smith' };

describe('SelectUniqueValue', () => {
  cases([
    {
      name: 'doc: John.Smith@contoso.com when it does not exist yet',
      expression: doc,
      source: john,
      context: { isUnique: () => true },
      expected: { value: 'John.Smith@contoso.com' },
    },
    {
      name: 'doc: J.Smith@contoso.com when the first exists',
      expression: doc,
      source: john,
      context: { isUnique: (c) => c !== 'John.Smith@contoso.com' },
      expected: { value: 'J.Smith@contoso.com' },
    },
    {
      name: 'doc: Jo.Smith@contoso.com when both exist',
      expression: doc,
      source: john,
      context: { isUnique: (c) => c === 'Jo.Smith@contoso.com' },
      expected: { value: 'Jo.Smith@contoso.com' },
    },
    { name: 'doc: all exist → escrow (not-unique)', expression: doc, source: john, context: { isUnique: () => false }, expected: { error: 'expression/not-unique' } },
    { name: 'without a uniqueness callback the first candidate wins', expression: doc, source: john, expected: { value: 'John.Smith@contoso.com' } },
    { name: 'doc: at least two rules', expression: 'SelectUniqueValue([mail])', expected: { error: 'expression/arity' } },
    { name: 'doc: must be top-level, cannot be nested', expression: 'ToLower(SelectUniqueValue([a], [b]))', expected: { error: 'expression/placement', position: 8 } },
  ]);

  it('lists the candidates for an engine that checks the target itself', () => {
    const expr = compileExpression(doc);
    expect(selectUniqueValueCandidates(expr, { source: john })).toEqual(['John.Smith@contoso.com', 'J.Smith@contoso.com', 'Jo.Smith@contoso.com']);
    expect(selectUniqueValueCandidates(compileExpression('[mail]'), { source: {} })).toBeNull();
  });

  it('the not-unique error names the candidates tried', () => {
    const expr = compileExpression(doc);
    expect(() => expr.evaluate({ source: john, isUnique: () => false })).toThrow(ExpressionError);
  });
});
