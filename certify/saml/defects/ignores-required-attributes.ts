/*
 * Defect: the attributes the metadata marks isRequired are not checked; a missing or misspelled one signs the user
 * in with empty profile fields. Replaces check-required-attributes. Family: the Particle case (seed vendor).
 */
import type { SamlDefect } from './defect.ts';

export const ignoresRequiredAttributes: SamlDefect = {
  name: 'ignores-required-attributes',
  description: 'signs in without the attributes its metadata requires',
  flaggedBy: ['SAML-ATTR-01', 'SAML-ATTR-02', 'SAML-ATTR-03'],
  alsoAffects: [],
  replacement: { acs: 'checkRequiredAttributes', rule: () => {} },
};
