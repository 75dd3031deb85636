/*
 * Defect: a response that carries an InResponseTo is taken as solicited without looking the request up (unsolicited
 * ones, with none, are still refused), so an IdP-initiated assertion dressed up with any InResponseTo, or one
 * answering another browser's request, signs in. Replaces check-in-response-to.
 * Family: InResponseTo not checked (CWE-345), login CSRF (CWE-352).
 */
import type { SamlDefect } from './defect.ts';
import { refuse } from './mini-sp/refusal.ts';
import { answeredRequestId } from './mini-sp/rules/check-in-response-to.ts';

export const unsolicitedAsSolicited: SamlDefect = {
  name: 'unsolicited-as-solicited',
  description: 'treats any InResponseTo as a request it sent',
  flaggedBy: ['SAML-REPLAY-03', 'SAML-REPLAY-05'],
  alsoAffects: ['SAML-REPLAY-04'],
  replacement: {
    acs: 'checkInResponseTo',
    rule: (state) => {
      if (answeredRequestId(state) === undefined) refuse('unsolicited/refused');
    },
  },
};
