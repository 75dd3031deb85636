/*
 * XML helpers shared by the checks: namespace URIs, a bounded parser that refuses DTDs, an ID index built in
 * one pass, and namespace-exact child lookups (never `//` searches: a wrapped document can hide a second
 * element of the same name anywhere).
 *
 * One parser only: @xmldom/xmldom is pinned to a single version for the whole install (package.json
 * "overrides"), the one xml-crypto and xml-encryption are built on, so what the signature library verifies
 * and what the checks read come out of the same parser (a parser differential is how signature wrapping
 * starts). Its DOM types are the standard ones (lib.dom), so nodes cross into xml-crypto without casts.
 */
import { DOMParser, XMLSerializer } from '@xmldom/xmldom';

export const NS = {
  samlp: 'urn:oasis:names:tc:SAML:2.0:protocol',
  saml: 'urn:oasis:names:tc:SAML:2.0:assertion',
  md: 'urn:oasis:names:tc:SAML:2.0:metadata',
  ds: 'http://www.w3.org/2000/09/xmldsig#',
  xenc: 'http://www.w3.org/2001/04/xmlenc#',
} as const;

export type XmlParseFailure = 'doctype' | 'malformed' | 'too-large' | 'too-deep';

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
 * What one document may cost, enforced by a linear pre-scan before the parser builds a single node (issue 8
 * item 4: 120k empty elements signed by an unknown key used to cost seconds of XPath inside xml-crypto before
 * the key was found untrusted). Real SAML responses are far inside these: an Entra or Okta response with a few
 * hundred group values has a few thousand elements, nesting below 15, a handful of attributes per element
 * and fewer than 20 namespace declarations. The ACS body limit (2 MB of form data) bounds the size already.
 */
export interface XmlLimits {
  /** Characters of XML text. */
  readonly maxChars: number;
  /** Start tags (elements) in the whole document. */
  readonly maxElements: number;
  /** Open elements at any point. */
  readonly maxDepth: number;
  /** Attributes (namespace declarations included) on one element. */
  readonly maxAttributesPerElement: number;
  /** xmlns declarations in the whole document: canonicalization walks every in-scope one per element. */
  readonly maxNamespaceDeclarations: number;
}

export const XML_LIMITS: XmlLimits = Object.freeze({
  maxChars: 1_572_864,
  maxElements: 10_000,
  maxDepth: 48,
  maxAttributesPerElement: 64,
  maxNamespaceDeclarations: 256,
});

/*
 * A DOCTYPE is refused outright, before parsing: SAML messages never need one (saml-bindings §3.5 carries a
 * plain XML document) and internal entities are the vector for XXE and "billion laughs" expansion.
 */
const DTD_MARKERS = /<!DOCTYPE|<!ENTITY|<!ELEMENT|<!ATTLIST/i;

/*
 * Counts elements, depth and attributes in one pass over the text, without building anything. It only has to
 * bound the parser's work, not to judge well-formedness (the parser does that next): comments, CDATA and
 * processing instructions are skipped, quoted attribute values may hold '>'.
 */
export function prescanXml(xml: string, limits: XmlLimits = XML_LIMITS): void {
  if (xml.length > limits.maxChars) throw new XmlParseError('too-large', `the document exceeds ${limits.maxChars} characters`);
  let elements = 0;
  let depth = 0;
  let namespaces = 0;
  const n = xml.length;
  let i = xml.indexOf('<');
  while (i !== -1 && i < n) {
    const next = xml.charCodeAt(i + 1);
    if (next === 0x2f /* / */) {
      depth--;
      i = xml.indexOf('<', i + 2);
      continue;
    }
    if (next === 0x3f /* ? */) {
      const end = xml.indexOf('?>', i + 2);
      i = end === -1 ? -1 : xml.indexOf('<', end + 2);
      continue;
    }
    if (next === 0x21 /* ! */) {
      const terminator = xml.startsWith('<!--', i) ? '-->' : xml.startsWith('<![CDATA[', i) ? ']]>' : '>';
      const end = xml.indexOf(terminator, i + 2);
      i = end === -1 ? -1 : xml.indexOf('<', end + terminator.length);
      continue;
    }
    // A start tag: walk to its '>' outside quotes, counting attributes by their '='.
    if (++elements > limits.maxElements) throw new XmlParseError('too-large', `the document has more than ${limits.maxElements} elements`);
    let attributes = 0;
    let quote = 0;
    let j = i + 1;
    let selfClosing = false;
    for (; j < n; j++) {
      const c = xml.charCodeAt(j);
      if (quote !== 0) {
        if (c === quote) quote = 0;
      } else if (c === 0x22 || c === 0x27) {
        quote = c;
      } else if (c === 0x3d /* = */) {
        if (++attributes > limits.maxAttributesPerElement) {
          throw new XmlParseError('too-large', `an element has more than ${limits.maxAttributesPerElement} attributes`);
        }
        // The attribute name ends right before '=' (whitespace allowed): is it xmlns or xmlns:*?
        let k = j - 1;
        while (k > i && xml.charCodeAt(k) <= 0x20) k--;
        let s = k;
        while (s > i && xml.charCodeAt(s - 1) > 0x20) s--;
        const name = xml.slice(s, k + 1);
        if ((name === 'xmlns' || name.startsWith('xmlns:')) && ++namespaces > limits.maxNamespaceDeclarations) {
          throw new XmlParseError('too-large', `the document declares more than ${limits.maxNamespaceDeclarations} namespaces`);
        }
      } else if (c === 0x3e /* > */) {
        selfClosing = xml.charCodeAt(j - 1) === 0x2f;
        break;
      }
    }
    if (depth + 1 > limits.maxDepth) throw new XmlParseError('too-deep', `elements nest deeper than ${limits.maxDepth} levels`);
    if (!selfClosing) depth++;
    i = j >= n ? -1 : xml.indexOf('<', j + 1);
  }
}

