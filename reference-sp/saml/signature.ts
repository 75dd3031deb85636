/*
 * Verifies the enveloped XML signature of one SAML element and returns ONLY the XML that signature covers
 * (like node-saml's getVerifiedXml). Wrapping attacks (XSW) move the signed element and put an unsigned one
 * where the SP looks; taking the signed reference's own bytes makes that impossible. Why each rule exists:
 * - one Signature child only: two signatures make "which one did we check" ambiguous;
 * - no ds:Object in it: an enveloped SAML signature (saml-core §5.4.1) has no use for one, and the enveloped
 *   transform drops the whole Signature from the digest, so an Object is unsigned room where XSW1/XSW8 and
 *   assertion smuggling hide content;
 * - one Reference, URI "#<the element's ID>": the signature must cover its parent element, nothing else
 *   (saml-core §5.4.2: "SAML assertions and protocols MUST use enveloped signatures");
 * - the ID unique in the whole document: a duplicate ID lets the verifier and the reader disagree;
 * - no quotes in the ID: it never reaches an XPath expression unescaped;
 * - at most two transforms, only enveloped-signature and (exclusive) canonicalization (saml-core §5.4.3/§5.4.4):
 *   XPath/XSLT transforms can make a signature cover something other than what is read;
 * - the key is the tenant's trusted certificate, never one carried in the message's KeyInfo.
 *
 * What it may cost (issue 8 item 4, issue 15). Cheapest first:
 * 1. structure: the rules above, a Signature of at most MAX_SIGNATURE_ELEMENTS elements, the ID looked up
 *    in the document's one-pass index (../xml.ts idIndex), never by XPath;
 * 2. the SignatureValue over the canonical SignedInfo against the trusted certificates (their public keys
 *    parsed once and kept, bounded, see publicKeyOf), then the Reference digest over the canonical element.
 *
 * Why step 2 composes xml-crypto's parts instead of calling its checkSignature (measured, issue 15): on a
 * Response with Response and Assertion signed, checkSignature was 53% of the whole ACS pipeline's time, nearly
 * all of it outside cryptography: it re-parses the document it is given, loadSignature deep-clones the
 * Signature, and it finds the Reference target and every ancestor namespace with document-wide XPath searches
 * (xpath.js alone was a quarter of the pipeline's self time), and it re-read a PEM certificate for every verify.
 * So the cryptography and canonicalization stay xml-crypto's own (its SignatureAlgorithms, HashAlgorithms and
 * C14N/exclusive-C14N canonicalizers, verifying exactly as checkSignature does: SignatureValue over the
 * canonical SignedInfo, DigestValue over the canonical Reference target, without its Signature when the
 * enveloped-signature transform is named); only the two
 * lookups checkSignature does by XPath are done here by walking the tree: the Reference target is the element
 * itself (its unique ID checked in step 1) and its ancestor namespaces are read from its parents (what
 * xml-crypto's findAncestorNs computes). What goes downstream is the canonical XML that was digested, the
 * same string xml-crypto's getSignedReferences returns. ./signature.cross-check.test.ts holds the verdicts and
 * the verified bytes equal to xml-crypto's checkSignature and to xmlsec1's on valid, tampered, re-keyed and
 * re-canonicalized documents.
 * Every refusal carries one fixed message: nothing from the message (IDs, URIs, digests, library errors).
 */
import { type KeyObject, X509Certificate, timingSafeEqual } from 'node:crypto';
import { SignedXml, type NamespacePrefix } from 'xml-crypto';
import type { ResolvedIdp, SamlTenantConfig } from '../config/saml-section.ts';
import { checkSignatureAlgorithm } from './checks/check-signature-algorithm.ts';
import { reject, type SamlRejection } from './rejection.ts';
import type { SignatureInfo } from './state.ts';
import { NS, attr, children, idIndex, isElement, path, text, toPemCertificate } from './xml.ts';

