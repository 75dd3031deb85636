/*
 * Verifies one enveloped signature with xml-crypto 6 and returns ONLY the XML it covers (xml-crypto's
 * getSignedReferences: the referenced element, canonicalized, as the digest saw it). Callers read that XML and
 * never the element they found in the message, so what is read is what was signed (XSW, Somorovsky et al. 2012).
 * - saml-core §5.4.2: exactly one Reference, whose URI is "#" + the ID of the signature's parent element
 * - saml-core §5.4.4: only the enveloped-signature transform and (exclusive) canonicalization; XPath or XSLT
 *   transforms can make a signature cover something other than what is read (xmldsig-core §6.6.3–6.6.5)
 * - the key is the one `certificatePem` given (the caller chooses it; KeyInfo is never consulted here)
 * - xml-crypto refuses an ID that appears twice in the document
 * Any failure is signature/invalid; nothing from the message or the library reaches the refusal.
 */
import { SignedXml } from 'xml-crypto';
import { refuse } from './refusal.ts';

const ALLOWED_TRANSFORMS = new Set([
  'http://www.w3.org/2000/09/xmldsig#enveloped-signature',
  'http://www.w3.org/2001/10/xml-exc-c14n#',
  'http://www.w3.org/2001/10/xml-exc-c14n#WithComments',
  'http://www.w3.org/TR/2001/REC-xml-c14n-20010315',
  'http://www.w3.org/TR/2001/REC-xml-c14n-20010315#WithComments',
]);

export function verifyEnveloped(documentXml: string, element: Element, signature: Element, certificatePem: string): string {
  const id = element.getAttribute('ID');
  if (!id) refuse('signature/invalid');
  const verifier = new SignedXml({ publicCert: certificatePem, getCertFromKeyInfo: () => null });
  let signed: string[];
  try {
    verifier.loadSignature(signature);
    const references = verifier.getReferences();
    if (references.length !== 1 || references[0]!.uri !== `#${id}`) refuse('signature/invalid');
    if (references[0]!.transforms.length > 2 || !references[0]!.transforms.every((t) => ALLOWED_TRANSFORMS.has(t))) refuse('signature/invalid');
    if (!verifier.checkSignature(documentXml)) refuse('signature/invalid');
    signed = verifier.getSignedReferences();
  } catch {
    refuse('signature/invalid');
  }
  if (signed.length !== 1) refuse('signature/invalid');
  return signed[0]!;
}

/** The certificate a signature's KeyInfo carries, if any (what a careless SP trusts; see ../trusts-keyinfo.ts). */
export function certificateFromKeyInfo(signature: Element): string | undefined {
  const pem = SignedXml.getCertFromKeyInfo(signature);
  return pem ?? undefined;
}
