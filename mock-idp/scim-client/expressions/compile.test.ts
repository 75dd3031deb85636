import { describe, expect, it } from 'vitest';
import { compileExpression, functionNames } from './index.ts';
import { ExpressionError } from './errors.ts';

function compileError(text: string): { code: string; position: number } {
  try {
    compileExpression(text);
  } catch (e) {
    if (e instanceof ExpressionError) return { code: e.code, position: e.position };
    throw e;
  }
  throw new Error(`"${text}" compiled`);
}

describe('compileExpression', () => {
  it('knows every documented function', () => {
    expect(functionNames).toEqual([
      'Append',
      'AppRoleAssignmentsComplex',
      'BitAnd',
      'CBool',
      'CDate',
      'Coalesce',
      'ConvertToBase64',
      'ConvertToUTF8Hex',
      'Count',
      'CStr',
      'DateAdd',
      'DateDiff',
      'DateFromNum',
      'FormatDateTime',
      'Guid',
      'IgnoreFlowIfNullOrEmpty',
      'IIF',
      'InStr',
      'IsNull',
      'IsNullOrEmpty',
      'IsPresent',
      'IsString',
      'Item',
      'Join',
      'Left',
      'Mid',
      'NormalizeDiacritics',
      'Not',
      'Now',
      'NumFromDate',
      'PCase',
      'RandomString',
      'Redact',
      'RemoveDuplicates',
      'Replace',
      'SelectUniqueValue',
      'SingleAppRoleAssignment',
      'Split',
      'StripSpaces',
      'Switch',
      'ToLower',
      'ToUpper',
      'Word',
    ]);
  });

  it('reports unknown functions at compile time, at the call, with a suggestion', () => {
    expect(compileError('ToLower(Swtich([a], , "x", "y"))')).toEqual({ code: 'expression/unknown-function', position: 8 });
    expect(() => compileExpression('Swtich([a], , "x", "y")')).toThrow(/did you mean Switch\?/);
  });

  it('reports wrong arity at compile time, not evaluation time, even in a branch that never runs', () => {
    expect(compileError('IIF(True, "a", Left("abc"))')).toEqual({ code: 'expression/arity', position: 15 });
  });

  it('matches function names case-insensitively (the docs write switch( too)', () => {
    expect(compileExpression('switch([a], "d", "x", "y")').evaluate({ source: { a: 'x' } })).toEqual({ skip: false, value: 'y' });
  });

  it('lists the referenced attributes once, in order', () => {
    expect(compileExpression('Join(" ", [givenName], [surname], ToUpper([givenName]))').attributes).toEqual(['givenName', 'surname']);
  });

  it('reads a missing attribute as null, and attribute names case-insensitively', () => {
    const expr = compileExpression('Coalesce([IsSoftdeleted], "missing")');
    expect(expr.evaluate({ source: { IsSoftDeleted: true } })).toEqual({ skip: false, value: true });
    expect(expr.evaluate({ source: {} })).toEqual({ skip: false, value: 'missing' });
  });

  it('evaluates plain attribute and constant mappings', () => {
    expect(compileExpression('[mail]').evaluate({ source: { mail: 'a@b' } })).toEqual({ skip: false, value: 'a@b' });
    expect(compileExpression('"constant"').evaluate({ source: {} })).toEqual({ skip: false, value: 'constant' });
  });

  it('refuses object-valued attributes with a type error at the reference', () => {
    expect(() => compileExpression('ToLower([manager])').evaluate({ source: { manager: { id: 'x' } } })).toThrow(expect.objectContaining({ code: 'expression/type', position: 8 }));
  });

  it('is reusable: one compiled expression, many objects', () => {
    const expr = compileExpression('Switch([IsSoftDeleted], , "False", "True", "True", "False")');
    expect([false, true, false].map((d) => expr.evaluate({ source: { IsSoftDeleted: d } }))).toEqual([
      { skip: false, value: 'True' },
      { skip: false, value: 'False' },
      { skip: false, value: 'True' },
    ]);
  });
});
