/*
 * Defect: NotBefore is checked, NotOnOrAfter (on Conditions and on the bearer confirmation) is not, so an expired
 * assertion signs in. Replaces check-validity-window. Family: CWE-613.
 */
import type { SamlDefect } from './defect.ts';
import { refuse } from './mini-sp/refusal.ts';
import { need } from './mini-sp/state.ts';
import { NS, child } from './mini-sp/xml.ts';

export const skipsExpiry: SamlDefect = {
  name: 'skips-expiry',
  description: 'does not check NotOnOrAfter',
  // TIME-03: expired just beyond any reasonable skew.
  flaggedBy: ['SAML-TIME-01', 'SAML-TIME-03'],
  alsoAffects: ['SAML-TIME-04'],
  replacement: {
    acs: 'checkValidityWindow',
    rule: (state) => {
      const notBefore = Date.parse(child(need(state, 'assertion'), NS.assertion, 'Conditions')?.getAttribute('NotBefore') ?? '');
      if (!Number.isNaN(notBefore) && state.ctx.now() + state.ctx.skewMs < notBefore) refuse('conditions/not-yet-valid');
    },
  },
};
