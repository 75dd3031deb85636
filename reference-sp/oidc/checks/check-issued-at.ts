/*
 * - the ID token's `iat` must not lie in the future beyond the tenant's clock skew (OIDC Core §3.1.3.7
 *   step 10: "The iat Claim can be used to reject tokens that were issued too far away from the current time")
 *   (oidc/iat-future). openid-client checks iat's type only; this rule is ours.
 * After exchange-code: `claims` are a validated ID token's.
 */
import { reject } from '../rejection.ts';
import type { CallbackCheck } from '../callback-state.ts';

export const checkIssuedAt: CallbackCheck = {
  name: 'check-issued-at',
  run(state) {
    const iat = state.claims?.['iat'];
    const latest = state.now.getTime() / 1000 + state.oidc.clockSkewSeconds;
    if (typeof iat === 'number' && iat > latest) {
      throw reject('oidc/iat-future', { message: 'the ID token says it was issued in the future', spec: 'OIDC Core §3.1.3.7 step 10' });
    }
  },
};
