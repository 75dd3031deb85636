/*
 * XML helpers shared by the checks: namespace URIs, a parser that refuses DTDs, and namespace-exact child
 * lookups (never `//` searches: a wrapped document can hide a second element of the same name anywhere).
 */
import { DOMParser, XMLSerializer, type Document, type Element, type Node } from '@xmldom/xmldom';

export const NS = {
  samlp: 'urn:oasis:names:tc:SAML:2.0:protocol',
  saml: 'urn:oasis:names:tc:SAML:2.0:assertion',
  md: 'urn:oasis:names:tc:SAML:2.0:metadata',
  ds: 'http://www.w3.org/2000/09/xmldsig#',
  xenc: 'http://www.w3.org/2001/04/xmlenc#',
} as const;

export type XmlParseFailure = 'doctype' | 'malformed';

export class XmlParseError extends Error {
  override readonly name = 'XmlParseError';
  constructor(
    readonly reason: XmlParseFailure,
    message: string,
  ) {
    super(message);
  }
}

/*
 * A DOCTYPE is refused outright, before parsing: SAML messages never need one (saml-bindings §3.5 carries a
 * plain XML document) and internal entities are the vector for XXE and "billion laughs" expansion.
 */
const DTD_MARKERS = /<!DOCTYPE|<!ENTITY|<!ELEMENT|<!ATTLIST/i;

export function parseXml(xml: string): Document {
  if (DTD_MARKERS.test(xml)) throw new XmlParseError('doctype', 'the document carries a DTD (DOCTYPE/ENTITY), which is refused');
  let doc: Document;
  try {
    doc = new DOMParser({
      onError: (level, message) => {
        if (level !== 'warning') throw new XmlParseError('malformed', message);
      },
    }).parseFromString(xml, 'text/xml');
  } catch (e) {
    if (e instanceof XmlParseError) throw e;
    throw new XmlParseError('malformed', e instanceof Error ? e.message : String(e));
  }
  if (doc.doctype) throw new XmlParseError('doctype', 'the document carries a DOCTYPE, which is refused');
  if (!doc.documentElement) throw new XmlParseError('malformed', 'the document has no root element');
  return doc;
}

export function serialize(node: Node): string {
  return new XMLSerializer().serializeToString(node);
}

export function isElement(node: Node | null | undefined): node is Element {
  return !!node && node.nodeType === 1;
}

/** Direct element children of `parent` in namespace `ns` named `localName`. */
export function children(parent: Element | Document, ns: string, localName: string): Element[] {
  const out: Element[] = [];
  for (let n = parent.firstChild; n; n = n.nextSibling) {
    if (isElement(n) && n.namespaceURI === ns && n.localName === localName) out.push(n);
  }
  return out;
}

export function child(parent: Element | Document, ns: string, localName: string): Element | undefined {
  return children(parent, ns, localName)[0];
}

/** Follows a path of SAML-assertion-namespace children, e.g. path(assertion, 'Subject', 'NameID'). */
export function path(parent: Element, ns: string, ...names: string[]): Element | undefined {
  let cur: Element | undefined = parent;
  for (const name of names) {
    if (!cur) return undefined;
    cur = child(cur, ns, name);
  }
  return cur;
}

export function text(el: Element | undefined): string | undefined {
  if (!el) return undefined;
  return (el.textContent ?? '').trim();
}

/** Attribute value or undefined (xmldom returns null or '' for absent attributes). */
export function attr(el: Element | undefined, name: string): string | undefined {
  if (!el || !el.hasAttribute(name)) return undefined;
  return el.getAttribute(name) ?? undefined;
}

export function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

/** PEM body → one-line base64, and any base64/PEM → a PEM certificate. */
export function certBody(pemOrBase64: string): string {
  return pemOrBase64.replace(/-----(BEGIN|END) CERTIFICATE-----/g, '').replace(/\s+/g, '');
}

export function toPemCertificate(pemOrBase64: string): string {
  const body = certBody(pemOrBase64);
  const lines = body.match(/.{1,64}/g) ?? [];
  return `-----BEGIN CERTIFICATE-----\n${lines.join('\n')}\n-----END CERTIFICATE-----\n`;
}
