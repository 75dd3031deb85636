/*
 * Where the browser goes after sign-in. RelayState is opaque to the IdP and comes back exactly as the SP sent
 * it (saml-bindings §3.4.3, §3.5.3), but in IdP-initiated SSO, or from anyone who posts to the ACS, it is
 * whatever the sender chose: redirecting to it blindly is an open redirect (CWE-601). So:
 * - the value is resolved with the WHATWG URL parser against the SP's own origin, exactly as a browser
 *   resolves a Location header: `//evil`, `/\evil`, `\\evil`, `/<TAB>/evil` resolve to evil's origin here
 *   as they would in the browser, instead of being guessed at with string prefixes;
 * - it is followed only when the resolved origin (scheme, host, port) is one of the SP's own origins, taken
 *   from the tenant's configured ACS URLs, never from the request's Host header;
 * - the redirect goes to the absolute, normalized href of that resolution, never to the raw value: a relative
 *   target could be re-read differently (`/.//evil` normalizes to the path `//evil`, which a browser would
 *   follow as a protocol-relative URL to evil);
 * - values with ASCII control characters (tab, CR, LF, NUL, …) or longer than MAX_RELAY_STATE_LENGTH are
 *   never followed (saml-bindings §3.5.3 limits RelayState to 80 bytes; SPs send longer paths in practice).
 * Anything refused is dropped: the user is signed in and lands on the signed-in page instead.
 */

export const MAX_RELAY_STATE_LENGTH = 1024;

export type RelayStateVerdict =
  | { readonly follow: true; readonly location: string }
  | { readonly follow: false; readonly reason: 'absent' | 'too-long' | 'control-character' | 'unparseable' | 'other-origin' };

const CONTROL = /[\u0000-\u001f\u007f]/;

/** The origins the SP serves this tenant from (every configured ACS URL's origin, the first one first). */
export function spOrigins(acsUrls: readonly string[]): string[] {
  return [...new Set(acsUrls.map((u) => new URL(u).origin))];
}

/** Decides whether a RelayState may be followed after sign-in, and where exactly to. */
export function resolveRelayState(value: string | undefined, origins: readonly string[]): RelayStateVerdict {
  if (value === undefined || value === '') return { follow: false, reason: 'absent' };
  if (value.length > MAX_RELAY_STATE_LENGTH) return { follow: false, reason: 'too-long' };
  if (CONTROL.test(value)) return { follow: false, reason: 'control-character' };
  const base = origins[0];
  if (base === undefined) return { follow: false, reason: 'other-origin' };
  let resolved: URL;
  try {
    resolved = new URL(value, base);
  } catch {
    return { follow: false, reason: 'unparseable' };
  }
  if (!origins.includes(resolved.origin)) return { follow: false, reason: 'other-origin' };
  return { follow: true, location: resolved.href };
}
