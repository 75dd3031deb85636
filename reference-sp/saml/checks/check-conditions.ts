/*
 * - now + clockSkew must not be before Conditions/@NotBefore (conditions/not-yet-valid)
 * - now - clockSkew must be before Conditions/@NotOnOrAfter (conditions/expired)
 * saml-core §2.5.1.2: "NotBefore … the assertion is valid at or after this time; NotOnOrAfter … before this
 * time". The skew is the tenant's clockSkewSeconds; "now" comes from the injected clock.
 */
import { reject } from '../rejection.ts';
import { need, type Check } from '../state.ts';
import { NS, attr, child } from '../xml.ts';
import { parseSamlTime } from './time.ts';

export const checkConditions: Check = {
  name: 'check-conditions',
  run(state) {
    const spec = 'saml-core §2.5.1.2';
    const conditions = child(need(state.assertion, 'the Assertion'), NS.saml, 'Conditions');
    if (!conditions) return; // check-audience already requires Conditions; nothing to time here
    const skew = state.saml.clockSkewSeconds * 1000;
    const now = state.now.getTime();
    const notBefore = parseSamlTime(attr(conditions, 'NotBefore'), 'Conditions/@NotBefore');
    const notOnOrAfter = parseSamlTime(attr(conditions, 'NotOnOrAfter'), 'Conditions/@NotOnOrAfter');
    if (notBefore && now + skew < notBefore.getTime()) {
      throw reject('conditions/not-yet-valid', {
        message: `the Assertion is not valid before ${notBefore.toISOString()}`,
        expected: notBefore.toISOString(),
        actual: state.now.toISOString(),
        spec,
      });
    }
    if (notOnOrAfter && now - skew >= notOnOrAfter.getTime()) {
      throw reject('conditions/expired', {
        message: `the Assertion expired at ${notOnOrAfter.toISOString()}`,
        expected: notOnOrAfter.toISOString(),
        actual: state.now.toISOString(),
        spec,
      });
    }
    if (notOnOrAfter && (!state.expiresAt || notOnOrAfter < state.expiresAt)) state.expiresAt = notOnOrAfter;
  },
};
