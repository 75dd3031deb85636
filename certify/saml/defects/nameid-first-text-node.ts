/*
 * Defect: the NameID is read from the message as posted (the element with the verified assertion's ID), as the
 * value of its FIRST text node, so a comment or CDATA section inside a signed NameID truncates it.
 * Replaces read-name-id. Family: CVE-2017-11427 (python-saml), CVE-2017-11428 (ruby-saml), CVE-2017-11429 (saml2-js).
 */
import type { SamlDefect } from './defect.ts';
import { refuse } from './mini-sp/refusal.ts';
import { need } from './mini-sp/state.ts';
import { NS, at, descendants } from './mini-sp/xml.ts';

export const nameIdFirstTextNode: SamlDefect = {
  name: 'nameid-first-text-node',
  description: 'takes the NameID from its first text node',
  flaggedBy: ['SAML-NAMEID-01', 'SAML-NAMEID-02'],
  alsoAffects: [],
  replacement: {
    acs: 'readNameId',
    rule: (state) => {
      const id = need(state, 'assertion').getAttribute('ID');
      // The posted document (or, for an encrypted assertion, the decrypted plaintext), not the verified copy.
      const inMessage = (doc: Document) => descendants(doc, NS.assertion, 'Assertion').find((a) => a.getAttribute('ID') === id);
      const posted = inMessage(need(state, 'doc')) ?? inMessage(need(state, 'candidate').ownerDocument!);
      const value = at(posted, [NS.assertion, 'Subject'], [NS.assertion, 'NameID'])?.firstChild?.nodeValue ?? '';
      if (value.trim() === '') refuse('name-id/missing');
      state.nameId = value;
    },
  },
};