/** Parses a document within `limits`; throws XmlParseError (never anything else) when it cannot. */
export function parseXml(xml: string, limits: XmlLimits = XML_LIMITS): Document {
  if (DTD_MARKERS.test(xml)) throw new XmlParseError('doctype', 'the document carries a DTD (DOCTYPE/ENTITY), which is refused');
  prescanXml(xml, limits);
  let doc: Document;
  try {
    // xmldom 0.8 reports some ill-formed input (an element never closed, an end tag that closes the wrong
    // element) only as a warning and builds a tree anyway: every report is a refusal here.
    doc = new DOMParser({
      errorHandler: (_level: string, message: unknown) => {
        throw new XmlParseError('malformed', String(message));
      },
    }).parseFromString(xml, 'text/xml');
  } catch (e) {
    if (e instanceof XmlParseError) throw e;
    throw new XmlParseError('malformed', e instanceof Error ? e.message : String(e));
  }
  if (doc.doctype) throw new XmlParseError('doctype', 'the document carries a DOCTYPE, which is refused');
  if (!doc.documentElement) throw new XmlParseError('malformed', 'the document has no root element');
  // Beside the root element, a document holds only comments, processing instructions and white space
  // (XML 1.0 §2.1 "Misc"); xmldom 0.8 keeps text there without a word.
  for (let n = doc.firstChild; n; n = n.nextSibling) {
    if ((n.nodeType === 3 || n.nodeType === 4) && (n.nodeValue ?? '').trim() !== '') throw new XmlParseError('malformed', 'text outside the root element');
  }
  return doc;
}

/*
 * Every ID-typed attribute (ID, Id, id: what xml-crypto resolves a Reference URI against) in one walk of the
 * tree, instead of one `//*[@ID=…]` search per lookup. An ID that occurs twice is recorded as a duplicate: a
 * signature reference to it is refused, since the verifier and the reader could pick different elements.
 */
export interface IdIndex {
  readonly byId: ReadonlyMap<string, Element>;
  readonly duplicates: ReadonlySet<string>;
}

const ID_ATTRIBUTES = ['ID', 'Id', 'id'] as const;
const idIndexes = new WeakMap<Document, IdIndex>();

export function idIndex(doc: Document): IdIndex {
  const cached = idIndexes.get(doc);
  if (cached) return cached;
  const byId = new Map<string, Element>();
  const duplicates = new Set<string>();
  // Iterative pre-order walk: the depth is bounded by the parse limits, but no recursion is needed at all.
  const stack: Node[] = [];
  for (let c = doc.lastChild; c; c = c.previousSibling) stack.push(c);
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (!isElement(node)) continue;
    for (const name of ID_ATTRIBUTES) {
      if (!node.hasAttribute(name)) continue;
      const value = node.getAttribute(name) ?? '';
      if (byId.has(value)) duplicates.add(value);
      else byId.set(value, node);
    }
    for (let c = node.lastChild; c; c = c.previousSibling) stack.push(c);
  }
  const index = { byId, duplicates };
  idIndexes.set(doc, index);
  return index;
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
  if (!el?.hasAttribute(name)) return undefined;
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
