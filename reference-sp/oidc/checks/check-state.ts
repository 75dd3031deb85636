/*
 * - the response's `state` must be one this SP sent for this tenant (OIDC Core §3.1.2.7, RFC 6749 §10.12: the
 *   client's CSRF protection), unexpired, from this browser (the binding cookie, ../../sign-in/browser-binding.ts),
 *   and not answered before: missing, unknown, expired, another browser's or used twice is oidc/state
 * - a wrong browser does not consume it: the right browser can still finish its sign-in
 * - consumed, it yields the request's purpose and its nonce and PKCE verifier (../request-secrets.ts)
 * First after the parameter check: nothing else in the response is read for a request this SP did not send.
 */
import { reject } from '../rejection.ts';
import { validState } from '../request-secrets.ts';
import type { CallbackCheck } from '../callback-state.ts';

const SPEC = 'OIDC Core §3.1.2.7, RFC 6749 §10.12';

export const checkState: CallbackCheck = {
  name: 'check-state',
  run(state) {
    const sent = state.params.get('state') ?? undefined;
    if (sent === undefined) throw reject('oidc/state', { message: 'the authorization response carries no state', spec: SPEC });
    const valid = validState(sent);
    const answer = valid === undefined ? { match: 'unknown' as const } : state.deps.requests.consume(state.tenant.id, valid, state.browserBinding);
    if (answer.match === 'other-browser') {
      throw reject('oidc/state', { message: 'the sign-in was started in another browser (or its cookie was lost)', actual: 'other-browser', spec: SPEC });
    }
    if (answer.match !== 'consumed' || valid === undefined) {
      throw reject('oidc/state', { message: 'the state answers no request this SP sent, or one already answered or expired', actual: 'unknown', spec: SPEC });
    }
    state.purpose = answer.purpose;
    state.secrets = state.deps.secrets.of(valid);
  },
};
