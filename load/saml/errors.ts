/*
 * Why one sign-in of `sso-harness load saml` did not complete, as a stable code (STYLE.md §3). The report counts
 * sign-ins by these codes; tests assert them. Messages never quote what the SP sent back.
 */
export type LoadCode =
  /** The login URL led to a page without an AuthnRequest, or redirected more than 10 times (saml-bindings §3.4, §3.5). */
  | 'load/no-authn-request'
  /** The SP's AuthnRequest cannot be decoded, or its signature does not verify against the SP's metadata. */
  | 'load/bad-authn-request'
  /** The mock IdP would not answer the request (e.g. it names an ACS the SP's metadata does not list). */
  | 'load/mint-failed'
  /** The ACS answered 4xx to a valid response, or sent the browser back for a new AuthnRequest. */
  | 'load/acs-refused'
  /** With --whoami: after the ACS, the whoami URL says nobody (or somebody else) is signed in. */
  | 'load/not-signed-in'
  /** An answer with this status where the sign-in cannot go on (5xx anywhere, 4xx on the login URL or whoami, a redirect whose Location is not a URL). */
  | `load/http-${number}`
  /** A request did not complete within --timeout-ms. */
  | 'load/timeout'
  /** The connection was refused, reset or closed before an answer. */
  | 'load/connect'
  /** The arrival found --connections × 4 sign-ins in flight already: it was not started (the SP, or the harness, cannot keep up). */
  | 'load/backlog';

export class LoadError extends Error {
  override readonly name = 'LoadError';

  constructor(
    readonly code: LoadCode,
    message: string,
  ) {
    super(message);
  }
}
