/*
 * - saml-bindings §3.5.3: RelayState comes back with the response untouched by the IdP, so it is the attacker's
 *   to choose; after sign-in the SP redirects to it only when it is a path on its own origin
 * - refused (the SP goes to "/" instead): anything not starting with exactly one "/", "//host" and "/\host"
 *   (browsers read both as another host), backslashes and control characters anywhere, and whatever does not
 *   resolve to this origin (CWE-601, open redirect)
 */
export type RelayTargetRule = (relayState: unknown, origin: string) => string;

export const relayTarget: RelayTargetRule = (relayState, origin) => {
  if (typeof relayState !== 'string' || !relayState.startsWith('/') || relayState.startsWith('//')) return '/';
  if (/[\\\u0000-\u001f\u007f]/.test(relayState)) return '/';
  try {
    const url = new URL(relayState, origin);
    return url.origin === origin ? `${url.pathname}${url.search}${url.hash}` : '/';
  } catch {
    return '/';
  }
};
