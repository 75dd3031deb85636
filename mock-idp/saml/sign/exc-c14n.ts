/*
 * Exclusive XML Canonicalization without comments (xml-exc-c14n §3, on c14n 1.0 §2.3), written out for the
 * element trees the mock IdP builds itself (./xml-node.ts) — never for XML it received.
 *
 * Why hand-written (issue 15): profiling the mint showed xml-crypto's computeSignature, not RSA, as the cost —
 * per signature it parses the document and two helper snippets, deep-clones the signed element, walks it with
 * XPath for comments and ancestor namespaces, and serialises the document twice; two signatures per Response cost
 * twice the RSA operations. The builder already holds the structure, so its canonical form is a walk:
 * - namespace declarations: only those visibly utilised (the element's prefix, its prefixed attributes' prefixes)
 *   and not already rendered by an output ancestor with the same URI, sorted by prefix (xml-exc-c14n §3 rule 2)
 * - attributes: unprefixed first, then by namespace URI and local name; values escape & < " and tab, LF, CR as
 *   character references (c14n §2.3); text escapes & < > and CR (c14n §2.3)
 * - empty elements as start and end tag; no comments (there are none in a tree), no XML declaration
 * - a value the parser would change before canonicalising (line ends, tab, C0/C1 controls, line separators, lone
 *   surrogates) or raw markup makes the form unavailable (undefined): the caller signs with xml-crypto instead;
 *   raw markup that xml-crypto canonicalised already (./opaque-element.ts) is embedded as it is.
 * Every shape the builder writes is checked byte for byte against xml-crypto's output and verified by xmlsec1 in
 * ./template-signer.test.ts.
 */
import type { XmlElement, XmlNode } from './xml-node.ts';

/** Characters whose canonical form depends on parsing (normalisation, or not XML at all). */
const NOT_PLAIN = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

const TEXT_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };
const ATTRIBUTE_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '"': '&quot;' };
const canonicalText = (s: string) => s.replace(/[&<>]/g, (c) => TEXT_ESCAPES[c]!);
const canonicalAttribute = (s: string) => s.replace(/[&<"]/g, (c) => ATTRIBUTE_ESCAPES[c]!);

class NotCanonicalisable extends Error {}

function prefixOf(name: string): string | undefined {
  const colon = name.indexOf(':');
  return colon < 0 ? undefined : name.slice(0, colon);
}

function localNameOf(name: string): string {
  return name.slice(name.indexOf(':') + 1);
}

/** The exclusive canonical form of an element the IdP built, or undefined when only a parser can tell it. */
export function canonicalize(element: XmlElement): string | undefined {
  const out: string[] = [];
  try {
    render(element, new Map(), out);
  } catch (e) {
    if (e instanceof NotCanonicalisable) return undefined;
    throw e;
  }
  return out.join('');
}

function plain(value: string): string {
  if (NOT_PLAIN.test(value)) throw new NotCanonicalisable();
  return value;
}

function render(node: XmlNode, rendered: Map<string, string>, out: string[]): void {
  if (typeof node === 'string') {
    out.push(canonicalText(plain(node)));
    return;
  }
  if (node.kind === 'raw') {
    // A subtree canonicalised on its own is the same inside this one unless an output ancestor already rendered
    // a prefix the subtree declares (then exc-c14n would leave that declaration out).
    if (node.canonical === undefined || [...rendered.keys()].some((p) => node.canonical!.includes(` xmlns:${p}=`))) throw new NotCanonicalisable();
    out.push(node.canonical);
    return;
  }
  const prefix = prefixOf(node.name);
  // Unprefixed elements (a default namespace) never occur in what the IdP writes; leave them to xml-crypto.
  if (prefix === undefined) throw new NotCanonicalisable();
  const inScope = new Map(rendered);
  const declare: [string, string][] = [];
  const utilise = (p: string, uri: string) => {
    if (p === 'xml' || p === 'xmlns' || inScope.get(p) === uri) return;
    inScope.set(p, uri);
    declare.push([p, uri]);
  };
  utilise(prefix, node.namespaceUri);
  for (const a of node.attributes) {
    const p = prefixOf(a.name);
    if (p !== undefined) {
      if (a.namespaceUri === undefined) throw new NotCanonicalisable();
      utilise(p, a.namespaceUri);
    }
  }
  declare.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const attributes = [...node.attributes].sort(compareAttributes);
  out.push('<', node.name);
  for (const [p, uri] of declare) out.push(' xmlns:', p, '="', canonicalAttribute(plain(uri)), '"');
  for (const a of attributes) out.push(' ', a.name, '="', canonicalAttribute(plain(a.value)), '"');
  out.push('>');
  for (const child of node.children) render(child, inScope, out);
  out.push('</', node.name, '>');
}

/** c14n §2.2 (document order of attributes): no namespace first, then by namespace URI, then by local name. */
function compareAttributes(a: { name: string; namespaceUri?: string | undefined }, b: { name: string; namespaceUri?: string | undefined }): number {
  const left = `${a.namespaceUri === undefined ? '' : `1${a.namespaceUri}`}\u0000${localNameOf(a.name)}`;
  const right = `${b.namespaceUri === undefined ? '' : `1${b.namespaceUri}`}\u0000${localNameOf(b.name)}`;
  return left < right ? -1 : left > right ? 1 : 0;
}
