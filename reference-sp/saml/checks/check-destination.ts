/*
 * - the Response's Destination, when present, must be this tenant's ACS URL (saml-bindings §3.5.5.2)
 * - a signed Response must carry a Destination (saml-bindings §3.5.5.2: "If the message is signed, the
 *   Destination XML attribute in the root SAML element of the protocol message MUST contain the URL to which
 *   the sender has instructed the user agent to deliver the message")
 */
import { reject } from '../rejection.ts';
import { need, type Check } from '../state.ts';
import { attr } from '../xml.ts';

export const checkDestination: Check = {
  name: 'check-destination',
  run(state) {
    const spec = 'saml-bindings §3.5.5.2';
    const destination = attr(need(state.response, 'the Response'), 'Destination');
    if (destination === undefined) {
      if (state.responseSigned) throw reject('destination/mismatch', { message: 'the signed Response has no Destination', expected: state.saml.acsUrls, spec });
      return;
    }
    if (!state.saml.acsUrls.includes(destination)) {
      throw reject('destination/mismatch', { message: `the Response is addressed to ${destination}, not this ACS`, expected: state.saml.acsUrls, actual: destination, spec });
    }
  },
};
