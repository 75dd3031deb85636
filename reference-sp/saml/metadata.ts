/*
 * The SP's metadata for one tenant (saml-metadata §2.4.4 SPSSODescriptor):
 * - entityID, AuthnRequestsSigned and WantAssertionsSigned as the tenant is configured;
 * - a signing and an encryption KeyDescriptor with the SP certificate (§2.4.1.1);
 * - a SingleLogoutService for HTTP-Redirect and HTTP-POST at /saml/{tenant}/slo (§2.4.2, ./logout/);
 * - each ACS URL with the HTTP-POST binding (saml-bindings §3.5), or HTTP-Artifact (§3.6) when the tenant's
 *   acsBinding is 'artifact'; the first one the default;
 * - an AttributeConsumingService listing the attributes the tenant expects as RequestedAttribute (§2.4.4.1),
 *   required ones flagged isRequired="true".
 */
import type { TenantConfig } from '../config/types.ts';
import type { SpKeys } from './keys.ts';
import { certBody, escapeXml } from './xml.ts';
import { spSloUrl } from './logout/endpoints.ts';

const BINDING_POST = 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST';
const BINDING_ARTIFACT = 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Artifact';

/** The binding the tenant's ACS receives Responses by: its metadata advertises it and its AuthnRequests ask for it. */
export const acsBindingUri = (saml: TenantConfig['saml']): string => (saml.acsBinding === 'artifact' ? BINDING_ARTIFACT : BINDING_POST);

export function expectedAttributes(tenant: TenantConfig): { name: string; required: boolean }[] {
  const { attributeMapping: m, requiredAttributes, groupSync } = tenant.saml;
  const names = new Set<string>(requiredAttributes);
  for (const n of [m.login, m.email, m.firstName, m.lastName, m.name, m.groups, groupSync.attributeName]) {
    if (n && n !== 'NameID') names.add(n);
  }
  return [...names].map((name) => ({ name, required: requiredAttributes.includes(name) || name === m.login }));
}

export function spMetadataXml(tenant: TenantConfig, keys: SpKeys): string {
  const s = tenant.saml;
  const cert = certBody(keys.certificatePem);
  const keyDescriptor = (use: string) =>
    `<md:KeyDescriptor use="${use}"><ds:KeyInfo><ds:X509Data><ds:X509Certificate>${cert}</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>`;
  const acs = s.acsUrls
    .map((url, i) => `<md:AssertionConsumerService Binding="${acsBindingUri(s)}" Location="${escapeXml(url)}" index="${i}"${i === 0 ? ' isDefault="true"' : ''}/>`)
    .join('');
  const attrs = expectedAttributes(tenant);
  const acsService =
    attrs.length === 0
      ? ''
      : `<md:AttributeConsumingService index="0" isDefault="true"><md:ServiceName xml:lang="en">${escapeXml(tenant.id)}</md:ServiceName>` +
        attrs.map((a) => `<md:RequestedAttribute Name="${escapeXml(a.name)}"${a.required ? ' isRequired="true"' : ''}/>`).join('') +
        `</md:AttributeConsumingService>`;
  return (
    `<?xml version="1.0" encoding="UTF-8"?>` +
    `<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" xmlns:ds="http://www.w3.org/2000/09/xmldsig#" entityID="${escapeXml(s.spEntityId)}">` +
    `<md:SPSSODescriptor AuthnRequestsSigned="${s.signAuthnRequests}" WantAssertionsSigned="${s.wantAssertionsSigned}" protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">` +
    keyDescriptor('signing') +
    keyDescriptor('encryption') +
    `<md:SingleLogoutService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="${escapeXml(spSloUrl(tenant))}"/>` +
    `<md:SingleLogoutService Binding="${BINDING_POST}" Location="${escapeXml(spSloUrl(tenant))}"/>` +
    `<md:NameIDFormat>urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified</md:NameIDFormat>` +
    acs +
    acsService +
    `</md:SPSSODescriptor></md:EntityDescriptor>`
  );
}