const ENVELOPED = 'http://www.w3.org/2000/09/xmldsig#enveloped-signature';
const INCLUSIVE_C14N = 'http://www.w3.org/TR/2001/REC-xml-c14n-20010315';
const CANONICALIZATIONS = new Set([
  'http://www.w3.org/2001/10/xml-exc-c14n#',
  'http://www.w3.org/2001/10/xml-exc-c14n#WithComments',
  INCLUSIVE_C14N,
  'http://www.w3.org/TR/2001/REC-xml-c14n-20010315#WithComments',
]);
const ALLOWED_TRANSFORMS = new Set([ENVELOPED, ...CANONICALIZATIONS]);

/*
 * A SAML enveloped signature has about fifteen elements (SignedInfo, its methods, one Reference with two
 * transforms, SignatureValue, KeyInfo with a certificate or two). Its size is bounded before any of it is read
 * or canonicalized.
 */
const MAX_SIGNATURE_ELEMENTS = 64;

/** What a signature is on: a part of a SAML message, or an IdP's metadata document (./metadata-trust/). */
export type SignedPart = SignatureInfo['on'] | 'metadata';

export interface VerifiedElement<On extends SignedPart = SignatureInfo['on']> {
  readonly verifiedXml: string;
  readonly info: Omit<SignatureInfo, 'on'> & { readonly on: On };
}

function invalid(on: SignedPart, message: string, spec: string): SamlRejection {
  return reject('signature/invalid', { message: `the ${on} signature ${message}`, spec });
}

function elementCount(root: Element, max: number): number {
  let n = 0;
  const stack: Node[] = [root];
  while (stack.length > 0 && n <= max) {
    const node = stack.pop()!;
    if (!isElement(node)) continue;
    n++;
    for (let c = node.firstChild; c; c = c.nextSibling) stack.push(c);
  }
  return n;
}

/*
 * The namespaces an element inherits from its ancestors, nearest declaration first, minus the ones it declares
 * itself and its own prefix: what xml-crypto's findAncestorNs computes, without its XPath lookup.
 */
function ancestorNamespaces(element: Element): NamespacePrefix[] {
  const own = new Set<string>([element.prefix ?? '']);
  for (const a of Array.from(element.attributes)) if (a.name === 'xmlns' || a.name.startsWith('xmlns:')) own.add(a.name.replace(/^xmlns:?/, ''));
  const seen = new Set<string>();
  const out: NamespacePrefix[] = [];
  for (let p = element.parentNode; p && isElement(p); p = p.parentNode) {
    for (const a of Array.from(p.attributes)) {
      if (a.name !== 'xmlns' && !a.name.startsWith('xmlns:')) continue;
      const prefix = a.name.replace(/^xmlns:?/, '');
      if (seen.has(prefix)) continue;
      seen.add(prefix);
      if (a.value !== '' && !own.has(prefix)) out.push({ prefix, namespaceURI: a.value });
    }
  }
  return out;
}

/*
 * A same-document reference is dereferenced without comments (xmldsig-core1 §4.4.3.3), so a "#WithComments"
 * canonicalization of it is the same as the one without; xml-crypto strips the comments first to the same
 * effect. Mapping the algorithm spares a copy of the element.
 */
const WITHOUT_COMMENTS: Readonly<Record<string, string>> = {
  'http://www.w3.org/2001/10/xml-exc-c14n#WithComments': 'http://www.w3.org/2001/10/xml-exc-c14n#',
  'http://www.w3.org/TR/2001/REC-xml-c14n-20010315#WithComments': INCLUSIVE_C14N,
};

/*
 * The enveloped-signature transform without copying the element: the Signature is taken out of the parsed
 * document for the duration of one synchronous canonicalization and put back in the same place.
 */
function withoutSignature<T>(element: Element, signature: Element, body: () => T): T {
  const next = signature.nextSibling;
  element.removeChild(signature);
  try {
    return body();
  } finally {
    element.insertBefore(signature, next);
  }
}

