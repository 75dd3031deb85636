/*
 * Defect: nothing is remembered: the same response signs in again, and a request can be answered twice.
 * Replaces use-once. Family: replay (CWE-294, saml-profiles §4.1.4.5).
 */
import type { SamlDefect } from './defect.ts';

export const noReplayCache: SamlDefect = {
  name: 'no-replay-cache',
  description: 'accepts the same assertion, and answers to the same request, more than once',
  flaggedBy: ['SAML-REPLAY-01', 'SAML-REPLAY-04'],
  alsoAffects: ['SAML-REPLAY-02'],
  replacement: { acs: 'useOnce', rule: () => {} },
};
