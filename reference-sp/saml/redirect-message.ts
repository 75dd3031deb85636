/*
 * A message the reference SP sends by the HTTP-Redirect binding (saml-bindings §3.4.4.1), AuthnRequest
 * (./authn-request.ts) or logout message (./logout/send.ts):
 * - the XML is DEFLATEd (raw, RFC 1951), base64-encoded and URL-encoded into SAMLRequest or SAMLResponse;
 * - RelayState, when there is one, follows URL-encoded;
 * - signed, the signature covers the exact query "SAMLRequest|SAMLResponse=…&RelayState=…&SigAlg=…" in that
 *   order and travels as SigAlg and Signature parameters, never inside the XML; RSA-SHA256 with the SP's key.
 */
import { createSign } from 'node:crypto';
import { deflateRawSync } from 'node:zlib';
import type { SpKeys } from './keys.ts';

export const RSA_SHA256 = 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256';

export interface RedirectMessage {
  readonly to: string;
  readonly param: 'SAMLRequest' | 'SAMLResponse';
  readonly xml: string;
  readonly relayState?: string | undefined;
}

/** The URL the browser is sent to; signed with `keys` when given. */
export function redirectUrl(m: RedirectMessage, keys: SpKeys | undefined): string {
  let query = `${m.param}=${encodeURIComponent(deflateRawSync(Buffer.from(m.xml, 'utf8')).toString('base64'))}`;
  if (m.relayState !== undefined) query += `&RelayState=${encodeURIComponent(m.relayState)}`;
  if (keys) {
    query += `&SigAlg=${encodeURIComponent(RSA_SHA256)}`;
    query += `&Signature=${encodeURIComponent(createSign('RSA-SHA256').update(query).sign(keys.privateKeyPem, 'base64'))}`;
  }
  return m.to + (m.to.includes('?') ? '&' : '?') + query;
}
