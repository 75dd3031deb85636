import { describe, expect, it } from 'vitest';
import { compileExpression } from '../compile.ts';

describe('Redact', () => {
  it.each([
    ['doc 1: redact an attribute', 'Redact([userPrincipalName])', 'ann@contoso.com'],
    ['doc 2: redact a string', 'Redact("StringToBeRedacted")', 'StringToBeRedacted'],
  ])('%s — the value flows, marked for the log', (_name, expression, value) => {
    const result = compileExpression(expression).evaluate({ source: { userPrincipalName: 'ann@contoso.com' } });
    expect(result).toEqual({ skip: false, value, redacted: true });
  });

  it('doc 3: redact a random string', () => {
    const result = compileExpression('Redact(RandomString(6,3,0,0,3))').evaluate({ source: {} });
    expect(result).toMatchObject({ skip: false, redacted: true });
    if (!result.skip) expect(result.value).toMatch(/^[0-9a-zA-Z~!@#$%^&*_\-+=`|\\(){}[\]:;"'<>,.?/]{6}$/);
  });

  it('expressions without Redact are not marked', () => {
    expect(compileExpression('[mail]').evaluate({ source: { mail: 'a' } })).toEqual({ skip: false, value: 'a' });
  });
});
