/*
 * Every way the reference SP refuses a logout message is a LogoutRejection with a stable code (tests assert
 * codes, never text). Each code maps to the SAML status the SP answers a refused LogoutRequest with
 * (SAML Core §3.2.2.2): Requester + RequestDenied for a message it will not act on, Requester +
 * UnknownPrincipal when no session matches (§3.7.3.1). The StatusMessage carries the code, nothing the sender
 * wrote. `status` is the HTTP status when the SP answers the browser itself (a LogoutResponse it refuses).
 */
export type LogoutRejectionCode =
  | 'logout/malformed'
  | 'logout/signature-missing'
  | 'logout/signature-invalid'
  | 'logout/issuer'
  | 'logout/destination'
  | 'logout/expired'
  | 'logout/replayed'
  | 'logout/session-index'
  | 'logout/in-response-to'
  | 'logout/no-idp-endpoint';

export const SAML_STATUS = {
  success: 'urn:oasis:names:tc:SAML:2.0:status:Success',
  requester: 'urn:oasis:names:tc:SAML:2.0:status:Requester',
  responder: 'urn:oasis:names:tc:SAML:2.0:status:Responder',
  requestDenied: 'urn:oasis:names:tc:SAML:2.0:status:RequestDenied',
  unknownPrincipal: 'urn:oasis:names:tc:SAML:2.0:status:UnknownPrincipal',
  partialLogout: 'urn:oasis:names:tc:SAML:2.0:status:PartialLogout',
} as const;

export class LogoutRejection extends Error {
  override readonly name = 'LogoutRejection';
  readonly status: 400 | 403;
  /** Which message was refused, when it was read far enough to tell (a refused LogoutRequest is answered). */
  messageKind: 'LogoutRequest' | 'LogoutResponse' | undefined;
  /** The refused request's ID, when it is a plain xs:ID (./request-id.ts): the refusal's InResponseTo. */
  requestId: string | undefined;
  constructor(
    readonly code: LogoutRejectionCode,
    message: string,
    /** Spec section the rule comes from. */
    readonly spec: string,
  ) {
    super(message);
    this.status = code === 'logout/malformed' ? 400 : 403;
  }

  /** The second-level status a LogoutResponse refusing a request carries. */
  get subStatus(): string {
    return this.code === 'logout/session-index' ? SAML_STATUS.unknownPrincipal : SAML_STATUS.requestDenied;
  }
}

export const refuseLogout = (code: LogoutRejectionCode, message: string, spec: string): LogoutRejection => new LogoutRejection(code, message, spec);
