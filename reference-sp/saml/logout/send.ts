/*
 * Sends a logout message from the SP, signed, by the tenant's chosen binding:
 * - HTTP-Redirect (SAML Bindings §3.4.4.1): DEFLATE, base64, URL-encode; the signature covers
 *   "SAMLRequest|SAMLResponse=…&RelayState=…&SigAlg=…" and travels as SigAlg + Signature, never in the XML
 * - HTTP-POST (§3.5.4): an enveloped XML signature (SAML Core §5.4: one Reference to the message's ID,
 *   enveloped-signature + exclusive c14n, placed after the Issuer), base64 in a self-posting form
 * The key is the SP's own (./../keys.ts), the certificate the IdP knows from the SP's metadata.
 */
import { createSign } from 'node:crypto';
import { deflateRawSync } from 'node:zlib';
import { SignedXml } from 'xml-crypto';
import { RSA_SHA256 } from '../authn-request.ts';
import type { SpKeys } from '../keys.ts';
import { escapeXml } from '../xml.ts';

const EXC_C14N = 'http://www.w3.org/2001/10/xml-exc-c14n#';
const ENVELOPED = 'http://www.w3.org/2000/09/xmldsig#enveloped-signature';
const SHA256 = 'http://www.w3.org/2001/04/xmlenc#sha256';

export type LogoutDelivery = { readonly kind: 'redirect'; readonly url: string } | { readonly kind: 'post'; readonly url: string; readonly html: string };

export interface OutgoingLogout {
  readonly kind: 'LogoutRequest' | 'LogoutResponse';
  readonly id: string;
  readonly xml: string;
  readonly to: string;
  readonly binding: 'redirect' | 'post';
  readonly relayState?: string | undefined;
}

function signEnveloped(m: OutgoingLogout, keys: SpKeys): string {
  const sig = new SignedXml({ privateKey: keys.privateKeyPem, publicCert: keys.certificatePem, signatureAlgorithm: RSA_SHA256, canonicalizationAlgorithm: EXC_C14N });
  const element = `//*[local-name()='${m.kind}' and @ID='${m.id}']`;
  sig.addReference({ xpath: element, transforms: [ENVELOPED, EXC_C14N], digestAlgorithm: SHA256 });
  sig.computeSignature(m.xml, { prefix: 'ds', location: { reference: `${element}/*[local-name()='Issuer']`, action: 'after' } });
  return sig.getSignedXml();
}

function postPage(url: string, fields: Record<string, string>): string {
  const inputs = Object.entries(fields)
    .map(([k, v]) => `<input type="hidden" name="${escapeXml(k)}" value="${escapeXml(v)}"/>`)
    .join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Signing out…</title></head><body onload="document.forms[0].submit()"><form method="post" action="${escapeXml(url)}">${inputs}<noscript><button type="submit">Continue</button></noscript></form></body></html>`;
}

export function sendLogout(m: OutgoingLogout, keys: SpKeys): LogoutDelivery {
  const param = m.kind === 'LogoutRequest' ? 'SAMLRequest' : 'SAMLResponse';
  if (m.binding === 'post') {
    const fields: Record<string, string> = { [param]: Buffer.from(signEnveloped(m, keys), 'utf8').toString('base64') };
    if (m.relayState !== undefined) fields['RelayState'] = m.relayState;
    return { kind: 'post', url: m.to, html: postPage(m.to, fields) };
  }
  let query = `${param}=${encodeURIComponent(deflateRawSync(Buffer.from(m.xml, 'utf8')).toString('base64'))}`;
  if (m.relayState !== undefined) query += `&RelayState=${encodeURIComponent(m.relayState)}`;
  query += `&SigAlg=${encodeURIComponent(RSA_SHA256)}`;
  query += `&Signature=${encodeURIComponent(createSign('RSA-SHA256').update(query).sign(keys.privateKeyPem, 'base64'))}`;
  return { kind: 'redirect', url: m.to + (m.to.includes('?') ? '&' : '?') + query };
}
