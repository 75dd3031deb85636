/*
 * The reference SP's one enveloped XML signature writer, for every message it signs inside the XML: the
 * AuthnRequest over HTTP-POST (./authn-request-post.ts), LogoutRequest/LogoutResponse over HTTP-POST
 * (./logout/send.ts) and ArtifactResolve over SOAP (./artifact/artifact-resolve.ts). As saml-core §5.4 profiles
 * XML-DSig:
 * - exactly one Reference, URI="#<ID of the signed element>" (§5.4.2)
 * - transforms: enveloped-signature then exclusive c14n (§5.4.4); SignedInfo canonicalised with exc-c14n (§5.4.3)
 * - RSA-SHA256 over SHA-256 digests (§5.4.1 leaves the algorithm open; SHA-1 is refused by our own SP)
 * - the ds:Signature is placed right after the element's saml:Issuer, where RequestAbstractType and
 *   StatusResponseType put it (§3.2.1, §3.2.2)
 * - KeyInfo carries the SP certificate (§5.4.5); the IdP still pins the key from the SP's metadata
 */
import { SignedXml } from 'xml-crypto';
import { RSA_SHA256 } from './redirect-message.ts';
import type { SpKeys } from './keys.ts';

const SHA256 = 'http://www.w3.org/2001/04/xmlenc#sha256';
const EXC_C14N = 'http://www.w3.org/2001/10/xml-exc-c14n#';
const ENVELOPED = 'http://www.w3.org/2000/09/xmldsig#enveloped-signature';

/** The signed element: its local name and its ID (the Reference's URI). */
export interface SignedElement {
  readonly localName: 'AuthnRequest' | 'LogoutRequest' | 'LogoutResponse' | 'ArtifactResolve';
  readonly id: string;
}

export function signEnveloped(xml: string, element: SignedElement, keys: SpKeys): string {
  const sig = new SignedXml({ privateKey: keys.privateKeyPem, publicCert: keys.certificatePem, signatureAlgorithm: RSA_SHA256, canonicalizationAlgorithm: EXC_C14N });
  const self = `//*[local-name()='${element.localName}' and @ID='${element.id}']`;
  sig.addReference({ xpath: self, transforms: [ENVELOPED, EXC_C14N], digestAlgorithm: SHA256 });
  sig.computeSignature(xml, { prefix: 'ds', location: { reference: `${self}/*[local-name()='Issuer']`, action: 'after' } });
  return sig.getSignedXml();
}
