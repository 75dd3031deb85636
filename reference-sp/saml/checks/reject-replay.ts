/*
 * - an assertion ID already accepted by this tenant is refused until the assertion's own expiry (its
 *   earliest NotOnOrAfter plus the clock skew) (saml-profiles §4.1.4.5) (replay/detected)
 * - the Assertion must carry an ID (saml-core §2.3.3)
 * Runs before check-in-response-to, so a replayed solicited response is reported as the replay it is rather
 * than as an answer to an already-consumed request.
 */
import { reject } from '../rejection.ts';
import { need, type Check } from '../state.ts';
import { attr } from '../xml.ts';

export const rejectReplay: Check = {
  name: 'reject-replay',
  run(state) {
    const id = attr(need(state.assertion, 'the Assertion'), 'ID');
    if (!id) throw reject('response/invalid', { message: 'the Assertion has no ID', spec: 'saml-core §2.3.3' });
    const expiresAt = need(state.expiresAt, 'the assertion expiry');
    const until = new Date(expiresAt.getTime() + state.saml.clockSkewSeconds * 1000);
    if (!state.deps.replay.remember(state.tenant.id, id, until)) {
      throw reject('replay/detected', { message: `assertion ${id} was already used`, actual: id, spec: 'saml-profiles §4.1.4.5' });
    }
  },
};
