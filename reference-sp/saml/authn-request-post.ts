/*
 * SP-initiated sign-in with the AuthnRequest sent over the HTTP-POST binding (saml-bindings §3.5), the tenant's
 * `authnRequestBinding: post`:
 * - the request XML is base64-encoded as is (no DEFLATE, §3.5.4) into a form field SAMLRequest, with RelayState,
 *   in an HTML form that posts itself to the IdP's SSO URL (§3.5.4; a button for browsers without JavaScript);
 * - when the tenant signs its requests, the signature is an enveloped XML signature inside the AuthnRequest
 *   (§3.5.4, saml-core §5.4): one Reference to the request's ID, enveloped-signature + exclusive c14n transforms,
 *   RSA-SHA256 / SHA-256, placed right after the Issuer where the schema puts it, KeyInfo with the SP certificate;
 * - every value in the page is HTML-escaped; the page is never cached.
 */
import { SignedXml } from 'xml-crypto';
import type { TenantConfig } from '../config/types.ts';
import { authnRequestXml, newRequestId, RSA_SHA256 } from './authn-request.ts';
import type { SpKeys } from './keys.ts';
import { escapeXml } from './xml.ts';

const EXC_C14N = 'http://www.w3.org/2001/10/xml-exc-c14n#';
const ENVELOPED = 'http://www.w3.org/2000/09/xmldsig#enveloped-signature';
const SHA256 = 'http://www.w3.org/2001/04/xmlenc#sha256';

export interface PostRequest {
  readonly id: string;
  readonly xml: string;
  readonly action: string;
  readonly fields: { readonly SAMLRequest: string; readonly RelayState?: string };
  readonly html: string;
}

/** Signs an AuthnRequest with an enveloped signature over its own ID (saml-core §5.4.2). */
export function signAuthnRequestXml(xml: string, id: string, keys: SpKeys): string {
  const sig = new SignedXml({ privateKey: keys.privateKeyPem, publicCert: keys.certificatePem, signatureAlgorithm: RSA_SHA256, canonicalizationAlgorithm: EXC_C14N });
  const request = `//*[local-name()='AuthnRequest' and @ID='${id}']`;
  sig.addReference({ xpath: request, transforms: [ENVELOPED, EXC_C14N], digestAlgorithm: SHA256 });
  sig.computeSignature(xml, { prefix: 'ds', location: { reference: `${request}/*[local-name()='Issuer']`, action: 'after' } });
  return sig.getSignedXml();
}

export function buildPostRequest(tenant: TenantConfig, keys: SpKeys, now: Date, relayState?: string): PostRequest {
  const id = newRequestId();
  const unsigned = authnRequestXml(tenant, id, now);
  const xml = tenant.saml.signAuthnRequests ? signAuthnRequestXml(unsigned, id, keys) : unsigned;
  const fields = { SAMLRequest: Buffer.from(xml, 'utf8').toString('base64'), ...(relayState !== undefined && relayState !== '' ? { RelayState: relayState } : {}) };
  const action = tenant.saml.idp.ssoUrl;
  const inputs = Object.entries(fields)
    .map(([name, value]) => `<input type="hidden" name="${name}" value="${escapeXml(value)}"/>`)
    .join('');
  const html =
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Signing in…</title></head>` +
    `<body onload="document.forms[0].submit()"><form method="post" action="${escapeXml(action)}">${inputs}` +
    `<noscript><button type="submit">Continue to the identity provider</button></noscript></form></body></html>`;
  return { id, xml, action, fields, html };
}
