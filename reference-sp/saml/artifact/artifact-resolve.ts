/*
 * The SP's <samlp:ArtifactResolve> (saml-core §3.5.1), signed with the SP's key:
 * - ID (a fresh xs:ID), Version 2.0, IssueInstant, Destination = the IdP's ArtifactResolutionService, the SP's
 *   entity ID as Issuer, and the artifact (§3.2.1, §3.5.1)
 * - an enveloped signature (saml-core §5.4): one Reference to the request's ID, enveloped-signature then
 *   exclusive c14n, RSA-SHA256, placed right after the Issuer as RequestAbstractType requires; KeyInfo carries
 *   the SP certificate. The IdP authenticates the requester by it (saml-core §3.5.3)
 * Signed by ../sign-enveloped.ts, the SP's one enveloped-signature writer.
 */
import { newRequestId } from '../authn-request.ts';
import type { SpKeys } from '../keys.ts';
import { signEnveloped } from '../sign-enveloped.ts';
import { escapeXml } from '../xml.ts';

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
  return { id, xml: signEnveloped(xml, { localName: 'ArtifactResolve', id }, args.keys) };
}
