/*
 * - the Assertion must carry <saml:Conditions> with at least one <saml:AudienceRestriction> naming this SP's
 *   entityID (saml-profiles §4.1.4.2)
 * - every AudienceRestriction must name it: each one is a separate condition that must hold
 *   (saml-core §2.5.1.4)
 * - a tenant with acsUrlAsAudience also accepts its first ACS URL as that name (SonarQube's JumpCloud setup puts
 *   the Single Sign-On URL in JumpCloud's "SP Entity ID"); the ACS URL names this SP alone just as well
 */
import { reject } from '../rejection.ts';
import { need, type Check } from '../state.ts';
import { NS, child, children, text } from '../xml.ts';

export const checkAudience: Check = {
  name: 'check-audience',
  run(state) {
    const expected = state.saml.spEntityId;
    const accepted = state.saml.acsUrlAsAudience ? [expected, state.saml.acsUrls[0]] : [expected];
    const conditions = child(need(state.assertion, 'the Assertion'), NS.saml, 'Conditions');
    const restrictions = conditions ? children(conditions, NS.saml, 'AudienceRestriction') : [];
    if (restrictions.length === 0) {
      throw reject('audience/mismatch', { message: 'the Assertion has no AudienceRestriction', expected, spec: 'saml-profiles §4.1.4.2' });
    }
    for (const r of restrictions) {
      const audiences = children(r, NS.saml, 'Audience').map((a) => text(a) ?? '');
      if (!audiences.some((a) => accepted.includes(a))) {
        throw reject('audience/mismatch', {
          message: `the Assertion is meant for ${audiences.join(', ') || 'no audience'}, not this SP`,
          expected,
          actual: audiences,
          spec: 'saml-core §2.5.1.4',
        });
      }
    }
  },
};
