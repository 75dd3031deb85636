/*
 * Defect: the Issuer is not compared with the trusted IdP's entity ID (the key is still pinned).
 * Replaces check-issuer. Family: assertion from an untrusted issuer (CWE-346).
 */
import type { SamlDefect } from './defect.ts';

export const skipsIssuer: SamlDefect = {
  name: 'skips-issuer',
  description: 'does not check the Issuer',
  flaggedBy: ['SAML-ADDR-04'],
  alsoAffects: [],
  replacement: { acs: 'checkIssuer', rule: () => {} },
};
