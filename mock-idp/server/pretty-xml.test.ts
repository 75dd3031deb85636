import { describe, expect, it } from 'vitest';
import { prettyXml } from './pretty-xml.ts';

describe('prettyXml', () => {
  it('indents nested elements and keeps text-only elements on one line', () => {
    const xml = '<a:R xmlns:a="urn:x" ID="_1"><a:I>idp &amp; co</a:I><a:S><a:N/></a:S></a:R>';
    expect(prettyXml(xml)).toBe(['<a:R xmlns:a="urn:x" ID="_1">', '  <a:I>idp &amp; co</a:I>', '  <a:S>', '    <a:N/>', '  </a:S>', '</a:R>'].join('\n'));
  });

  it('returns text that is not XML unchanged', () => {
    expect(prettyXml('<a><b></a>')).toBe('<a><b></a>');
  });
});

describe('prettyXml and base64', () => {
  it('re-wraps long base64 text at 76 characters on its own lines', () => {
    const b64 = 'QUJD'.repeat(40);
    const lines = prettyXml(`<a><v>${b64.slice(0, 50)}\n${b64.slice(50)}</v></a>`).split('\n');
    expect(lines[1]).toBe('  <v>');
    expect(lines[2]).toBe(`    ${b64.slice(0, 76)}`);
    expect(lines.at(-2)).toBe('  </v>');
    expect(lines.slice(2, -2).join('').replace(/\s/g, '')).toBe(b64);
  });
});
