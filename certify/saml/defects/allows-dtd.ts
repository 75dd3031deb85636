/*
 * Defect: a document with a DOCTYPE is parsed instead of refused. (xmldom neither fetches nor expands entities, so
 * what shows is the acceptance: a signed response behind a DTD signs in.) Replaces refuse-dtd.
 * Family: XXE (CWE-611), entity expansion (CWE-776).
 */
import type { SamlDefect } from './defect.ts';

export const allowsDtd: SamlDefect = {
  name: 'allows-dtd',
  description: 'accepts a document with a DOCTYPE',
  flaggedBy: ['SAML-XML-01', 'SAML-XML-02', 'SAML-XML-03'],
  alsoAffects: [],
  replacement: { acs: 'refuseDtd', rule: () => {} },
  catalogGap:
    'SAML-XML-01..03 put the entity reference in the signed NameID after signing, so every SP that verifies signatures refuses them for the ' +
    'signature, DTD or not; a probe whose DOCTYPE leaves the signed content intact (declared, not referenced in signed elements) would flag it',
};
