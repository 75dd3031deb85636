/*
 * The secrets of one authorization request (OIDC Core §3.1.2.1), all tied to its `state`:
 * - `state` is random (256 bits) and is what the store remembers, with this browser's binding cookie and the
 *   request's purpose, exactly as the SAML side remembers an AuthnRequest ID (../sign-in/request-store.ts,
 *   ../sign-in/browser-binding.ts): answerable once, by the browser that started it, until it expires, across a
 *   restart (OIDC Core §3.1.2.7, RFC 6749 §10.12);
 * - the `nonce` (OIDC Core §3.1.2.1, §15.5.2) and the PKCE `code_verifier` (RFC 7636 §4.1) are HMAC-SHA-256 of
 *   the state under a key derived from the SP's private key (HKDF, RFC 5869). They need not be stored: the
 *   callback recomputes them from the state it has just consumed, so they outlive a restart whenever the SP's
 *   keys do (dataDir), and a read of the database yields neither. Nobody without the SP's key can compute the
 *   nonce or verifier of a state seen in a URL.
 * The code_challenge sent is the verifier's S256 (RFC 7636 §4.2); `plain` is never used.
 */
import { createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { calculatePKCECodeChallenge } from 'openid-client';

/** The shape of a state this SP issues (base64url of 32 random bytes): anything else is no state of ours. */
const STATE = /^[A-Za-z0-9_-]{43}$/;

export interface RequestSecrets {
  readonly state: string;
  readonly nonce: string;
  readonly codeVerifier: string;
}

export interface RequestSecretsFactory {
  /** Fresh secrets for a new authorization request, with the S256 code challenge to send. */
  create(): Promise<RequestSecrets & { readonly codeChallenge: string }>;
  /** The nonce and verifier of a state this SP issued (call only once the state was consumed from the store). */
  of(state: string): RequestSecrets;
}

export const validState = (value: string | undefined): string | undefined => (value !== undefined && STATE.test(value) ? value : undefined);

export function requestSecrets(spPrivateKeyPem: string): RequestSecretsFactory {
  const key = Buffer.from(hkdfSync('sha256', spPrivateKeyPem, 'sso-harness reference SP', 'oidc authorization request secrets', 32));
  const derive = (purpose: string, state: string) => createHmac('sha256', key).update(`${purpose}\u0000${state}`).digest('base64url');
  const of = (state: string): RequestSecrets => ({ state, nonce: derive('nonce', state), codeVerifier: derive('pkce', state) });
  return {
    of,
    async create() {
      const secrets = of(randomBytes(32).toString('base64url'));
      return { ...secrets, codeChallenge: await calculatePKCECodeChallenge(secrets.codeVerifier) };
    },
  };
}
