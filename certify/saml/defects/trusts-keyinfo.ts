/*
 * Defect: a signature is checked with the certificate its own ds:KeyInfo carries (the pinned one only when there
 * is none), so anyone can sign. Replaces pin-idp-key. Family: CVE-2024-32962 (xml-crypto), key confusion.
 */
import type { SamlDefect } from './defect.ts';
import { need } from './mini-sp/state.ts';
import { certificateFromKeyInfo } from './mini-sp/verify-enveloped.ts';

export const trustsKeyInfo: SamlDefect = {
  name: 'trusts-keyinfo',
  description: 'verifies signatures with the certificate in the message KeyInfo',
  flaggedBy: ['SAML-SIG-05', 'SAML-SIG-08'],
  alsoAffects: [],
  replacement: {
    acs: 'pinIdpKey',
    rule: (state) => {
      const pinned = need(state, 'ctx').idp.certificatePem;
      state.keyFor = (signature) => certificateFromKeyInfo(signature) ?? pinned;
    },
  },
};
