/*
 * - an `iss` authorization response parameter must be the issuer this tenant trusts (RFC 9207 §2.4): a code
 *   another OP issued, passed to this callback, is never sent to this OP's token endpoint (oidc/mix-up)
 * - when the OP says it sends `iss` (authorization_response_iss_parameter_supported, RFC 9207 §3), a response
 *   without it is refused too (oidc/mix-up)
 * After check-state (a response to no request of ours is refused for that first), before the error and the
 * code are used.
 */
import { reject } from '../rejection.ts';
import type { CallbackCheck } from '../callback-state.ts';

export const checkMixUp: CallbackCheck = {
  name: 'check-mix-up',
  run(state) {
    const metadata = state.config!.serverMetadata();
    const iss = state.params.get('iss') ?? undefined;
    if (iss === undefined && metadata.authorization_response_iss_parameter_supported === true) {
      throw reject('oidc/mix-up', { message: 'the OP promises an iss parameter and this authorization response has none', expected: metadata.issuer, spec: 'RFC 9207 §2.4' });
    }
    if (iss !== undefined && iss !== metadata.issuer) {
      throw reject('oidc/mix-up', { message: 'the authorization response was issued by another OP than this tenant\u2019s', expected: metadata.issuer, spec: 'RFC 9207 §2.4' });
    }
  },
};
