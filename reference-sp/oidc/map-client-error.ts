/*
 * openid-client enforces most ID token rules itself; this file turns what it throws into this SP's codes. It
 * reads the errors' `code` and the structured `cause` fields openid-client (oauth4webapi) sets, never their
 * message text, and keeps the original only as `cause` for the server's log (it can quote the token).
 *
 *   OAUTH_JWT_CLAIM_COMPARISON_FAILED  cause.claim iss    → oidc/iss-mismatch     OIDC Core §3.1.3.7 step 2
 *                                      cause.claim aud    → oidc/aud-mismatch     step 3
 *                                      cause.claim azp    → oidc/azp              steps 4–5
 *                                      cause.claim nonce  → oidc/nonce            step 11
 *   OAUTH_JWT_TIMESTAMP_CHECK_FAILED   cause.claim exp    → oidc/expired          step 9
 *                                      cause.claim nbf    → oidc/iat-future       step 10
 *   OAUTH_INVALID_RESPONSE             cause.header+reason→ oidc/alg-refused      steps 6–8, RFC 8725 §3.1
 *                                      cause.signature    → oidc/signature-invalid step 6
 *                                      cause.claims w/o nonce → oidc/nonce        step 11 (the presence check)
 *                                      otherwise          → oidc/id-token-invalid OIDC Core §2
 *   OAUTH_UNSUPPORTED_OPERATION (alg none, HS* against a JWKS)  → oidc/alg-refused RFC 8725 §3.1
 *   OAUTH_KEY_SELECTION_FAILED (after its one JWKS refetch)     → oidc/unknown-kid OIDC Core §10.1.1
 *   ResponseBodyError (the token endpoint's RFC 6749 §5.2 error) → oidc/token-refused
 *   anything else on the wire (timeout, refused connection, too large, not JSON) → oidc/op-unreachable
 */
import * as client from 'openid-client';
import { OpResponseTooLarge } from './bounded-fetch.ts';
import { OidcRejection, type OidcRejectionCode, reject } from './rejection.ts';

const CORE = 'OIDC Core §3.1.3.7';

/** oauth4webapi's error codes, which openid-client passes on as ClientError.code (oauth4webapi's documented constants). */
const JWT_CLAIM_COMPARISON = 'OAUTH_JWT_CLAIM_COMPARISON_FAILED';
const JWT_TIMESTAMP_CHECK = 'OAUTH_JWT_TIMESTAMP_CHECK_FAILED';
const KEY_SELECTION = 'OAUTH_KEY_SELECTION_FAILED';
const UNSUPPORTED_OPERATION = 'OAUTH_UNSUPPORTED_OPERATION';
const INVALID_RESPONSE = 'OAUTH_INVALID_RESPONSE';
const PARSE_ERROR = 'OAUTH_PARSE_ERROR';

/** RFC 6749 §5.2 error codes: a fixed vocabulary, so the SP may name the one the OP sent. */
const TOKEN_ERRORS = new Set(['invalid_request', 'invalid_client', 'invalid_grant', 'unauthorized_client', 'unsupported_grant_type', 'invalid_scope']);

type Cause = Record<string, unknown>;
const asRecord = (v: unknown): Cause => (v !== null && typeof v === 'object' ? (v as Cause) : {});

/** The structured cause oauth4webapi attached (openid-client wraps its error once more). */
function innerCause(e: { cause?: unknown }): Cause {
  const first = asRecord(e.cause);
  return 'cause' in first && first['code'] !== undefined ? asRecord(first['cause']) : first;
}

const claimRules: Readonly<Record<string, readonly [OidcRejectionCode, string]>> = {
  iss: ['oidc/iss-mismatch', `${CORE} step 2`],
  aud: ['oidc/aud-mismatch', `${CORE} step 3`],
  azp: ['oidc/azp', `${CORE} steps 4–5`],
  nonce: ['oidc/nonce', `${CORE} step 11`],
  exp: ['oidc/expired', `${CORE} step 9`],
  nbf: ['oidc/iat-future', `${CORE} step 10`],
};

