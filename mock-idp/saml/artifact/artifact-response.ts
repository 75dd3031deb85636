/*
 * The IdP's <samlp:ArtifactResponse> (saml-core §3.5.2), signed by the IdP (saml-bindings §3.6.5.2 leaves the
 * SOAP exchange's authentication to the parties; a signature lets the SP trust it without TLS client auth):
 * - InResponseTo is the ArtifactResolve's ID (§3.5.3 "MUST contain the value of the corresponding
 *   <ArtifactResolve> message's ID attribute"); the embedded Response keeps its own InResponseTo
 * - Status is always Success: with the Response inside when the artifact resolved, empty otherwise (§3.5.3
 *   "Otherwise, it responds with an <ArtifactResponse> element with no embedded message. In both cases, the
 *   <Status> element MUST include a <StatusCode> element with the code value ...:status:Success")
 * - the signature sits after the Issuer, where StatusResponseType puts it (saml-core §3.2.2)
 */
import type { Clock } from '../../clock.ts';
import type { KeyPair } from '../keys/key-store.ts';
import { NS, STATUS_SUCCESS, type SignatureAlgorithmName } from '../namespaces.ts';
import { signElement } from '../sign/sign-element.ts';
import { escapeXml, newId } from '../xml.ts';

export interface ArtifactResponseInput {
  readonly issuer: string;
  readonly inResponseTo: string;
  /** The Response the artifact stood for; undefined for an empty response. */
  readonly responseXml: string | undefined;
  readonly clock: Clock;
  readonly key: KeyPair;
  readonly algorithm?: SignatureAlgorithmName;
}

export function artifactResponseXml(input: ArtifactResponseInput): string {
  const id = newId();
  const message = (input.responseXml ?? '').replace(/^\s*<\?xml[^>]*\?>\s*/, '');
  const xml =
    `<samlp:ArtifactResponse xmlns:samlp="${NS.protocol}" xmlns:saml="${NS.assertion}" ID="${id}" Version="2.0"` +
    ` IssueInstant="${input.clock.now().toISOString()}" InResponseTo="${escapeXml(input.inResponseTo)}">` +
    `<saml:Issuer>${escapeXml(input.issuer)}</saml:Issuer>` +
    `<samlp:Status><samlp:StatusCode Value="${STATUS_SUCCESS}"/></samlp:Status>` +
    message +
    `</samlp:ArtifactResponse>`;
  return signElement(xml, { id, localName: 'ArtifactResponse', key: input.key, algorithm: input.algorithm ?? 'sha256' });
}
