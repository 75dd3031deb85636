/*
 * Typed errors of the mock OpenID Provider's own surface (control API, CLI, in-process API). Every refusal has a
 * stable `code` that tests assert on, never the message; `expose` is true for client errors (4xx), so the JSON
 * error boundary sends their code and message and anything else as a generic server error. Protocol errors on the
 * OAuth/OIDC endpoints themselves are oidc-provider's own (`invalid_grant`, `invalid_request`, … RFC 6749 §5.2).
 */
export type OidcOpErrorCode =
  /** A control body that does not match its schema; the message names the JSON path. */
  | 'control/bad-body'
  | 'oidc/unknown-issuer'
  | 'oidc/unknown-client'
  | 'oidc/client-exists'
  | 'oidc/unknown-deviation'
  /** A deviation queued with arguments it cannot use, or one whose precondition does not hold (no previous sign-in). */
  | 'oidc/deviation-not-applicable'
  | 'oidc/interaction-unknown'
  | 'oidc/no-id-token'
  /** The OP did not hand out an ID token in an in-process sign-in (./in-process.ts). */
  | 'oidc/token-refused'
  | 'user/unknown'
  | 'keys/bad-jwk';

export class OidcOpError extends Error {
  override readonly name = 'OidcOpError';
  constructor(
    readonly code: OidcOpErrorCode,
    message: string,
    readonly status = 400,
  ) {
    super(message);
  }

  /** 4xx: the code and message go out; anything else is a generic server error. */
  get expose(): boolean {
    return this.status < 500;
  }
}

export const opError = (code: OidcOpErrorCode, message: string, status = 400): OidcOpError => new OidcOpError(code, message, status);