const MESSAGES: Readonly<Partial<Record<OidcRejectionCode, string>>> = {
  'oidc/iss-mismatch': 'the ID token was not issued by the OP this tenant trusts',
  'oidc/aud-mismatch': 'the ID token is meant for another client',
  'oidc/azp': 'the ID token names other audiences without this client as its authorized party',
  'oidc/nonce': 'the ID token does not carry the nonce this browser\u2019s request sent',
  'oidc/expired': 'the ID token has expired',
  'oidc/iat-future': 'the ID token is not valid yet',
};

/** openid-client's presence check (aud, exp, iat, iss, sub, then nonce) failed on the nonce alone. */
function missingOnlyNonce(claims: unknown): boolean {
  const c = asRecord(claims);
  return claims !== undefined && !('nonce' in c) && ['aud', 'exp', 'iat', 'iss', 'sub'].every((name) => name in c);
}

/** The rejection for what openid-client threw; `expected` is this SP's own configuration, safe to show. */
export function mapClientError(e: unknown, expected: { readonly clientId: string; readonly issuer: string | undefined; readonly algorithms: readonly string[] }): OidcRejection {
  if (e instanceof OidcRejection) return e;
  const keep = { cause: e };
  if (e instanceof client.ResponseBodyError) {
    const error = TOKEN_ERRORS.has(e.error) ? e.error : undefined;
    return reject('oidc/token-refused', { message: 'the OP\u2019s token endpoint refused the request', ...(error ? { actual: error } : {}), spec: 'RFC 6749 §5.2' }, keep);
  }
  const code = (e as { code?: unknown } | null)?.code;
  const cause = innerCause(asRecord(e));
  if (code === JWT_CLAIM_COMPARISON || code === JWT_TIMESTAMP_CHECK) {
    const rule = claimRules[String(cause['claim'])];
    if (rule) {
      const [mapped, spec] = rule;
      const expect = mapped === 'oidc/iss-mismatch' ? expected.issuer : mapped === 'oidc/aud-mismatch' || mapped === 'oidc/azp' ? expected.clientId : undefined;
      return reject(mapped, { message: MESSAGES[mapped]!, ...(expect ? { expected: expect } : {}), spec }, keep);
    }
  }
  if (code === KEY_SELECTION) {
    return reject('oidc/unknown-kid', { message: 'no key of the OP\u2019s JWKS, fetched again once, matches the ID token\u2019s key ID', spec: 'OIDC Core §10.1.1' }, keep);
  }
  if (code === UNSUPPORTED_OPERATION || (code === INVALID_RESPONSE && 'header' in cause && 'reason' in cause)) {
    return reject(
      'oidc/alg-refused',
      { message: 'the ID token is signed with an algorithm this tenant does not accept', expected: expected.algorithms, spec: `${CORE} steps 6–8, RFC 8725 §3.1` },
      keep,
    );
  }
  if (code === INVALID_RESPONSE && 'signature' in cause) {
    return reject('oidc/signature-invalid', { message: 'the ID token\u2019s signature does not verify with the OP\u2019s key', spec: `${CORE} step 6` }, keep);
  }
  if (code === INVALID_RESPONSE && missingOnlyNonce(cause['claims'])) {
    return reject('oidc/nonce', { message: MESSAGES['oidc/nonce']!, spec: `${CORE} step 11` }, keep);
  }
  if (code === INVALID_RESPONSE || code === PARSE_ERROR) {
    return reject('oidc/id-token-invalid', { message: 'the token response or its ID token is malformed or lacks a required claim', spec: 'OIDC Core §2, §3.1.3.7' }, keep);
  }
  const tooLarge = e instanceof OpResponseTooLarge || asRecord(e)['cause'] instanceof OpResponseTooLarge;
  return reject(
    'oidc/op-unreachable',
    { message: tooLarge ? 'the OP answered with more than this SP reads' : 'the OP could not be reached or answered nonsense', spec: 'OIDC Discovery §4' },
    keep,
  );
}
