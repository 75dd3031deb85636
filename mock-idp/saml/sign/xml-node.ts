/*
 * A small element tree for the XML the mock IdP writes itself (the Response and its Assertion), so that one
 * template gives both forms a signer needs without a DOM→serialise→reparse cycle (issue 15):
 * - the wire form (`serializeNode`): what the IdP sends. An element that went through a signature is written the
 *   way @xmldom/xmldom 0.8 serialises a parsed document, because that is what xml-crypto returns and what the IdP
 *   always sent: empty elements self-closed, text escaping <&>, attribute escaping <>&" (plus tab and line ends).
 *   Elements never signed keep the builder's own form (escapeXml everywhere, end tags as the template wrote them).
 * - the canonical form (./exc-c14n.ts), which the digest and the signature are computed over.
 * A `raw` node is markup the tree cannot look into (an encrypted assertion, a NameID split by a comment): it is
 * written as is and, unless it carries its canonical form (./opaque-element.ts), makes the canonical form of
 * the element around it unavailable, so that element falls back to xml-crypto.
 */
import { escapeXml } from '../xml.ts';

export interface XmlAttribute {
  /** The name as written, e.g. "ID" or "xsi:type". */
  readonly name: string;
  readonly value: string;
  /** The namespace URI of a prefixed attribute (none for unprefixed ones). */
  readonly namespaceUri?: string | undefined;
}

export interface XmlElement {
  readonly kind: 'element';
  /** The qualified name as written, e.g. "saml:Assertion" (always prefixed in what the IdP writes). */
  readonly name: string;
  readonly namespaceUri: string;
  /** Namespace declarations written on this element, before its attributes: [prefix, URI]. */
  readonly declarations: readonly (readonly [string, string])[];
  /** Attributes in the order they are written. */
  readonly attributes: readonly XmlAttribute[];
  readonly children: readonly XmlNode[];
  /** Builder form only: an empty element is written `<x/>` rather than `<x></x>`. */
  readonly selfClosing: boolean;
  /** Written in xmldom's serialised form (this element went through a signature). */
  readonly parsedForm: boolean;
}

export interface XmlRaw {
  readonly kind: 'raw';
  readonly markup: string;
  /** Its form inside a signed element (xmldom's), when that differs from `markup` (./opaque-element.ts). */
  readonly parsedMarkup?: string;
  /** Its exclusive canonical form, when known (./opaque-element.ts); without it the element is xml-crypto's to sign. */
  readonly canonical?: string;
}

/** An element, a run of text (a string), or raw markup. */
export type XmlNode = XmlElement | XmlRaw | string;

/** Attributes as [name, value] or [name, value, namespace URI]; an undefined value leaves the attribute out. */
export type AttributeList = readonly (readonly [string, string | undefined] | readonly [string, string, string])[];

export interface ElementOptions {
  readonly declare?: readonly (readonly [string, string])[];
  readonly selfClosing?: boolean;
}

export function el(name: string, namespaceUri: string, attributes: AttributeList, children: readonly XmlNode[] = [], options: ElementOptions = {}): XmlElement {
  const attrs: XmlAttribute[] = [];
  for (const [n, value, ns] of attributes) if (value !== undefined) attrs.push(ns === undefined ? { name: n, value } : { name: n, value, namespaceUri: ns });
  return {
    kind: 'element',
    name,
    namespaceUri,
    declarations: options.declare ?? [],
    attributes: attrs,
    children,
    selfClosing: options.selfClosing === true,
    parsedForm: false,
  };
}

export function raw(markup: string): XmlRaw {
  return { kind: 'raw', markup };
}

// xmldom 0.8 (lib/dom.js, nodeSerializeToString): text escapes [<&>], attribute values [<>&"\t\n\r].
const XMLDOM_ESCAPES: Record<string, string> = { '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', '\t': '&#9;', '\n': '&#10;', '\r': '&#13;' };
const xmldomText = (s: string) => s.replace(/[<&>]/g, (c) => XMLDOM_ESCAPES[c]!);
const xmldomAttribute = (s: string) => s.replace(/[<>&"\t\n\r]/g, (c) => XMLDOM_ESCAPES[c]!);

/** The wire form of a node. */
export function serializeNode(node: XmlNode, parsedForm = false): string {
  const out: string[] = [];
  write(node, parsedForm, out);
  return out.join('');
}

function write(node: XmlNode, parsedForm: boolean, out: string[]): void {
  if (typeof node === 'string') {
    out.push(parsedForm ? xmldomText(node) : escapeXml(node));
    return;
  }
  if (node.kind === 'raw') {
    out.push(parsedForm ? (node.parsedMarkup ?? node.markup) : node.markup);
    return;
  }
  const parsed = parsedForm || node.parsedForm;
  const attribute = parsed ? xmldomAttribute : escapeXml;
  out.push('<', node.name);
  for (const [prefix, uri] of node.declarations) out.push(' xmlns:', prefix, '="', attribute(uri), '"');
  for (const a of node.attributes) out.push(' ', a.name, '="', attribute(a.value), '"');
  // xmldom keeps no empty text node, so a parsed element with only empty text is empty.
  const children = parsed ? node.children.filter((c) => c !== '') : node.children;
  if (children.length === 0 && (parsed || node.selfClosing)) {
    out.push('/>');
    return;
  }
  out.push('>');
  for (const child of children) write(child, parsed, out);
  out.push('</', node.name, '>');
}
