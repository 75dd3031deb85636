/*
 * What every refused sign-in has in common, whichever protocol carried it: a stable code from the protocol's
 * union (SAML: ../saml/rejection.ts, OIDC: ../oidc/rejection.ts), a detail, and the HTTP status the route
 * answers with. Steps and tests assert codes, never message text (STYLE.md §3). The JSON answer
 * (`{ error, detail, tenant }`) and the error page (./refusal-page.ts) are one shape for both protocols.
 * A detail never echoes what the sender controls before it is authenticated, nor anything decrypted; an
 * unexpected exception kept as `cause` is for the server's log only (toJSON and the page leave it out).
 */

export interface RejectionDetail {
  /** Human-readable explanation (for people; never matched by tests). */
  readonly message: string;
  /** The value the SP expected, e.g. the missing attribute name or the SP's entity ID. */
  readonly expected?: string | readonly string[];
  /** The value the SP received, when there was one the SP may repeat. */
  readonly actual?: string | readonly string[];
  /** Spec section the rule comes from, e.g. 'saml-core §2.5.1.4', 'OIDC Core §3.1.3.7'. */
  readonly spec?: string;
}

/** The codes the user-state rules (./user-state.ts) refuse with, the same for both protocols. */
export type UserStateCode = 'user/unknown' | 'user/inactive' | 'user/deprovisioned';

/** 400: the message itself is unusable; 403: well-formed but not acceptable; 502: the IdP could not be reached. */
export type RejectionStatus = 400 | 403 | 502;

export abstract class SignInRejection<C extends string> extends Error {
  readonly code: C;
  readonly detail: RejectionDetail;
  readonly status: RejectionStatus;

  constructor(code: C, detail: RejectionDetail, status: RejectionStatus, options?: { readonly cause?: unknown }) {
    super(`${code}: ${detail.message}`, options?.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.detail = detail;
    this.status = status;
  }

  toJSON(): { error: C; detail: RejectionDetail; status: number } {
    return { error: this.code, detail: this.detail, status: this.status };
  }
}
