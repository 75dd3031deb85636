import { describe, expect, it } from 'vitest';
import { ExpressionError } from './errors.ts';
import { parse } from './parser.ts';

function syntaxError(text: string, options = {}): { code: string; position: number } {
  try {
    parse(text, options);
  } catch (e) {
    if (e instanceof ExpressionError) return { code: e.code, position: e.position };
    throw e;
  }
  throw new Error(`"${text}" parsed`);
}

describe('parser', () => {
  it('reads attributes, extension attributes, strings, numbers, booleans and nested calls', () => {
    expect(parse('Join(" ", [givenName], [extension_8d7b6c_costCenter], -10, &HF7, True, vbTextCompare, Left("a", 1))')).toMatchObject({
      kind: 'call',
      name: 'Join',
      args: [
        { kind: 'string', value: ' ' },
        { kind: 'attribute', name: 'givenName' },
        { kind: 'attribute', name: 'extension_8d7b6c_costCenter' },
        { kind: 'number', value: -10 },
        { kind: 'number', value: 247 },
        { kind: 'boolean', value: true },
        { kind: 'compare-mode', value: 'vbTextCompare' },
        {
          kind: 'call',
          name: 'Left',
          args: [
            { kind: 'string', value: 'a' },
            { kind: 'number', value: 1 },
          ],
        },
      ],
    });
  });

  it('reads omitted arguments as empty, as in Switch([IsSoftDeleted], , "False", "True", "True", "False")', () => {
    const node = parse('Switch([IsSoftDeleted], , "False", "True", "True", "False")');
    expect(node.kind === 'call' && node.args.map((a) => a.kind)).toEqual(['attribute', 'empty', 'string', 'string', 'string', 'string']);
    const trailing = parse('Replace([a], "x", , , "y", , )');
    expect(trailing.kind === 'call' && trailing.args.length).toBe(7);
  });

  it('distinguishes F() (no arguments) from F(,) (two empty ones)', () => {
    expect(parse('Guid()')).toMatchObject({ args: [] });
    expect(parse('Guid(,)')).toMatchObject({ args: [{ kind: 'empty' }, { kind: 'empty' }] });
  });

  it.each([
    ['documented backslash escapes', String.raw`"Company name: \"Contoso\""`, 'Company name: "Contoso"'],
    ['escaped backslash', String.raw`"a\\b"`, 'a\\b'],
    ['doubled quotes (VBA style)', '"say ""hi"""', 'say "hi"'],
    ['other backslashes stay for regexes', String.raw`"\d+"`, '\\d+'],
    ['typographic quotes from vendor guides', '“False”', 'False'],
    ['empty string', '""', ''],
  ])('string constants: %s', (_name, text, value) => {
    expect(parse(text)).toMatchObject({ kind: 'string', value });
  });

  it('reads comparisons with every documented operator', () => {
    for (const op of ['=', '<>', '>', '>=', '<', '<=']) {
      const node = parse(`IIF([a]${op}"x", 1, 2)`);
      expect(node.kind === 'call' && node.args[0]).toMatchObject({ kind: 'comparison', op });
    }
  });

  it.each([
    ['unterminated string names its opening quote', 'Append([a], "x)', 12],
    ['unclosed call names the function', 'Append([a], "x"', 0],
    ['unclosed attribute names its bracket', 'Append([a, "x")', 7],
    ['empty attribute', 'ToLower([])', 8],
    ['stray character', 'ToLower([a]) ; 1', 13],
    ['missing comma', 'Append([a] "x")', 11],
    ['bare word', 'Append(a, "x")', 7],
    ['chained comparison', 'IIF(1 < 2 < 3, 1, 2)', 10],
    ['nothing at all', '   ', 3],
    ['trailing garbage after a complete expression', '[a] [b]', 4],
    ['minus without a number', 'Left("a", -"1")', 11],
  ])('syntax error: %s', (_name, text, position) => {
    expect(syntaxError(text)).toEqual({ code: 'expression/syntax', position });
  });

  it('refuses absurd nesting with a syntax error instead of overflowing the stack', () => {
    const deep = 'ToLower('.repeat(500) + '[a]' + ')'.repeat(500);
    expect(syntaxError(deep)).toEqual({ code: 'expression/syntax', position: 800 });
    expect(() => parse('ToLower('.repeat(50) + '[a]' + ')'.repeat(50))).not.toThrow();
  });

  it('strictQuotes refuses typographic quotes at their position', () => {
    expect(syntaxError('Switch([a], , “False”, "x")', { strictQuotes: true })).toEqual({ code: 'expression/syntax', position: 14 });
  });
});
