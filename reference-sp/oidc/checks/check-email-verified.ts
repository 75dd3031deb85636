/*
 * - with the tenant's requireEmailVerified, the `email_verified` claim must be the boolean true (OIDC Core
 *   §5.1; a missing claim, false, or the string "true" is not a verification) (oidc/email-unverified): an email
 *   nobody verified is never the key to an existing account
 * - off (the default), the claim is not read
 */
import { reject } from '../rejection.ts';
import type { CallbackCheck } from '../callback-state.ts';

export const checkEmailVerified: CallbackCheck = {
  name: 'check-email-verified',
  run(state) {
    if (!state.oidc.requireEmailVerified) return;
    if (state.claims?.['email_verified'] !== true) {
      throw reject('oidc/email-unverified', { message: 'the OP does not say the user\u2019s email address is verified', expected: 'email_verified: true', spec: 'OIDC Core §5.1' });
    }
  },
};
