/*
 * The bounded parser (issue 8 item 4): what a document may cost is refused before any node is built, with a
 * stable reason; markup inside comments, CDATA and attribute values is not counted as elements.
 */
import { describe, expect, it } from 'vitest';
import { XmlParseError, idIndex, parseXml, prescanXml, type XmlLimits, type XmlParseFailure } from './xml.ts';

const limits: XmlLimits = { maxChars: 10_000, maxElements: 10, maxDepth: 4, maxAttributesPerElement: 3, maxNamespaceDeclarations: 2 };

function reason(xml: string): XmlParseFailure | 'ok' {
  try {
    prescanXml(xml, limits);
    return 'ok';
  } catch (e) {
    if (e instanceof XmlParseError) return e.reason;
    throw e;
  }
}

describe('prescanXml', () => {
  it.each([
    ['ten elements', `<r>${'<x/>'.repeat(9)}</r>`, 'ok'],
    ['eleven elements', `<r>${'<x/>'.repeat(10)}</r>`, 'too-large'],
    ['four levels', '<a><b><c><d/></c></b></a>', 'ok'],
    ['five levels', '<a><b><c><d><e/></d></c></b></a>', 'too-deep'],
    ['siblings never add depth', `<a>${'<b></b>'.repeat(5)}</a>`, 'ok'],
    ['three attributes', '<a x="1" y="2" z="3"/>', 'ok'],
    ['four attributes', '<a w="0" x="1" y="2" z="3"/>', 'too-large'],
    ['"=" and ">" inside attribute values', `<a x="a=b>c" y='d=e'/>`, 'ok'],
    ['two namespace declarations', '<a xmlns="urn:a" xmlns:b="urn:b"/>', 'ok'],
    ['three namespace declarations across elements', '<a xmlns="urn:a" xmlns:b="urn:b"><c xmlns:c="urn:c"/></a>', 'too-large'],
    ['markup in comments, CDATA and PIs', `<?xml version="1.0"?><r><!-- ${'<x/>'.repeat(20)} --><![CDATA[${'<x>'.repeat(20)}]]><?pi <x/><x/>?></r>`, 'ok'],
    ['too many characters', `<r>${' '.repeat(10_001)}</r>`, 'too-large'],
  ] as const)('%s', (_name, xml, expected) => {
    expect(reason(xml)).toBe(expected);
  });

  it.each([
    ['an element never closed', '<Response>'],
    ['an end tag that closes the wrong element', '<a><b></a>'],
    ['text after the root element', '<a/>trailing'],
    ['two root elements', '<a/><b/>'],
  ])('parseXml refuses %s as malformed (xmldom 0.8 only warns about some)', (_name, xml) => {
    let reason: string | undefined;
    try {
      parseXml(xml);
    } catch (e) {
      reason = e instanceof XmlParseError ? e.reason : 'threw';
    }
    expect(reason).toBe('malformed');
  });

  it('parseXml refuses with the same reason before building anything', () => {
    expect(() => parseXml('<a><b><c><d><e/></d></c></b></a>', limits)).toThrow(XmlParseError);
  });
});

describe('idIndex', () => {
  it('maps every ID/Id/id in one pass and records duplicates', () => {
    const doc = parseXml('<r ID="_a"><x Id="_b"/><y id="_c"><z ID="_a"/></y></r>');
    const index = idIndex(doc);
    expect([...index.byId.keys()].sort()).toEqual(['_a', '_b', '_c']);
    expect([...index.duplicates]).toEqual(['_a']);
    expect(idIndex(doc)).toBe(index);
  });
});
