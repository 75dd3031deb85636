/*
 * Signed metadata (saml-metadata §3, "Signature Processing"; §3.1 profiles XML-DSig as saml-core §5.4 does):
 * when a tenant configures idp.metadataSigningCertificate, the metadata document must carry an enveloped
 * signature over its root element (EntityDescriptor or EntitiesDescriptor) by that certificate, else it is not
 * trusted at all — not at start-up, not at a refresh.
 * - no Signature child of the root: metadata/signature-missing;
 * - anything ../signature.ts refuses for a SAML message (two signatures, a ds:Object, not exactly one Reference
 *   to the root's own ID, transforms other than enveloped-signature and canonicalization, a refused algorithm,
 *   a value that does not verify against the configured certificate — never a certificate the document carries
 *   in its KeyInfo): metadata/signature-invalid. The same verifier, not a copy: one set of XSW defences.
 * - only what the signature covered is read afterwards: the verified root's XML is parsed again and returned,
 *   so an IdP descriptor smuggled beside the signed content is never seen.
 * Without a configured certificate a signature is not required and not checked (NinjaOne's and SonarQube's
 * import reads the certificates and endpoints; the metadata URL's HTTPS is the trust).
 */
import type { SamlTenantConfig } from '../../config/saml-section.ts';
import { isSamlRejection } from '../rejection.ts';
import { verifyEnvelopedSignature } from '../signature.ts';
import { NS, XML_LIMITS, children, parseXml } from '../xml.ts';
import { MetadataTrustError } from './errors.ts';

/*
 * The verified XML is the exclusive canonical form of the root: it repeats a namespace declaration on every
 * element that first uses its prefix (each KeyInfo re-declares ds:), so a document that passed the parser's
 * limits can exceed the namespace-declaration limit once canonical. That limit guards canonicalization, which
 * is over here; the element, depth and attribute limits stay, and the size may grow by those declarations.
 */
const VERIFIED_LIMITS = { ...XML_LIMITS, maxChars: XML_LIMITS.maxChars * 2, maxNamespaceDeclarations: XML_LIMITS.maxElements };

export type MetadataAlgorithms = Pick<SamlTenantConfig, 'allowedSignatureAlgorithms' | 'allowedDigestAlgorithms'>;

/** The root element the signature covered, parsed from the verified XML only; throws MetadataTrustError. */
export function verifyMetadataSignature(root: Element, certificatePem: string, algorithms: MetadataAlgorithms): Element {
  if (children(root, NS.ds, 'Signature').length === 0) {
    throw new MetadataTrustError('metadata/signature-missing', 'the metadata is not signed, and this tenant requires signed metadata', 'saml-metadata §3');
  }
  let verified: string | undefined;
  try {
    verified = verifyEnvelopedSignature(root, 'metadata', { ...algorithms, idp: { signingCertificates: [certificatePem] } })?.verifiedXml;
  } catch (e) {
    if (!isSamlRejection(e)) throw e;
    throw new MetadataTrustError('metadata/signature-invalid', `${e.detail.message} (${e.code})`, 'saml-metadata §3.1');
  }
  if (verified === undefined) throw new MetadataTrustError('metadata/signature-missing', 'the metadata is not signed', 'saml-metadata §3');
  try {
    return parseXml(verified, VERIFIED_LIMITS).documentElement as Element;
  } catch {
    throw new MetadataTrustError('metadata/signature-invalid', 'the signed metadata could not be read back', 'saml-metadata §3.1');
  }
}
