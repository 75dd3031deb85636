/*
 * Verifies the enveloped XML signature of one SAML element and returns ONLY the XML that signature covers
 * (like node-saml's getVerifiedXml). Wrapping attacks (XSW) move the signed element and put an unsigned one
 * where the SP looks; taking the signed reference's own bytes makes that impossible. Why each rule exists:
 * - one Signature child only: two signatures make "which one did we check" ambiguous;
 * - one Reference, URI "#<the element's ID>": the signature must cover its parent element, nothing else
 *   (saml-core §5.4.2: "SAML assertions and protocols MUST use enveloped signatures");
 * - the ID unique in the whole document: a duplicate ID lets the verifier and the reader disagree;
 * - no quotes in the ID: it never reaches an XPath expression unescaped;
 * - at most two transforms, only enveloped-signature and (exclusive) canonicalization (saml-core §5.4.3/§5.4.4):
 *   XPath/XSLT transforms can make a signature cover something other than what is read;
 * - the key is the tenant's trusted certificate, never one carried in the message's KeyInfo.
 */
import type { Element, Node } from '@xmldom/xmldom';
import { SignedXml } from 'xml-crypto';
import type { SamlTenantConfig } from '../config/saml-section.ts';
import { checkSignatureAlgorithm } from './checks/check-signature-algorithm.ts';
import { reject } from './rejection.ts';
import type { SignatureInfo } from './state.ts';
import { NS, attr, children, isElement, path } from './xml.ts';

const ALLOWED_TRANSFORMS = new Set([
  'http://www.w3.org/2000/09/xmldsig#enveloped-signature',
  'http://www.w3.org/2001/10/xml-exc-c14n#',
  'http://www.w3.org/2001/10/xml-exc-c14n#WithComments',
  'http://www.w3.org/TR/2001/REC-xml-c14n-20010315',
  'http://www.w3.org/TR/2001/REC-xml-c14n-20010315#WithComments',
]);

export interface VerifiedElement {
  readonly verifiedXml: string;
  readonly info: SignatureInfo;
}

function countById(root: Node, id: string): number {
  let n = 0;
  const walk = (node: Node) => {
    if (isElement(node)) {
      for (const name of ['ID', 'Id', 'id']) if (node.getAttribute(name) === id) n++;
    }
    for (let c = node.firstChild; c; c = c.nextSibling) walk(c);
  };
  walk(root);
  return n;
}

/** undefined when the element carries no signature; throws a SamlRejection when it carries a bad one. */
export function verifyEnvelopedSignature(
  fullXml: string,
  element: Element,
  on: SignatureInfo['on'],
  saml: Pick<SamlTenantConfig, 'allowedSignatureAlgorithms' | 'allowedDigestAlgorithms' | 'idp'>,
): VerifiedElement | undefined {
  const spec = 'saml-core §5.4';
  const signatures = children(element, NS.ds, 'Signature');
  if (signatures.length === 0) return undefined;
  if (signatures.length > 1) throw reject('signature/invalid', { message: `the ${on} carries ${signatures.length} signatures; exactly one is allowed`, spec });
  const signature = signatures[0]!;
  const algorithms = checkSignatureAlgorithm(signature, saml);

  const signedInfo = path(signature, NS.ds, 'SignedInfo');
  const references = signedInfo ? children(signedInfo, NS.ds, 'Reference') : [];
  if (references.length !== 1) throw reject('signature/invalid', { message: `the ${on} signature has ${references.length} references; exactly one is allowed`, spec: 'saml-core §5.4.2' });
  const reference = references[0]!;
  const transforms = children(path(reference, NS.ds, 'Transforms') ?? reference, NS.ds, 'Transform');
  if (transforms.length > 2) throw reject('signature/invalid', { message: `the ${on} signature has ${transforms.length} transforms; at most two are allowed`, spec: 'saml-core §5.4.4' });
  for (const t of transforms) {
    const alg = attr(t, 'Algorithm') ?? '';
    if (!ALLOWED_TRANSFORMS.has(alg)) throw reject('signature/invalid', { message: `unexpected transform ${alg}`, spec: 'saml-core §5.4.4' });
  }
  const id = attr(element, 'ID');
  const uri = attr(reference, 'URI') ?? '';
  if (!id || uri !== `#${id}`) {
    throw reject('signature/invalid', { message: `the ${on} signature must reference its own element (#${id ?? '?'}), not "${uri}"`, spec: 'saml-core §5.4.2' });
  }
  if (/['"]/.test(id)) throw reject('signature/invalid', { message: 'the referenced ID contains a quote character', spec: 'saml-core §5.4.2' });
  const owner = element.ownerDocument;
  if (!owner || countById(owner, id) !== 1) {
    throw reject('signature/invalid', { message: `the ID ${id} appears more than once in the document`, spec: 'saml-core §5.4.2' });
  }

  const errors: string[] = [];
  for (const cert of saml.idp.signingCertificates) {
    const sig = new SignedXml({ publicCert: cert, getCertFromKeyInfo: () => null });
    try {
      sig.loadSignature(signature as unknown as Parameters<SignedXml['loadSignature']>[0]);
      if (!sig.checkSignature(fullXml)) {
        errors.push('signature value does not verify');
        continue;
      }
      const signed = sig.getSignedReferences();
      if (signed.length !== 1 || !signed[0]) {
        errors.push(`${signed.length} signed references`);
        continue;
      }
      return { verifiedXml: signed[0], info: { on, ...algorithms } };
    } catch (e) {
      errors.push(e instanceof Error ? e.message : String(e));
    }
  }
  throw reject('signature/invalid', {
    message: `the ${on} signature does not verify against the trusted IdP certificate${saml.idp.signingCertificates.length > 1 ? 's' : ''}: ${errors[0] ?? 'no certificate'}`,
    spec: 'xmldsig-core §3.2',
  });
}
