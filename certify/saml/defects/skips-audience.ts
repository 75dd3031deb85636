/*
 * Defect: the AudienceRestriction is not checked, so an assertion minted for another SP signs in here.
 * Replaces check-audience. Family: token forwarding (saml-core §2.5.1.4).
 */
import type { SamlDefect } from './defect.ts';

export const skipsAudience: SamlDefect = {
  name: 'skips-audience',
  description: 'does not check the Audience',
  flaggedBy: ['SAML-ADDR-01'],
  alsoAffects: [],
  replacement: { acs: 'checkAudience', rule: () => {} },
};