/*
 * The trusted certificates' public keys, parsed once per certificate text: reading a PEM certificate costs far
 * more than the RSA verify itself. Bounded: beyond MAX_CACHED_KEYS the oldest entry goes (certificates come
 * from configuration and verified metadata, never from a message, so the set is small in practice). A text that
 * is not a certificate maps to null and verifies nothing.
 */
const MAX_CACHED_KEYS = 256;
const publicKeys = new Map<string, KeyObject | null>();

function publicKeyOf(certificate: string): KeyObject | null {
  let key = publicKeys.get(certificate);
  if (key !== undefined) return key;
  try {
    key = new X509Certificate(certificate.includes('-----BEGIN') ? certificate : toPemCertificate(certificate)).publicKey;
  } catch {
    key = null;
  }
  if (publicKeys.size >= MAX_CACHED_KEYS) publicKeys.delete(publicKeys.keys().next().value!);
  publicKeys.set(certificate, key);
  return key;
}

/* xml-crypto's algorithm tables; the classes they hold keep no state between calls. */
const TOOLS = new SignedXml();

/**
 * Step 2: the canonical XML of `element` (its Signature taken out) when some trusted certificate signed this
 * SignedInfo and its one Reference's digest matches it; undefined otherwise.
 */
function verifiedCanonicalXml(element: Element, signature: Element, signatureAlgorithm: string, certificates: readonly string[]): string | undefined {
  const signedInfo = path(signature, NS.ds, 'SignedInfo')!;
  const reference = children(signedInfo, NS.ds, 'Reference')[0]!;
  const c14n = attr(path(signedInfo, NS.ds, 'CanonicalizationMethod'), 'Algorithm') ?? '';
  const digestAlgorithm = attr(path(reference, NS.ds, 'DigestMethod'), 'Algorithm') ?? '';
  const digestValue = text(path(reference, NS.ds, 'DigestValue')) ?? '';
  const signatureValue = (text(path(signature, NS.ds, 'SignatureValue')) ?? '').replace(/\s+/g, '');
  if (!CANONICALIZATIONS.has(c14n) || !digestValue || !signatureValue) return undefined;

  const Signer = TOOLS.SignatureAlgorithms[signatureAlgorithm];
  const Hash = TOOLS.HashAlgorithms[digestAlgorithm];
  if (!Signer || !Hash) return undefined;
  // What xml-crypto's getCanonXml does, less its deep copy of SignedInfo (the canonicalizers only read).
  const SignedInfoCanonicalizer = TOOLS.CanonicalizationAlgorithms[c14n];
  if (!SignedInfoCanonicalizer) return undefined;
  const canonicalSignedInfo = String(
    new SignedInfoCanonicalizer().process(signedInfo, { ancestorNamespaces: ancestorNamespaces(signedInfo), defaultNsForPrefix: SignedXml.defaultNsForPrefix }),
  );
  const signer = new Signer();
  const keys = certificates.map(publicKeyOf).filter((k): k is KeyObject => k !== null);
  if (!keys.some((key) => signer.verifySignature(canonicalSignedInfo, key, signatureValue))) return undefined;

  // The Reference: enveloped-signature (when named) done by hand, then the one canonicalization it names
  // (inclusive C14N when it names none, xmldsig-core1 §4.4.3.2), as xml-crypto's loadReference fills it in.
  const transformElements = children(path(reference, NS.ds, 'Transforms') ?? reference, NS.ds, 'Transform');
  const transforms = transformElements.map((t) => attr(t, 'Algorithm') ?? '');
  const canonical = transforms.filter((t) => t !== ENVELOPED);
  if (transforms.length === 0 || transforms[transforms.length - 1] === ENVELOPED) canonical.push(INCLUSIVE_C14N);
  if (canonical.length !== 1) return undefined;
  const Canonicalizer = TOOLS.CanonicalizationAlgorithms[WITHOUT_COMMENTS[canonical[0]!] ?? canonical[0]!];
  if (!Canonicalizer) return undefined;
  const last = transformElements[transformElements.length - 1];
  const prefixList = last
    ? Array.from(last.childNodes)
        .filter((n): n is Element => isElement(n) && n.localName === 'InclusiveNamespaces')
        .flatMap((n) => (n.getAttribute('PrefixList') ?? '').split(' '))
        .filter((p) => p.length > 0)
    : [];
  const canonicalize = () =>
    String(
      new Canonicalizer().process(element, {
        ancestorNamespaces: ancestorNamespaces(element),
        inclusiveNamespacesPrefixList: prefixList,
        defaultNsForPrefix: SignedXml.defaultNsForPrefix,
      }),
    );
  // Without the enveloped-signature transform the digest covers the Signature too (and so cannot match).
  const canonicalElement = transforms.includes(ENVELOPED) ? withoutSignature(element, signature, canonicalize) : canonicalize();
  const digest = Buffer.from(new Hash().getHash(canonicalElement), 'base64');
  const expected = Buffer.from(digestValue, 'base64');
  return digest.length === expected.length && timingSafeEqual(digest, expected) ? canonicalElement : undefined;
}

