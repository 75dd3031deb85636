/*
 * Defect: an assertion without a signature is accepted (a signature that is present is still verified).
 * Replaces require-signed-assertion. Family: signature exclusion (Somorovsky et al., USENIX Security 2012).
 */
import type { SamlDefect } from './defect.ts';

export const acceptsUnsigned: SamlDefect = {
  name: 'accepts-unsigned',
  description: 'accepts an assertion that carries no signature',
  flaggedBy: ['SAML-SIG-03', 'SAML-SIG-04'],
  // Wrappings whose evil assertion is unsigned sign the attacker in too (XSW4, XSW7, Advice).
  alsoAffects: ['SAML-XSW-03', 'SAML-XSW-04', 'SAML-XSW-05', 'SAML-XSW-06', 'SAML-XSW-07', 'SAML-XSW-08', 'SAML-XSW-10', 'SAML-XSW-11', 'SAML-XSW-12'],
  replacement: { acs: 'requireSignedAssertion', rule: () => {} },
};
