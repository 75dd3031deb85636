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
};
