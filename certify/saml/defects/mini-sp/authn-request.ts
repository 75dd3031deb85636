/*
 * The AuthnRequest /login sends (saml-core §3.4.1) over HTTP-Redirect (saml-bindings §3.4.4.1: DEFLATE, base64,
 * URL-encoded; RelayState beside it, at most 80 bytes, §3.4.3):
 * - a fresh random ID (saml-core §1.3.4: at least 128 bits) that the response must answer
 * - Destination = the IdP's SSO URL, AssertionConsumerServiceURL = our one ACS, ProtocolBinding HTTP-POST
 * - NameIDPolicy emailAddress, AllowCreate
 */
import { randomBytes } from 'node:crypto';
import { deflateRawSync } from 'node:zlib';
import { BINDING_POST, NS, escapeXml } from './xml.ts';

export interface AuthnRequestInput {
  readonly spEntityId: string;
  readonly acsUrl: string;
  readonly ssoUrl: string;
  readonly now: Date;
}

export function newRequestId(): string {
  return `_${randomBytes(20).toString('hex')}`;
}

export function authnRequestXml(id: string, input: AuthnRequestInput): string {
  return (
    `<samlp:AuthnRequest xmlns:samlp="${NS.protocol}" xmlns:saml="${NS.assertion}" ID="${id}" Version="2.0"` +
    ` IssueInstant="${input.now.toISOString()}" Destination="${escapeXml(input.ssoUrl)}"` +
    ` AssertionConsumerServiceURL="${escapeXml(input.acsUrl)}" ProtocolBinding="${BINDING_POST}">` +
    `<saml:Issuer>${escapeXml(input.spEntityId)}</saml:Issuer>` +
    `<samlp:NameIDPolicy Format="urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress" AllowCreate="true"/>` +
    `</samlp:AuthnRequest>`
  );
}

/** The IdP URL the browser is redirected to. */
export function redirectUrl(ssoUrl: string, requestXml: string, relayState: string | undefined): string {
  const url = new URL(ssoUrl);
  url.searchParams.set('SAMLRequest', deflateRawSync(Buffer.from(requestXml, 'utf8')).toString('base64'));
  if (relayState !== undefined) url.searchParams.set('RelayState', relayState);
  return url.toString();
}
