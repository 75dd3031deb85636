/*
 * The one IdP the mini SP trusts, read from its metadata (saml-metadata §2.4.3 IDPSSODescriptor):
 * - entityID: the Issuer every response and assertion must name
 * - the signing certificate (KeyDescriptor use="signing", or one without `use`, §2.4.1.1): the only key a
 *   signature is checked with; a certificate carried in a message's KeyInfo is never trusted
 * - SingleSignOnService with the HTTP-Redirect binding: where /login sends the AuthnRequest
 * Read once at start; metadata the SP cannot use stops the start, it is never half-trusted.
 */
import { BINDING_REDIRECT, NS, certificateToPem, children, descendants, parseXml } from './xml.ts';

export interface TrustedIdp {
  readonly entityId: string;
  readonly ssoUrl: string;
  readonly certificatePem: string;
}

export function trustedIdpFromMetadata(xml: string): TrustedIdp {
  if (/<!DOCTYPE/i.test(xml)) throw new Error('IdP metadata with a DOCTYPE is not trusted');
  const doc = parseXml(xml);
  if (!doc) throw new Error('IdP metadata is not well-formed XML');
  const entity = descendants(doc, NS.metadata, 'EntityDescriptor')[0];
  const idp = entity ? children(entity, NS.metadata, 'IDPSSODescriptor')[0] : undefined;
  const entityId = entity?.getAttribute('entityID');
  if (!entity || !idp || !entityId) throw new Error('IdP metadata has no EntityDescriptor with an IDPSSODescriptor');
  const keyDescriptor = children(idp, NS.metadata, 'KeyDescriptor').find((k) => (k.getAttribute('use') ?? 'signing') === 'signing');
  const certificate = keyDescriptor ? descendants(keyDescriptor, NS.ds, 'X509Certificate')[0]?.textContent : undefined;
  if (!certificate?.trim()) throw new Error('IdP metadata has no signing certificate');
  const sso = children(idp, NS.metadata, 'SingleSignOnService').find((s) => s.getAttribute('Binding') === BINDING_REDIRECT);
  const ssoUrl = sso?.getAttribute('Location');
  if (!ssoUrl) throw new Error('IdP metadata has no HTTP-Redirect SingleSignOnService');
  return { entityId, ssoUrl, certificatePem: certificateToPem(certificate) };
}
