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
