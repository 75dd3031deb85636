/*
 * Defect: a Response with several assertions is accepted and the first one is used.
 * Replaces count-assertions. Family: CVE-2022-41912 (crewjam/saml), Somorovsky et al. 2012.
 */
import type { SamlDefect } from './defect.ts';
import { refuse } from './mini-sp/refusal.ts';
import { need } from './mini-sp/state.ts';
import { NS, children } from './mini-sp/xml.ts';

export const acceptsTwoAssertions: SamlDefect = {
  name: 'accepts-two-assertions',
  description: 'accepts several assertions and uses the first',
  flaggedBy: ['SAML-XSW-09'],
  alsoAffects: ['SAML-XSW-03', 'SAML-XSW-05'],
  replacement: {
    acs: 'countAssertions',
    rule: (state) => {
      const response = need(state, 'response');
      if (children(response, NS.assertion, 'Assertion').length + children(response, NS.assertion, 'EncryptedAssertion').length === 0) refuse('assertion/count');
      const first = children(response, NS.assertion, 'Assertion')[0];
      if (first) state.candidate = first;
    },
  },
};
