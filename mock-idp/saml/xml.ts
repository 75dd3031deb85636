/*
 * Small XML helpers shared by the IdP. Parsing is strict: a document type declaration is refused before the
 * parser sees it (no DTDs, no entities — the XXE rule every SAML party should apply), and a parse warning or
 * error is a typed refusal rather than a half-built DOM.
 */
import { randomBytes } from 'node:crypto';
import { DOMParser, XMLSerializer } from '@xmldom/xmldom';
import { idpError } from './errors.ts';

/** Escapes text for element content and double-quoted attribute values. */
export function escapeXml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

/** saml-core §1.3.4: an ID is an xs:ID, so it must be an NCName — it may not start with a digit. */
export function newId(): string {
  return `_${randomBytes(20).toString('hex')}`;
}

export function parseXml(xml: string, what = 'XML'): Document {
  if (/<!DOCTYPE/i.test(xml)) throw idpError('request/doctype-forbidden', `${what} carries a DOCTYPE; refused`);
  const problems: string[] = [];
  let doc: Document;
  try {
    doc = new DOMParser({
      // xmldom 0.8 reports an unclosed or mismatched element only as a warning: every report is a problem.
      errorHandler: (_level: string, message: unknown) => {
        problems.push(String(message));
      },
    }).parseFromString(xml, 'text/xml');
  } catch (e) {
    throw idpError('request/bad-xml', `${what} is not well-formed: ${(e as Error).message}`);
  }
  if (problems.length > 0 || !doc.documentElement) {
    throw idpError('request/bad-xml', `${what} is not well-formed: ${problems[0] ?? 'no root element'}`);
  }
  return doc;
}

export function serialize(node: Document | Element): string {
  return new XMLSerializer().serializeToString(node);
}

/** Direct element children with the given namespace and local name. */
export function childElements(parent: Element, ns: string, localName: string): Element[] {
  const out: Element[] = [];
  for (let n = parent.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === 1) {
      const el = n as Element;
      if (el.namespaceURI === ns && el.localName === localName) out.push(el);
    }
  }
  return out;
}

export function firstChild(parent: Element, ns: string, localName: string): Element | undefined {
  return childElements(parent, ns, localName)[0];
}

/** All descendant elements with the given namespace and local name, in document order. */
export function descendants(root: Document | Element, ns: string, localName: string): Element[] {
  return Array.from(root.getElementsByTagNameNS(ns, localName)) as Element[];
}

export function pemBody(pem: string): string {
  return pem
    .replace(/-----BEGIN [^-]+-----/g, '')
    .replace(/-----END [^-]+-----/g, '')
    .replace(/\s+/g, '');
}

export function certToPem(base64Body: string): string {
  const body = base64Body.replace(/\s+/g, '');
  const lines = body.match(/.{1,64}/g) ?? [];
  return `-----BEGIN CERTIFICATE-----\n${lines.join('\n')}\n-----END CERTIFICATE-----\n`;
}
