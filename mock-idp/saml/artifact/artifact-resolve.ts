/*
 * Reads an <samlp:ArtifactResolve> (saml-core §3.5.1) and decides whether its requester authenticated itself:
 * - ID, Version="2.0" and an Issuer naming the requester (§3.2.1; the issuer must be known to tell whom to
 *   answer), and one <samlp:Artifact>
 * - when the SP registered a signing certificate, the request must carry an enveloped signature over its own ID
 *   that verifies with that certificate (saml-core §5.4; the same rules as a POSTed AuthnRequest,
 *   ../bindings/post-binding.ts). A present signature is checked even from an SP with no certificate: it fails.
 */
import { isPostRequestSigned, verifyPostRequestSignature } from '../bindings/post-binding.ts';
import { NS } from '../namespaces.ts';
import { firstChild, parseXml, serialize } from '../xml.ts';
import { SoapFault } from './soap.ts';

export interface ArtifactResolveRequest {
  readonly id: string;
  readonly issuer: string;
  readonly artifact: string;
  readonly signed: boolean;
  /** Throws request/signature-* when the enveloped signature does not verify with the certificate. */
  verify(certificatePem: string): void;
}

export function readArtifactResolve(element: Element): ArtifactResolveRequest {
  if (element.namespaceURI !== NS.protocol || element.localName !== 'ArtifactResolve') {
    throw new SoapFault('artifact-resolve/invalid', 'the SOAP Body must hold a samlp:ArtifactResolve');
  }
  const id = element.getAttribute('ID');
  const issuer = firstChild(element, NS.assertion, 'Issuer')?.textContent?.trim();
  const artifact = firstChild(element, NS.protocol, 'Artifact')?.textContent?.trim();
  if (!id || element.getAttribute('Version') !== '2.0' || !issuer || !artifact) {
    throw new SoapFault('artifact-resolve/invalid', 'ArtifactResolve needs an ID, Version 2.0, an Issuer and an Artifact');
  }
  // The POST binding's check (../sign/verify-enveloped.ts) reads only the ID, document and XML. The
  // ArtifactResolve is taken out of its SOAP envelope first, so that it is the document's root, as there.
  const xml = serialize(element);
  const standalone = { id, xml, doc: parseXml(xml, 'ArtifactResolve') };
  return {
    id,
    issuer,
    artifact,
    signed: isPostRequestSigned(standalone),
    verify: (certificatePem) => verifyPostRequestSignature(standalone, certificatePem),
  };
}
