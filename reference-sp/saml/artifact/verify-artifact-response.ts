/*
 * - the answer must be a <samlp:ArtifactResponse> (saml-core §3.5.2) signed by the trusted IdP: the SP accepts
 *   the Response inside only from the party that issued the artifact. The same enveloped-signature rules as a
 *   signed Response (../signature.ts: one Reference to its own ID, no wrapping, the tenant's certificates and
 *   algorithms); unsigned or not verifying is artifact/signature-invalid
 * - from here on only the XML the signature covered is read (a verified node, as in the ACS pipeline)
 */
import type { SamlTenantConfig } from '../../config/saml-section.ts';
import { isSamlRejection, reject } from '../rejection.ts';
import { verifyEnvelopedSignature } from '../signature.ts';
import { NS, parseXml } from '../xml.ts';

const SPEC = 'saml-core §3.5.2';

export function verifyArtifactResponse(element: Element, saml: Pick<SamlTenantConfig, 'allowedSignatureAlgorithms' | 'allowedDigestAlgorithms' | 'idp'>): Element {
  if (element.namespaceURI !== NS.samlp || element.localName !== 'ArtifactResponse') {
    throw reject('artifact/resolution-failed', { message: 'the IdP did not answer with an ArtifactResponse', spec: SPEC });
  }
  let verified: ReturnType<typeof verifyEnvelopedSignature> | undefined;
  try {
    verified = verifyEnvelopedSignature(element, 'Response', saml);
  } catch (e) {
    if (!isSamlRejection(e)) throw e;
    throw reject('artifact/signature-invalid', { message: 'the ArtifactResponse signature does not verify against the trusted IdP certificate', spec: 'saml-core §5.4' });
  }
  if (!verified) throw reject('artifact/signature-invalid', { message: 'the ArtifactResponse is not signed', spec: 'saml-core §5.4' });
  return parseXml(verified.verifiedXml).documentElement!;
}
