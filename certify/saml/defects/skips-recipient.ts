/*
 * Defect: the bearer SubjectConfirmationData Recipient is not compared with the ACS URL.
 * Replaces check-recipient. Family: bearer assertion for another endpoint (saml-profiles §4.1.4.2).
 */
import type { SamlDefect } from './defect.ts';

export const skipsRecipient: SamlDefect = {
  name: 'skips-recipient',
  description: 'does not check the Recipient',
  flaggedBy: ['SAML-ADDR-02'],
  alsoAffects: [],
  replacement: { acs: 'checkRecipient', rule: () => {} },
};
