/*
 * Defect: a document with a DOCTYPE is parsed instead of refused. (xmldom neither fetches nor expands entities, so
 * what shows is the acceptance: a signed response behind a DTD signs in — SAML-XML-06; SAML-XML-07's fetch is
 * proven by ../out-of-band-xxe.test.ts.) Replaces refuse-dtd.
 * Family: XXE (CWE-611), entity expansion (CWE-776).
 */
import type { SamlDefect } from './defect.ts';

export const allowsDtd: SamlDefect = {
  name: 'allows-dtd',
  description: 'accepts a document with a DOCTYPE',
  flaggedBy: ['SAML-XML-06'],
  // The DOCTYPE tests whose entity reference sits in signed content: the signature check refuses them first.
  alsoAffects: ['SAML-XML-01', 'SAML-XML-02', 'SAML-XML-03', 'SAML-XML-07'],
  replacement: { acs: 'refuseDtd', rule: () => {} },
};
