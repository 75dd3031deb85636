/*
 * Defect (interoperability): no clock skew at all, so an assertion from an IdP whose clock runs a few seconds ahead
 * is refused as not yet valid. Replaces check-validity-window (the same rule with a skew of zero).
 * Family: saml-core §2.5.1.2 leaves skew to the SP; every deployed SP needs a little.
 */
import type { SamlDefect } from './defect.ts';
import { checkValidityWindow } from './mini-sp/rules/check-validity-window.ts';

export const noClockSkew: SamlDefect = {
  name: 'no-clock-skew',
  description: 'allows no clock skew',
  flaggedBy: ['SAML-TIME-05'],
  alsoAffects: [],
  replacement: { acs: 'checkValidityWindow', rule: (state) => checkValidityWindow({ ...state, ctx: { ...state.ctx, skewMs: 0 } }) },
};
