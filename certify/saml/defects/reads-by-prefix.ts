/*
 * Defect: the NameID is found by its prefixed name ("saml:NameID") in the message as posted, not by namespace in
 * the verified assertion, so an element that merely uses the `saml:` prefix (bound to another namespace) is read.
 * Replaces read-name-id. Family: namespace/prefix confusion, parser differentials (CVE-2025-25291/25292,
 * ruby-saml); XML Namespaces 1.0 §3: a prefix means nothing by itself.
 */
import type { SamlDefect } from './defect.ts';
import { refuse } from './mini-sp/refusal.ts';
import { need } from './mini-sp/state.ts';

export const readsByPrefix: SamlDefect = {
  name: 'reads-by-prefix',
  description: 'reads the NameID by its prefixed name in the posted document',
  flaggedBy: ['SAML-XML-04'],
  // An evil assertion hidden in ds:Object, or in samlp:Extensions once the Response signature is stripped, comes
  // first in the document, so its NameID is the one read.
  alsoAffects: ['SAML-XSW-10', 'SAML-XSW-12'],
  replacement: {
    acs: 'readNameId',
    rule: (state) => {
      // The posted document, or the decrypted plaintext when the assertion came encrypted.
      const byPrefix = (doc: Document) => doc.getElementsByTagName('saml:NameID')[0];
      const value = (byPrefix(need(state, 'doc')) ?? byPrefix(need(state, 'candidate').ownerDocument!))?.textContent ?? '';
      if (value.trim() === '') refuse('name-id/missing');
      state.nameId = value;
    },
  },
};
