/*
 * The cookie that binds an AuthnRequest to the browser that started the sign-in (saml-profiles §4.1.4.3: the
 * response must answer a request this SP sent; CWE-352 login CSRF, and unsolicited assertions passed off as
 * solicited). GET /saml/{tenant}/login sets it (or keeps the one the browser has), the request ID is
 * remembered with the SHA-256 of its value, and the ACS accepts the answer only with the same cookie.
 *
 * The ACS is reached by a cross-site POST: the IdP's page auto-submits a form to the SP. Cookies marked
 * SameSite=Lax or Strict are NOT sent on a cross-site POST, so a Lax binding cookie would never arrive and
 * every SP-initiated sign-in with a real IdP would fail. Therefore:
 * - https ACS: `__Host-sp_authn; Secure; SameSite=None` — sent on the IdP's cross-site POST; the __Host-
 *   prefix (Path=/, no Domain, Secure) stops a sibling subdomain from planting a value of its choosing;
 * - http ACS (development only; browsers refuse SameSite=None without Secure): no SameSite attribute.
 *   Firefox and Safari then send it on a cross-site POST, and Chrome's Lax-by-default still sends a cookie
 *   younger than two minutes on a top-level cross-site POST; on loopback (IdP and SP both on 127.0.0.1 or
 *   localhost, any ports) the POST is same-site and every browser sends it. An explicit Lax would be
 *   strictly worse: no browser would send it cross-site.
 * It is HttpOnly, lives as long as an AuthnRequest may stay outstanding, and is not a session: it proves
 * only which browser started which sign-in, so sending it cross-site is exactly its purpose.
 */
import { randomBytes } from 'node:crypto';

const VALUE = /^[A-Za-z0-9_-]{43}$/;

export interface BindingCookie {
  readonly name: string;
  readonly secure: boolean;
}

export function bindingCookie(acsUrl: string): BindingCookie {
  const secure = acsUrl.startsWith('https:');
  return { name: secure ? '__Host-sp_authn' : 'sp_authn', secure };
}

/** A fresh random binding value (256 bits, base64url). */
export const newBindingValue = (): string => randomBytes(32).toString('base64url');

/** The value a browser sent, when it has the shape this SP issues; anything else counts as no cookie. */
export const validBindingValue = (value: string | undefined): string | undefined => (value !== undefined && VALUE.test(value) ? value : undefined);

export function bindingSetCookie(cookie: BindingCookie, value: string, maxAgeSeconds: number): string {
  const site = cookie.secure ? '; Secure; SameSite=None' : '';
  return `${cookie.name}=${value}; Path=/; HttpOnly; Max-Age=${maxAgeSeconds}${site}`;
}
