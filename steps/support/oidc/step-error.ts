/*
 * Why an OpenID Connect step refused its arguments, with a stable code (STYLE.md §3): a configuring step whose
 * arguments do not apply to the scenario would change nothing and let the scenario pass without testing anything.
 * Tests assert the code; the message is for the QA engineer.
 */
export type OidcStepErrorCode =
  /** The tenant signs in at no issuer of the mock OP yet (or a step needs one that it does not have). */
  | 'oidc-step/no-issuer'
  /** A step about Okta's groups claim filter for a tenant that does not sign in at the Okta issuer. */
  | 'oidc-step/not-okta'
  /** A step sets what the tenant or the OP already does: it would change nothing. */
  | 'oidc-step/already-so'
  /** A numbered-groups pattern without a run of # wide enough for the count. */
  | 'oidc-step/not-a-range'
  /** An assignment names a user the OP's directory does not have, or a group none of its users is in. */
  | 'oidc-step/not-in-directory'
  /** A Then step about a sign-in, a session or a token, before there was one. */
  | 'oidc-step/nothing-yet';

export class OidcStepError extends Error {
  override readonly name = 'OidcStepError';

  constructor(
    readonly code: OidcStepErrorCode,
    message: string,
  ) {
    super(message);
  }
}
