/*
 * What a deviation of the mock OpenID Provider is: one named change to what oidc-provider produced, for negative
 * tests. oidc-provider (certified) only emits correct tokens and responses, and no library emits broken ones, so
 * each deviation is hand-written on `jose`, applied after the fact:
 * - `id-token` deviations rewrite the ID token of the token response (re-signed with the OP's current key when
 *   the deviation needs a valid signature, so exactly one thing is wrong)
 * - `authorization-response` deviations rewrite the parameters of the redirect back to the client
 *   (OAuth 2.0 RFC 6749 §4.1.2)
 */
import type { SigningKeys } from '../keys/signing-keys.ts';

export interface DeviationContext {
  readonly keys: SigningKeys;
  /** This issuer's URL. */
  readonly issuer: string;
  /** Another issuer's URL (of this IdP when it has one, else an attacker's). */
  readonly otherIssuer: string;
  /** The nonce of the ID token issued before this sign-in (replayedNonce). */
  readonly previousNonce: string | undefined;
  /** Now, in seconds since the epoch, on the IdP's clock. */
  readonly now: number;
  /** Mints a real authorization code at another issuer for the same client and user (mix-up). */
  readonly mintCodeElsewhere: () => Promise<string>;
}

export interface IdTokenDeviation {
  readonly stage: 'id-token';
  apply(idToken: string, args: readonly unknown[], ctx: DeviationContext): Promise<string>;
}

export interface ResponseDeviation {
  readonly stage: 'authorization-response';
  apply(params: URLSearchParams, args: readonly unknown[], ctx: DeviationContext): Promise<void>;
}

export type OidcDeviationModule = (IdTokenDeviation | ResponseDeviation) & {
  /** Argument kinds, checked when the deviation is queued. */
  readonly args: readonly ('string?' | 'seconds?')[];
};
