/*
 * Sends a logout message from the SP, signed, by the tenant's chosen binding:
 * - HTTP-Redirect (SAML Bindings §3.4.4.1): DEFLATE, base64, URL-encode; the signature covers
 *   "SAMLRequest|SAMLResponse=…&RelayState=…&SigAlg=…" and travels as SigAlg + Signature, never in the XML
 * - HTTP-POST (§3.5.4): an enveloped XML signature (SAML Core §5.4: one Reference to the message's ID,
 *   enveloped-signature + exclusive c14n, placed after the Issuer), base64 in a self-posting form
 * The key is the SP's own (./../keys.ts), the certificate the IdP knows from the SP's metadata; the writers are
 * ../redirect-message.ts and ../sign-enveloped.ts with ../post-form.ts, shared with the AuthnRequest.
 */
import type { SpKeys } from '../keys.ts';
import { autoPostPage } from '../post-form.ts';
import { redirectUrl } from '../redirect-message.ts';
import { signEnveloped } from '../sign-enveloped.ts';

export type LogoutDelivery = { readonly kind: 'redirect'; readonly url: string } | { readonly kind: 'post'; readonly url: string; readonly html: string };

export interface OutgoingLogout {
  readonly kind: 'LogoutRequest' | 'LogoutResponse';
  readonly id: string;
  readonly xml: string;
  readonly to: string;
  readonly binding: 'redirect' | 'post';
  readonly relayState?: string | undefined;
}

export function sendLogout(m: OutgoingLogout, keys: SpKeys): LogoutDelivery {
  const param = m.kind === 'LogoutRequest' ? 'SAMLRequest' : 'SAMLResponse';
  if (m.binding === 'post') {
    const fields: Record<string, string> = { [param]: Buffer.from(signEnveloped(m.xml, { localName: m.kind, id: m.id }, keys), 'utf8').toString('base64') };
    if (m.relayState !== undefined) fields['RelayState'] = m.relayState;
    return { kind: 'post', url: m.to, html: autoPostPage({ action: m.to, fields, title: 'Signing out…', button: 'Continue' }) };
  }
  return { kind: 'redirect', url: redirectUrl({ to: m.to, param, xml: m.xml, relayState: m.relayState }, keys) };
}
