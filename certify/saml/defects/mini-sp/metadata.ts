/*
 * The mini SP's metadata (saml-metadata §2.4.4 SPSSODescriptor):
 * - WantAssertionsSigned="true": the assertion itself must be signed (saml-profiles §4.1.3.5 leaves it to the SP)
 * - AuthnRequestsSigned="false": requests go unsigned over HTTP-Redirect
 * - one KeyDescriptor without `use` (signing and encryption, §2.4.1.1): the IdP may encrypt assertions to it
 * - NameIDFormat emailAddress, exactly one HTTP-POST AssertionConsumerService (index 0, default)
 * - an AttributeConsumingService asking for email, givenName and surname (§2.4.4.1)
 */
import { BINDING_POST, NS, escapeXml, pemBody } from './xml.ts';

export interface SpMetadataInput {
  readonly entityId: string;
  readonly acsUrl: string;
  readonly certificatePem: string;
}

export const REQUESTED_ATTRIBUTES = ['email', 'givenName', 'surname'] as const;

export function spMetadataXml(input: SpMetadataInput): string {
  const requested = REQUESTED_ATTRIBUTES.map((name) => `      <md:RequestedAttribute Name="${name}" isRequired="true"/>\n`).join('');
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<md:EntityDescriptor xmlns:md="${NS.metadata}" xmlns:ds="${NS.ds}" entityID="${escapeXml(input.entityId)}">\n` +
    `  <md:SPSSODescriptor AuthnRequestsSigned="false" WantAssertionsSigned="true" protocolSupportEnumeration="${NS.protocol}">\n` +
    `    <md:KeyDescriptor>\n` +
    `      <ds:KeyInfo><ds:X509Data><ds:X509Certificate>${pemBody(input.certificatePem)}</ds:X509Certificate></ds:X509Data></ds:KeyInfo>\n` +
    `    </md:KeyDescriptor>\n` +
    `    <md:NameIDFormat>urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress</md:NameIDFormat>\n` +
    `    <md:AssertionConsumerService Binding="${BINDING_POST}" Location="${escapeXml(input.acsUrl)}" index="0" isDefault="true"/>\n` +
    `    <md:AttributeConsumingService index="0" isDefault="true">\n` +
    `      <md:ServiceName xml:lang="en">sso-harness mini SP</md:ServiceName>\n` +
    requested +
    `    </md:AttributeConsumingService>\n` +
    `  </md:SPSSODescriptor>\n` +
    `</md:EntityDescriptor>\n`
  );
}
