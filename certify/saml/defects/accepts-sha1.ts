/*
 * Defect: RSA-SHA1 signatures and SHA-1 digests are accepted. Replaces check-signature-algorithms.
 * Family: SHA-1 collisions (SHAttered 2017; NIST SP 800-131A).
 */
import type { SamlDefect } from './defect.ts';
import { refuse } from './mini-sp/refusal.ts';
import { STRONG_DIGESTS, STRONG_SIGNATURES, algorithmsAllowed } from './mini-sp/rules/check-signature-algorithms.ts';

const WITH_SHA1_SIGNATURES = new Set([...STRONG_SIGNATURES, 'http://www.w3.org/2000/09/xmldsig#rsa-sha1']);
const WITH_SHA1_DIGESTS = new Set([...STRONG_DIGESTS, 'http://www.w3.org/2000/09/xmldsig#sha1']);

export const acceptsSha1: SamlDefect = {
  name: 'accepts-sha1',
  description: 'accepts RSA-SHA1 signatures',
  flaggedBy: ['SAML-SIG-10'],
  alsoAffects: [],
  replacement: {
    acs: 'checkSignatureAlgorithms',
    rule: (state) => {
      if (!algorithmsAllowed(state, WITH_SHA1_SIGNATURES, WITH_SHA1_DIGESTS)) refuse('signature/algorithm');
    },
  },
};
