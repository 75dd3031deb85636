/*
 * SP-initiated sign-in (saml-profiles §4.1.4.1): an <samlp:AuthnRequest> sent over the HTTP-Redirect binding
 * (saml-bindings §3.4):
 * - DEFLATE (RFC 1951, raw) then base64 then URL-encode into SAMLRequest (§3.4.4.1);
 * - when signing, the signature covers the exact query string "SAMLRequest=…&RelayState=…&SigAlg=…" in that
 *   order, and travels as SigAlg and Signature parameters — never inside the XML (§3.4.4.1; ./redirect-message.ts);
 * - the request ID is remembered (per tenant, with a TTL) so the response's InResponseTo can be matched;
 * - ForceAuthn="true" when the tenant sets `forceAuthn`: the IdP must authenticate the user again rather than rely on
 *   its own session (saml-core §3.4.1);
 * - IsPassive="true" when the tenant sets `isPassive`: the IdP must not show the user anything (§3.4.1);
 * - <NameIDPolicy> with the tenant's Format (absent: the IdP chooses), SPNameQualifier (absent: the SP's own
 *   namespace) and AllowCreate (§3.4.1.1);
 * - <RequestedAuthnContext Comparison> with the tenant's classes (§3.3.2.2.1), after NameIDPolicy as the schema
 *   orders them; what was requested is remembered with the request ID, so the ACS can check the answer
 *   (./checks/check-authn-context.ts);
 * - ProtocolBinding names how the Response must come back (saml-core §3.4.1): HTTP-Artifact for a tenant with
 *   `acsBinding: artifact` (saml-bindings §3.6), HTTP-POST otherwise — the binding its metadata's ACS advertises;
 * - over HTTP-POST (saml-bindings §3.5) the request is signed inside the XML instead: ./authn-request-post.ts.
 */
import { randomBytes } from 'node:crypto';
import type { TenantConfig } from '../config/types.ts';
import type { SpKeys } from './keys.ts';
import { acsBindingUri } from './metadata.ts';
import { redirectUrl } from './redirect-message.ts';
import { escapeXml } from './xml.ts';

export function newRequestId(): string {
  // xs:ID must not start with a digit (saml-core §1.3.4).
  return '_' + randomBytes(20).toString('hex');
}

export function authnRequestXml(tenant: TenantConfig, id: string, now: Date): string {
  const s = tenant.saml;
  return (
    `<samlp:AuthnRequest xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion"` +
    ` ID="${id}" Version="2.0" IssueInstant="${now.toISOString()}" Destination="${escapeXml(s.idp.ssoUrl)}"` +
    (s.forceAuthn ? ` ForceAuthn="true"` : '') +
    (s.isPassive ? ` IsPassive="true"` : '') +
    ` AssertionConsumerServiceURL="${escapeXml(s.acsUrls[0]!)}" ProtocolBinding="${acsBindingUri(s)}">` +
    `<saml:Issuer>${escapeXml(s.spEntityId)}</saml:Issuer>` +
    `<samlp:NameIDPolicy${s.nameIdPolicy.format ? ` Format="${escapeXml(s.nameIdPolicy.format)}"` : ''}` +
    `${s.nameIdPolicy.spNameQualifier ? ` SPNameQualifier="${escapeXml(s.nameIdPolicy.spNameQualifier)}"` : ''} AllowCreate="${s.nameIdPolicy.allowCreate}"/>` +
    requestedAuthnContextXml(s.requestedAuthnContext) +
    `</samlp:AuthnRequest>`
  );
}

function requestedAuthnContextXml(r: TenantConfig['saml']['requestedAuthnContext']): string {
  if (!r) return '';
  const classes = r.classes.map((c) => `<saml:AuthnContextClassRef>${escapeXml(c)}</saml:AuthnContextClassRef>`).join('');
  return `<samlp:RequestedAuthnContext Comparison="${r.comparison}">${classes}</samlp:RequestedAuthnContext>`;
}

export interface RedirectRequest {
  readonly id: string;
  readonly url: string;
  readonly xml: string;
}

export function buildRedirectRequest(tenant: TenantConfig, keys: SpKeys, now: Date, relayState?: string): RedirectRequest {
  const id = newRequestId();
  const xml = authnRequestXml(tenant, id, now);
  const relay = relayState !== undefined && relayState !== '' ? relayState : undefined;
  const url = redirectUrl({ to: tenant.saml.idp.ssoUrl, param: 'SAMLRequest', xml, relayState: relay }, tenant.saml.signAuthnRequests ? keys : undefined);
  return { id, xml, url };
}
