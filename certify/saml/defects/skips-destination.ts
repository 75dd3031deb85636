/*
 * Defect: the Response's Destination is not compared with the ACS URL.
 * Replaces check-destination. Family: response addressed elsewhere (saml-bindings §3.5.5.2).
 */
import type { SamlDefect } from './defect.ts';

export const skipsDestination: SamlDefect = {
  name: 'skips-destination',
  description: 'does not check the Destination',
  flaggedBy: ['SAML-ADDR-03'],
  alsoAffects: [],
  replacement: { acs: 'checkDestination', rule: () => {} },
};
