/*
 * Defect: NotOnOrAfter is checked, NotBefore is not, so an assertion issued for later (a clock far ahead, or one
 * minted in advance) signs in now. Replaces check-validity-window. Family: CWE-345 (saml-core §2.5.1.2).
 */
import type { SamlDefect } from './defect.ts';
import { refuse } from './mini-sp/refusal.ts';
import { bearerConfirmations } from './mini-sp/rules/check-recipient.ts';
import { need } from './mini-sp/state.ts';
import { NS, child } from './mini-sp/xml.ts';

export const skipsNotBefore: SamlDefect = {
  name: 'skips-not-before',
  description: 'does not check NotBefore',
  // TIME-04: valid only later than any reasonable skew.
  flaggedBy: ['SAML-TIME-02', 'SAML-TIME-04'],
  alsoAffects: [],
  replacement: {
    acs: 'checkValidityWindow',
    rule: (state) => {
      const assertion = need(state, 'assertion');
      const expired = (value: string | null | undefined) => {
        const ms = Date.parse(value ?? '');
        return !Number.isNaN(ms) && state.ctx.now() - state.ctx.skewMs >= ms;
      };
      if (expired(child(assertion, NS.assertion, 'Conditions')?.getAttribute('NotOnOrAfter'))) refuse('conditions/expired');
      if (bearerConfirmations(assertion).some((d) => expired(d.getAttribute('NotOnOrAfter')))) refuse('conditions/expired');
    },
  },
};
