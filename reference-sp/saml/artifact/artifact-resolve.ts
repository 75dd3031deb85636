/*
 * The SP's <samlp:ArtifactResolve> (saml-core §3.5.1), signed with the SP's key:
 * - ID (a fresh xs:ID), Version 2.0, IssueInstant, Destination = the IdP's ArtifactResolutionService, the SP's
 *   entity ID as Issuer, and the artifact (§3.2.1, §3.5.1)
 * - an enveloped signature (saml-core §5.4): one Reference to the request's ID, enveloped-signature then
 *   exclusive c14n, RSA-SHA256, placed right after the Issuer as RequestAbstractType requires; KeyInfo carries
 *   the SP certificate. The IdP authenticates the requester by it (saml-core §3.5.3)
 * Signed by hand with xml-crypto: it is the one enveloped-signature writer the SP needs for this message.
 */
import { SignedXml } from 'xml-crypto';
import { newRequestId } from '../authn-request.ts';
import type { SpKeys } from '../keys.ts';
import { escapeXml } from '../xml.ts';

const EXC_C14N = 'http://www.w3.org/2001/10/xml-exc-c14n#';
const ENVELOPED = 'http://www.w3.org/2000/09/xmldsig#enveloped-signature';

export interface ArtifactResolveMessage {
  readonly id: string;
  readonly xml: string;
}

export function artifactResolveXml(args: { spEntityId: string; destination: string; artifact: string; now: Date; keys: SpKeys }): ArtifactResolveMessage {
  const id = newRequestId();
  const xml =
    `<samlp:ArtifactResolve xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion"` +
    ` ID="${id}" Version="2.0" IssueInstant="${args.now.toISOString()}" Destination="${escapeXml(args.destination)}">` +
    `<saml:Issuer>${escapeXml(args.spEntityId)}</saml:Issuer>` +
    `<samlp:Artifact>${escapeXml(args.artifact)}</samlp:Artifact>` +
    `</samlp:ArtifactResolve>`;
  const sig = new SignedXml({
    privateKey: args.keys.privateKeyPem,
    publicCert: args.keys.certificatePem,
    signatureAlgorithm: 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256',
    canonicalizationAlgorithm: EXC_C14N,
  });
  const self = `//*[local-name()='ArtifactResolve' and @ID='${id}']`;
  sig.addReference({ xpath: self, transforms: [ENVELOPED, EXC_C14N], digestAlgorithm: 'http://www.w3.org/2001/04/xmlenc#sha256' });
  sig.computeSignature(xml, { prefix: 'ds', location: { reference: `${self}/*[local-name()='Issuer']`, action: 'after' } });
  return { id, xml: sig.getSignedXml() };
}
