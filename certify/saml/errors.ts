/*
 * Why `certify saml` could not run a test, with a stable code (STYLE.md §3). Steps, the run and the CLI read the
 * code; the message is for the person at the terminal and never quotes what the SP under test sent back beyond a
 * short, sanitized excerpt (./excerpt.ts).
 */
export type SamlCertifyCode =
  /** The target (CLI options / worldParameters) is incomplete or contradictory. */
  | 'certify-saml/bad-target'
  /** The SP's metadata could not be fetched or read. */
  | 'certify-saml/metadata-unreachable'
  | 'certify-saml/bad-metadata'
  /** The login URL, the ACS or the whoami URL did not answer (connection refused, timeout). */
  | 'certify-saml/unreachable'
  | 'certify-saml/timeout'
  /** The run was interrupted (SIGINT/SIGTERM) while a request was in flight. */
  | 'certify-saml/interrupted'
  /** Following the login URL never met an AuthnRequest (HTTP-Redirect or HTTP-POST binding). */
  | 'certify-saml/no-authn-request'
  /** The AuthnRequest is not one the IdP can answer (bad encoding, signature missing or invalid). */
  | 'certify-saml/bad-authn-request'
  /** A legitimate sign-in did not sign the user in: nothing else can be judged. */
  | 'certify-saml/baseline-failed'
  /** A scenario step does not apply to this SP (it would otherwise test nothing). */
  | 'certify-saml/not-applicable';

export class SamlCertifyError extends Error {
  override readonly name = 'SamlCertifyError';

  constructor(
    readonly code: SamlCertifyCode,
    message: string,
  ) {
    super(message);
  }
}
