/*
 * Test support for the metadata lifecycle rules: IdP metadata documents with the attributes a test needs
 * (several signing certificates, validUntil, cacheDuration, an enclosing EntitiesDescriptor) and an enveloped
 * signature over the root, made with xml-crypto as an IdP's metadata signer would.
 */
import { sign } from '../test-support/craft.ts';
import { certBody } from '../xml.ts';

export const MD_IDP_ENTITY_ID = 'https://idp.example.test/metadata';
export const MD_IDP_SSO_URL = 'https://idp.example.test/sso';

export interface MetadataDoc {
  readonly certificates: readonly string[];
  readonly ssoUrl?: string;
  readonly validUntil?: string;
  readonly cacheDuration?: string;
  /** Wraps the EntityDescriptor in an EntitiesDescriptor carrying these attributes. */
  readonly enclosing?: { readonly validUntil?: string; readonly cacheDuration?: string };
  readonly id?: string;
}

const attrs = (o: { validUntil?: string | undefined; cacheDuration?: string | undefined }) =>
  `${o.validUntil ? ` validUntil="${o.validUntil}"` : ''}${o.cacheDuration ? ` cacheDuration="${o.cacheDuration}"` : ''}`;

export function metadataDoc(d: MetadataDoc): string {
  const keys = d.certificates
    .map((c) => `<md:KeyDescriptor use="signing"><ds:KeyInfo><ds:X509Data><ds:X509Certificate>${certBody(c)}</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>`)
    .join('');
  const ns = 'xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" xmlns:ds="http://www.w3.org/2000/09/xmldsig#"';
  const entity =
    `<md:EntityDescriptor ${d.enclosing ? '' : `${ns} `}ID="${d.id ?? '_md1'}" entityID="${MD_IDP_ENTITY_ID}"${attrs(d)}>` +
    `<md:IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">${keys}` +
    `<md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="${d.ssoUrl ?? MD_IDP_SSO_URL}"/></md:IDPSSODescriptor></md:EntityDescriptor>`;
  return d.enclosing ? `<md:EntitiesDescriptor ${ns} ID="_mds1"${attrs(d.enclosing)}>${entity}</md:EntitiesDescriptor>` : entity;
}

/** An enveloped RSA-SHA256 signature over the root element (by its ID), placed first as the schema requires. */
export function signMetadata(xml: string, privateKeyPem: string, certificatePem?: string): string {
  return sign(xml, 'metadata', { privateKeyPem, ...(certificatePem ? { certificatePem } : {}) });
}
