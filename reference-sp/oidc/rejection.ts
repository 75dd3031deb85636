/*
 * Every way the reference SP refuses an OpenID Connect sign-in, refresh or logout is an OidcRejection with a
 * stable code from this union and the spec section in its detail; steps and tests assert codes, never text.
 * The JSON answer and the error page are the SAML side's (../sign-in/rejection.ts, ../sign-in/refusal-page.ts).
 * A detail never echoes token content or what the sender wrote: messages are fixed text, `expected` is this
 * SP's own configuration, and `actual` is set only for values from a fixed vocabulary (an RFC 6749 error code,
 * a JWS algorithm name this SP knows) or values read from a validated ID token (the login, for user/*).
 */
import { type RejectionDetail, type RejectionStatus, SignInRejection, type UserStateCode } from '../sign-in/rejection.ts';

export type OidcRejectionCode =
  /** OIDC Core §3.1.2.7, RFC 6749 §10.12: the state is missing, unknown, another browser's, or used twice. */
  | 'oidc/state'
  /** RFC 9207 §2.4: the authorization response's `iss` names another issuer (or is missing where the OP promised it). */
  | 'oidc/mix-up'
  /** OIDC Core §3.1.2.6, RFC 6749 §4.1.2.1: the OP answered the authorization request with an error. */
  | 'oidc/idp-error'
  /** RFC 6749 §4.1.2: the authorization response lacks a code or repeats a parameter. */
  | 'oidc/response-invalid'
  /** RFC 6749 §5.2: the token endpoint refused the code or the refresh token (invalid_grant, PKCE mismatch …). */
  | 'oidc/token-refused'
  /** OIDC Core §3.1.3.7 step 2. */
  | 'oidc/iss-mismatch'
  /** OIDC Core §3.1.3.7 step 3. */
  | 'oidc/aud-mismatch'
  /** OIDC Core §3.1.3.7 steps 4–5. */
  | 'oidc/azp'
  /** OIDC Core §3.1.3.7 steps 6–8, RFC 8725 §3.1: `none`, HS* keyed with a public key, or an algorithm not allowed. */
  | 'oidc/alg-refused'
  /** OIDC Core §3.1.3.7 step 6: the signature does not verify with the OP's key. */
  | 'oidc/signature-invalid'
  /** OIDC Core §10.1.1: no key of the OP's JWKS has the token's kid, even after fetching the JWKS again once. */
  | 'oidc/unknown-kid'
  /** OIDC Core §3.1.3.7 step 9. */
  | 'oidc/expired'
  /** OIDC Core §3.1.3.7 step 10: issued (iat) or valid (nbf) only in the future. */
  | 'oidc/iat-future'
  /** OIDC Core §3.1.3.7 step 11: missing, or not the nonce this browser's request sent. */
  | 'oidc/nonce'
  /** OIDC Core §2, §3.1.3.7: the ID token is missing, malformed, or lacks a required claim. */
  | 'oidc/id-token-invalid'
  /** OIDC Core §5.3.2–5.3.4: the userinfo endpoint failed or answered for another subject. */
  | 'oidc/userinfo-refused'
  /** OIDC Core §5.1: email_verified is not true and the tenant requires it. */
  | 'oidc/email-unverified'
  /** OIDC Core §5.1: a claim the tenant's mapping needs (the login) is missing or not a string. */
  | 'oidc/claims-missing'
  /** OIDC Core §12.2: a refreshed ID token names another subject. */
  | 'oidc/sub-mismatch'
  /** RFC 6749 §6: this session holds no refresh token. */
  | 'oidc/no-refresh-token'
  /** OIDC Discovery §4 or the OP's endpoints could not be reached or answered nonsense. */
  | 'oidc/op-unreachable'
  /** NinjaOne guide step 7 (seed 002): the tenant's SSO is not enabled yet; only the Test Connection signs in. */
  | 'tenant/sso-not-enabled'
  | UserStateCode;

const BAD_REQUEST: ReadonlySet<OidcRejectionCode> = new Set(['oidc/state', 'oidc/response-invalid', 'oidc/no-refresh-token']);

export class OidcRejection extends SignInRejection<OidcRejectionCode> {
  override readonly name = 'OidcRejection';

  constructor(code: OidcRejectionCode, detail: RejectionDetail, options?: { readonly cause?: unknown }) {
    super(code, detail, code === 'oidc/op-unreachable' ? 502 : BAD_REQUEST.has(code) ? 400 : 403, options);
  }
}

/** Shorthand: `throw reject('oidc/nonce', { … })`. */
export function reject(code: OidcRejectionCode, detail: RejectionDetail, options?: { readonly cause?: unknown }): OidcRejection {
  return new OidcRejection(code, detail, options);
}

export type { RejectionStatus };
