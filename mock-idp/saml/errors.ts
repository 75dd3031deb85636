/*
 * Typed errors of the mock IdP. Every refusal carries a stable `code` that steps and tests assert on (never the
 * message text) and an HTTP `status`; `expose` is true for client errors, so a 4xx goes out with its code and
 * message while anything else goes out as a generic server error (node-oidc-provider's convention).
 */
export type IdpErrorCode =
  | 'request/missing'
  | 'request/bad-base64'
  | 'request/bad-deflate'
  | 'request/bad-xml'
  | 'request/doctype-forbidden'
  | 'request/not-authn-request'
  | 'request/unknown-sp'
  | 'request/unregistered-acs'
  | 'request/signature-missing'
  | 'request/signature-invalid'
  | 'request/unsupported-sig-alg'
  | 'pending/unknown'
  | 'user/unknown'
  /** The app requires assignment and the user is not assigned (Entra's AADSTS50105). */
  | 'user/not-assigned'
  | 'sp/invalid-registration'
  | 'sp/bad-metadata'
  | 'sp/metadata-fetch-failed'
  | 'control/bad-body'
  | 'control/unknown-deviation'
  | 'keys/bad-pem'
  /** Key rollover out of phase (./keys/signing-key-ring.ts): saml-metadata §2.4.1.1. */
  | 'keys/rollover-in-progress'
  | 'keys/nothing-to-activate'
  | 'keys/nothing-to-retire'
  | 'keys/no-rollover'
  | 'directory/bad-file'
  | 'builder/invalid'
  /** Single Logout (../saml/logout/): SAML Profiles §4.4, Core §3.7. */
  | 'logout/malformed'
  | 'logout/signature-missing'
  | 'logout/signature-invalid'
  | 'logout/issuer'
  | 'logout/destination'
  | 'logout/expired'
  | 'logout/replayed'
  | 'logout/session-index'
  | 'logout/in-response-to'
  | 'logout/no-session'
  | 'logout/unknown-run'
  /** The browser asked to move on while the participant may still answer (../saml/logout/single-logout.ts). */
  | 'logout/awaiting-answer';

export class IdpError extends Error {
  readonly status: number;
  readonly expose: boolean;
  constructor(
    readonly code: IdpErrorCode,
    message: string,
    status = 400,
  ) {
    super(message);
    this.name = 'IdpError';
    this.status = status;
    this.expose = status < 500;
  }
}

export const idpError = (code: IdpErrorCode, message: string, status = 400): IdpError => new IdpError(code, message, status);
