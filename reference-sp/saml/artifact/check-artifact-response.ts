/*
 * What the verified <samlp:ArtifactResponse> must say before the message inside goes on (saml-core §3.5):
 * - Issuer: the trusted IdP (saml-core §3.2.2) → issuer/mismatch
 * - InResponseTo: the ID of the ArtifactResolve this SP just sent (§3.5.3 "MUST contain the value of the
 *   corresponding <ArtifactResolve> message's ID attribute") → artifact/in-response-to
 * - Status: Success (§3.2.2.2) → status/not-success
 * - exactly one embedded message, a samlp:Response; none at all is the IdP saying the artifact is unknown,
 *   expired or already resolved (§3.5.3 "empty response") → artifact/empty
 * Returns the embedded Response as standalone XML for the ACS pipeline.
 */
import { reject } from '../rejection.ts';
import { NS, attr, child, isElement, serialize, text } from '../xml.ts';

const STATUS_SUCCESS = 'urn:oasis:names:tc:SAML:2.0:status:Success';

export function embeddedResponse(artifactResponse: Element, expected: { idpEntityId: string; resolveId: string }): string {
  if (text(child(artifactResponse, NS.saml, 'Issuer')) !== expected.idpEntityId) {
    throw reject('issuer/mismatch', { message: 'the ArtifactResponse was not issued by the IdP this tenant trusts', expected: expected.idpEntityId, spec: 'saml-core §3.2.2' });
  }
  if (attr(artifactResponse, 'InResponseTo') !== expected.resolveId) {
    throw reject('artifact/in-response-to', { message: 'the ArtifactResponse does not answer the ArtifactResolve this SP sent', spec: 'saml-core §3.5.3' });
  }
  const status = attr(child(child(artifactResponse, NS.samlp, 'Status') ?? artifactResponse, NS.samlp, 'StatusCode'), 'Value');
  if (status !== STATUS_SUCCESS) {
    throw reject('status/not-success', { message: 'the ArtifactResponse status is not Success', expected: STATUS_SUCCESS, spec: 'saml-core §3.2.2.2' });
  }
  const messages: Element[] = [];
  for (let n = artifactResponse.firstChild; n; n = n.nextSibling) {
    if (!isElement(n)) continue;
    const known = (n.namespaceURI === NS.saml && n.localName === 'Issuer') || (n.namespaceURI === NS.samlp && (n.localName === 'Status' || n.localName === 'Extensions'));
    if (!known && !(n.namespaceURI === NS.ds && n.localName === 'Signature')) messages.push(n);
  }
  if (messages.length === 0) {
    throw reject('artifact/empty', { message: 'the IdP holds no message for this artifact: unknown, expired or already resolved', spec: 'saml-core §3.5.3' });
  }
  const only = messages[0]!;
  if (messages.length > 1 || only.namespaceURI !== NS.samlp || only.localName !== 'Response') {
    throw reject('response/invalid', { message: 'the ArtifactResponse must carry exactly one samlp:Response', spec: 'saml-core §3.5.2' });
  }
  return serialize(only);
}
