/*
 * Defect: verifies the first assertion signature it finds anywhere in the document, then reads the first
 * saml:Assertion in document order — which need not be the element that signature covers.
 * Replaces verify-assertion-signature. Family: XML signature wrapping (Somorovsky et al., USENIX Security 2012).
 */
import type { SamlDefect } from './defect.ts';
import { need } from './mini-sp/state.ts';
import { verifyEnveloped } from './mini-sp/verify-enveloped.ts';
import { NS, descendants, isElement, serialize } from './mini-sp/xml.ts';

export const readsFirstAssertion: SamlDefect = {
  name: 'reads-first-assertion',
  description: 'verifies any assertion signature, then reads the first Assertion of the document',
  // The wrappings that leave ONE assertion child in the Response (the count rule stops the others): the evil
  // assertion around the signed one (XSW4), the signed one hidden in samlp:Extensions or saml:Advice.
  flaggedBy: ['SAML-XSW-04', 'SAML-XSW-10', 'SAML-XSW-11'],
  alsoAffects: ['SAML-XSW-03', 'SAML-XSW-05', 'SAML-XSW-06', 'SAML-XSW-07', 'SAML-XSW-08', 'SAML-XSW-12', 'SAML-XSW-13'],
  replacement: {
    acs: 'verifyAssertionSignature',
    rule: (state) => {
      const doc = need(state, 'candidate').ownerDocument!;
      const signature = descendants(doc, NS.ds, 'Signature').find((s) => isElement(s.parentNode) && s.parentNode.localName === 'Assertion');
      const first = descendants(doc, NS.assertion, 'Assertion')[0]!;
      if (signature) verifyEnveloped(serialize(doc), signature.parentNode as Element, signature, need(state, 'keyFor')(signature));
      state.assertion = first;
      state.assertionSigned = signature !== undefined;
    },
  },
};