/** undefined when the element carries no signature; throws a SamlRejection when it carries a bad one. */
export function verifyEnvelopedSignature<On extends SignedPart>(
  element: Element,
  on: On,
  saml: Pick<SamlTenantConfig, 'allowedSignatureAlgorithms' | 'allowedDigestAlgorithms'> & { readonly idp: Pick<ResolvedIdp, 'signingCertificates'> },
): VerifiedElement<On> | undefined {
  const signatures = children(element, NS.ds, 'Signature');
  if (signatures.length === 0) return undefined;
  if (signatures.length > 1) throw invalid(on, 'must be the only Signature of its element', 'saml-core §5.4.2');
  const signature = signatures[0]!;
  if (children(signature, NS.ds, 'Object').length > 0) throw invalid(on, 'carries a ds:Object, which an enveloped SAML signature never has', 'saml-core §5.4.1');
  if (elementCount(signature, MAX_SIGNATURE_ELEMENTS) > MAX_SIGNATURE_ELEMENTS) throw invalid(on, 'is larger than an enveloped SAML signature can be', 'saml-core §5.4');
  const algorithms = checkSignatureAlgorithm(signature, saml);

  const signedInfo = path(signature, NS.ds, 'SignedInfo');
  const references = signedInfo ? children(signedInfo, NS.ds, 'Reference') : [];
  if (references.length !== 1) throw invalid(on, 'must have exactly one Reference', 'saml-core §5.4.2');
  const reference = references[0]!;
  const transforms = children(path(reference, NS.ds, 'Transforms') ?? reference, NS.ds, 'Transform');
  if (transforms.length > 2) throw invalid(on, 'has more than two transforms', 'saml-core §5.4.4');
  if (!transforms.every((t) => ALLOWED_TRANSFORMS.has(attr(t, 'Algorithm') ?? '')))
    throw invalid(on, 'uses a transform other than enveloped-signature and canonicalization', 'saml-core §5.4.4');
  const id = attr(element, 'ID');
  if (!id || attr(reference, 'URI') !== `#${id}`) throw invalid(on, 'must reference its own element by ID', 'saml-core §5.4.2');
  if (/['"]/.test(id)) throw invalid(on, 'references an ID that contains a quote character', 'saml-core §5.4.2');
  // One indexed pass over the document (cached per document), never an XPath search per reference.
  const index = element.ownerDocument ? idIndex(element.ownerDocument) : undefined;
  if (!index || index.duplicates.has(id) || index.byId.get(id) !== element) throw invalid(on, 'references an ID that appears more than once in the document', 'saml-core §5.4.2');

  let verifiedXml: string | undefined;
  try {
    verifiedXml = verifiedCanonicalXml(element, signature, algorithms.signatureAlgorithm, saml.idp.signingCertificates);
  } catch {
    verifiedXml = undefined; // the answer names none of xml-crypto's messages
  }
  if (verifiedXml === undefined) throw invalid(on, 'does not verify against the trusted IdP certificate', 'xmldsig-core1 §3.2');
  return { verifiedXml, info: { on, ...algorithms } };
}
