/*
 * Defect: a response without InResponseTo (IdP-initiated) is accepted although this SP only starts sign-ins itself;
 * one that names a request is still checked. Replaces check-in-response-to.
 * Family: unsolicited response / IdP-initiated login CSRF (saml-profiles §4.1.5).
 */
import type { SamlDefect } from './defect.ts';
import { answeredRequestId, checkInResponseTo } from './mini-sp/rules/check-in-response-to.ts';

export const acceptsUnsolicited: SamlDefect = {
  name: 'accepts-unsolicited',
  description: 'accepts an unsolicited (IdP-initiated) response',
  flaggedBy: ['SAML-REPLAY-06', 'SAML-VENDOR-04'],
  alsoAffects: [],
  replacement: {
    acs: 'checkInResponseTo',
    rule: (state) => (answeredRequestId(state) === undefined ? undefined : checkInResponseTo(state)),
  },
};
