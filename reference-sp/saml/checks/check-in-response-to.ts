/*
 * saml-profiles §4.1.4.2–§4.1.4.3, §4.1.5: which request a response answers is what the verified assertion's
 * bearer <SubjectConfirmationData InResponseTo> says (kept by check-subject-confirmation), never the
 * Response's own InResponseTo alone: when only the assertion is signed, the Response element is not covered
 * by any signature, and anyone could wrap a captured unsolicited assertion in a Response claiming a request
 * ID fetched from /login.
 * - the Response claims an InResponseTo and the bearer confirmation carries none, or another one
 *   (in-response-to/mismatch)
 * - the confirmation's InResponseTo must name an AuthnRequest this SP sent for this tenant, unexpired and not
 *   yet answered (in-response-to/unknown)
 * - ... sent for the browser that posts this response: the request is bound to the browser that started the
 *   sign-in by a cookie (../browser-binding.ts); a post from any other browser is refused and does not use
 *   the request up (in-response-to/other-browser)
 * - the request is consumed: a second answer to it is refused (in-response-to/unknown); what it was sent for
 *   (a sign-in or the Test Connection) is kept as state.requestPurpose, from the SP's own record only
 * - with no InResponseTo at all the response is unsolicited (saml-profiles §4.1.5), accepted only when the
 *   tenant allows IdP-initiated SSO (unsolicited/refused)
 */
import { reject } from '../rejection.ts';
import { need, type Check } from '../state.ts';
import { attr } from '../xml.ts';

export const checkInResponseTo: Check = {
  name: 'check-in-response-to',
  run(state) {
    const onResponse = attr(need(state.response, 'the Response'), 'InResponseTo');
    const onConfirmation = state.inResponseTo;
    if (onResponse !== undefined && onResponse !== onConfirmation) {
      throw reject('in-response-to/mismatch', {
        message:
          onConfirmation === undefined
            ? "the Response claims to answer a request but the assertion's bearer confirmation answers none"
            : 'the Response and its bearer confirmation answer different requests',
        spec: 'saml-profiles §4.1.4.3',
      });
    }
    if (onConfirmation === undefined) {
      if (!state.saml.allowUnsolicited) {
        throw reject('unsolicited/refused', { message: 'this tenant accepts only responses to its own AuthnRequests (SP-initiated SSO)', spec: 'saml-profiles §4.1.5' });
      }
      state.solicited = false;
      return;
    }
    const answer = state.deps.requests.consume(state.tenant.id, onConfirmation, state.deps.browserBinding ?? null);
    if (answer.match === 'other-browser') {
      throw reject('in-response-to/other-browser', {
        message: 'the request this response answers was started by another browser (or the browser did not send the sign-in cookie)',
        spec: 'saml-profiles §4.1.4.3',
      });
    }
    if (answer.match !== 'consumed') {
      throw reject('in-response-to/unknown', { message: 'the response does not answer an outstanding AuthnRequest of this tenant', spec: 'saml-profiles §4.1.4.3' });
    }
    state.solicited = true;
    state.requestPurpose = answer.purpose;
    if (answer.requestedAuthnContext) state.requestedAuthnContext = answer.requestedAuthnContext;
  },
};
