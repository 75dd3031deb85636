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
import type { TenantConfig } from '../config/types.ts';
import { authnRequestXml, newRequestId } from './authn-request.ts';
import type { SpKeys } from './keys.ts';
import { autoPostPage } from './post-form.ts';
import { signEnveloped } from './sign-enveloped.ts';

export interface PostRequest {
  readonly id: string;
  readonly xml: string;
  readonly action: string;
  readonly fields: { readonly SAMLRequest: string; readonly RelayState?: string };
  readonly html: string;
}

export function buildPostRequest(tenant: TenantConfig, keys: SpKeys, now: Date, relayState?: string): PostRequest {
  const id = newRequestId();
  const unsigned = authnRequestXml(tenant, id, now);
  const xml = tenant.saml.signAuthnRequests ? signEnveloped(unsigned, { localName: 'AuthnRequest', id }, keys) : unsigned;
  const fields = { SAMLRequest: Buffer.from(xml, 'utf8').toString('base64'), ...(relayState !== undefined && relayState !== '' ? { RelayState: relayState } : {}) };
  const action = tenant.saml.idp.ssoUrl;
  const html = autoPostPage({ action, fields, title: 'Signing in…', button: 'Continue to the identity provider' });
  return { id, xml, action, fields, html };
}
