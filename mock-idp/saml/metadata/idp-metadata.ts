/*
 * The IdP's metadata (saml-metadata §2.3.2 EntityDescriptor, §2.4.3 IDPSSODescriptor):
 * - entityID; protocolSupportEnumeration names SAML 2.0 (§2.4.1)
 * - one KeyDescriptor use="signing" with the X.509 certificate the IdP signs with (§2.4.1.1)
 * - the NameID formats it can send (§2.4.2), then SingleSignOnService for HTTP-Redirect and HTTP-POST (§2.4.3)
 * - SingleLogoutService for HTTP-Redirect and HTTP-POST when the IdP serves Single Logout (§2.4.2, ../logout/)
 * - ArtifactResolutionService over SOAP, index 0, when the IdP resolves artifacts (§2.4.1 SSODescriptorType, saml-bindings §3.6, ../artifact/)
 * - WantAuthnRequestsSigned="false": the IdP verifies a signed request, but asks it per SP registration
 */
import { BINDING, NAMEID_FORMAT, NS } from '../namespaces.ts';
import { BINDING_SOAP } from '../artifact/bindings.ts';
import { escapeXml, pemBody } from '../xml.ts';

export interface IdpMetadataInput {
  readonly entityId: string;
  /** Where SingleSignOnService is served, e.g. http://127.0.0.1:7000/saml/sso */
  readonly ssoUrl: string;
  readonly signingCertificatePem: string;
  /** Where SingleLogoutService is served, e.g. http://127.0.0.1:7000/saml/slo */
  readonly sloUrl?: string | undefined;
  /** Where the ArtifactResolutionService (SOAP) is served, e.g. http://127.0.0.1:7000/saml/artifact */
  readonly artifactResolutionUrl?: string | undefined;
}

export function idpMetadataXml(input: IdpMetadataInput): string {
  const cert = pemBody(input.signingCertificatePem);
  const formats = Object.values(NAMEID_FORMAT)
    .map((f) => `    <md:NameIDFormat>${f}</md:NameIDFormat>\n`)
    .join('');
  const url = escapeXml(input.ssoUrl);
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<md:EntityDescriptor xmlns:md="${NS.metadata}" xmlns:ds="${NS.ds}" entityID="${escapeXml(input.entityId)}">\n` +
    `  <md:IDPSSODescriptor WantAuthnRequestsSigned="false" protocolSupportEnumeration="${NS.protocol}">\n` +
    `    <md:KeyDescriptor use="signing">\n` +
    `      <ds:KeyInfo><ds:X509Data><ds:X509Certificate>${cert}</ds:X509Certificate></ds:X509Data></ds:KeyInfo>\n` +
    `    </md:KeyDescriptor>\n` +
    (input.artifactResolutionUrl
      ? `    <md:ArtifactResolutionService Binding="${BINDING_SOAP}" Location="${escapeXml(input.artifactResolutionUrl)}" index="0" isDefault="true"/>\n`
      : '') +
    (input.sloUrl
      ? `    <md:SingleLogoutService Binding="${BINDING.redirect}" Location="${escapeXml(input.sloUrl)}"/>\n` +
        `    <md:SingleLogoutService Binding="${BINDING.post}" Location="${escapeXml(input.sloUrl)}"/>\n`
      : '') +
    formats +
    `    <md:SingleSignOnService Binding="${BINDING.redirect}" Location="${url}"/>\n` +
    `    <md:SingleSignOnService Binding="${BINDING.post}" Location="${url}"/>\n` +
    `  </md:IDPSSODescriptor>\n` +
    `</md:EntityDescriptor>\n`
  );
}

/** Reads the signing certificate back out of IdP metadata (what an outside tool would do to trust us). */
export function signingCertificateFromMetadata(xml: string): string | undefined {
  const m = /<md:KeyDescriptor use="signing">[\s\S]*?<ds:X509Certificate>([^<]+)<\/ds:X509Certificate>/.exec(xml);
  return m?.[1];
}
