/*
 * The mini SP's XML reading, written for it alone (it shares no code with reference-sp/, which is its point):
 * - the SAML, xmldsig and xmlenc namespace names (saml-core §1.2, xmldsig-core §4, xmlenc-core §3)
 * - one parser, @xmldom/xmldom (the same one xml-crypto re-parses with); any error or fatal error refuses
 * - element helpers by namespace + local name, never by prefix (a prefix proves nothing, xml-names §4)
 */
import { DOMParser, XMLSerializer } from '@xmldom/xmldom';

export const NS = {
  protocol: 'urn:oasis:names:tc:SAML:2.0:protocol',
  assertion: 'urn:oasis:names:tc:SAML:2.0:assertion',
  metadata: 'urn:oasis:names:tc:SAML:2.0:metadata',
  ds: 'http://www.w3.org/2000/09/xmldsig#',
  xenc: 'http://www.w3.org/2001/04/xmlenc#',
} as const;

export const STATUS_SUCCESS = 'urn:oasis:names:tc:SAML:2.0:status:Success';
export const BEARER = 'urn:oasis:names:tc:SAML:2.0:cm:bearer';
export const BINDING_POST = 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST';
export const BINDING_REDIRECT = 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect';

/** Parses XML; undefined when the parser reports an error (a malformed document is refused, never repaired). */
export function parseXml(xml: string): Document | undefined {
  let failed = false;
  const doc = new DOMParser({
    errorHandler: {
      warning: () => {},
      error: () => {
        failed = true;
      },
      fatalError: () => {
        failed = true;
      },
    },
  }).parseFromString(xml, 'text/xml');
  return failed || !doc?.documentElement ? undefined : doc;
}

export function serialize(node: Node): string {
  return new XMLSerializer().serializeToString(node);
}

export function isElement(node: Node | null | undefined): node is Element {
  return node?.nodeType === 1;
}

/** Direct child elements with this namespace and local name. */
export function children(parent: Node, ns: string, localName: string): Element[] {
  const out: Element[] = [];
  for (let c = parent.firstChild; c; c = c.nextSibling) if (isElement(c) && c.namespaceURI === ns && c.localName === localName) out.push(c);
  return out;
}

export function child(parent: Node, ns: string, localName: string): Element | undefined {
  return children(parent, ns, localName)[0];
}

/** Every descendant element with this namespace and local name, in document order. */
export function descendants(root: Document | Element, ns: string, localName: string): Element[] {
  return Array.from(root.getElementsByTagNameNS(ns, localName));
}

/** The element at a path of child steps (all in one namespace unless given as [ns, name]). */
export function at(root: Element | undefined, ...steps: (readonly [string, string])[]): Element | undefined {
  let node = root;
  for (const [ns, name] of steps) node = node ? child(node, ns, name) : undefined;
  return node;
}

export function certificateToPem(base64: string): string {
  const body = base64.replace(/\s+/g, '');
  return `-----BEGIN CERTIFICATE-----\n${body.match(/.{1,64}/g)?.join('\n') ?? ''}\n-----END CERTIFICATE-----\n`;
}

export function pemBody(pem: string): string {
  return pem.replace(/-----(BEGIN|END) [A-Z ]+-----/g, '').replace(/\s+/g, '');
}

export function escapeXml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
