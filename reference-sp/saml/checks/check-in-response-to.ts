/*
 * - a solicited response (InResponseTo on the Response or on the bearer SubjectConfirmationData) must answer
 *   an AuthnRequest this SP sent for this tenant and has not yet seen answered (saml-profiles §4.1.4.3);
 *   both values, when present, must agree; the request is consumed (in-response-to/unknown)
 * - an unsolicited response (no InResponseTo at all, saml-profiles §4.1.5) is accepted only when the tenant
 *   allows IdP-initiated SSO (unsolicited/refused)
 */
import { reject } from '../rejection.ts';
import { need, type Check } from '../state.ts';
import { attr } from '../xml.ts';

export const checkInResponseTo: Check = {
  name: 'check-in-response-to',
  run(state) {
    const onResponse = attr(need(state.response, 'the Response'), 'InResponseTo');
    const onConfirmation = state.inResponseTo;
    if (onResponse === undefined && onConfirmation === undefined) {
      if (!state.saml.allowUnsolicited) {
        throw reject('unsolicited/refused', { message: 'this tenant accepts only responses to its own AuthnRequests (SP-initiated SSO)', spec: 'saml-profiles §4.1.5' });
      }
      state.solicited = false;
      return;
    }
    if (onResponse !== undefined && onConfirmation !== undefined && onResponse !== onConfirmation) {
      throw reject('in-response-to/unknown', { message: 'the Response and its SubjectConfirmationData answer different requests', expected: onResponse, actual: onConfirmation, spec: 'saml-profiles §4.1.4.3' });
    }
    const id = (onResponse ?? onConfirmation)!;
    if (!state.deps.requests.consume(state.tenant.id, id)) {
      throw reject('in-response-to/unknown', { message: `InResponseTo ${id} does not answer an outstanding AuthnRequest of this tenant`, actual: id, spec: 'saml-profiles §4.1.4.3' });
    }
    state.inResponseTo = id;
    state.solicited = true;
  },
};
