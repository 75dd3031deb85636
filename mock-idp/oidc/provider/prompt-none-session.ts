/*
 * prompt=none answered from the IdP's own session (OIDC Core §3.1.2.1: "The Authorization Server MUST NOT display
 * any authentication or consent user interface pages", and returns login_required only "if the End-User is not
 * already authenticated"). The mock IdP has one sign-in session for both protocols (the `idp_session` cookie,
 * ../../server/idp-session.ts), but oidc-provider only knows its own OP session: a browser that signed in over
 * SAML, or at another issuer, would get login_required although the IdP knows the user.
 * So before oidc-provider sees an authorization request (query) with prompt=none, and only when the browser has
 * a live IdP session that is fresh enough for max_age: `none` is dropped, oidc-provider asks for its login
 * interaction, and the interaction (../interaction/interaction-route.ts) answers it from that session at once —
 * no page is shown. Without such a session the request is left as it is, and oidc-provider answers
 * login_required at the redirect URI.
 */
export function promptNoneFromIdpSession(query: string, liveSession: (maxAgeSeconds: number | undefined) => boolean): string {
  if (!query.startsWith('?')) return query;
  const params = new URLSearchParams(query.slice(1));
  if (params.getAll('prompt').length !== 1 || params.get('prompt') !== 'none') return query;
  const maxAge = params.get('max_age');
  const seconds = maxAge === null ? undefined : /^\d{1,9}$/.test(maxAge) ? Number(maxAge) : Number.NaN;
  if (Number.isNaN(seconds) || !liveSession(seconds)) return query;
  params.delete('prompt');
  return `?${params.toString()}`;
}
