/*
 * Defect: nothing is remembered: the same response signs in again, and a request can be answered twice.
 * Replaces use-once. Family: replay (CWE-294, saml-profiles §4.1.4.5).
 */
import type { SamlDefect } from './defect.ts';

export const noReplayCache: SamlDefect = {
  name: 'no-replay-cache',
  description: 'accepts the same assertion, and answers to the same request, more than once',
  flaggedBy: ['SAML-REPLAY-01'],
  // A replay from another browser (REPLAY-02) and a second answer to an answered request (REPLAY-04, whose attempt
  // starts from the browser as it was before the first sign-in) carry no request-binding cookie for the request
  // they answer, so the mini SP's InResponseTo rule refuses them without the replay cache: defence in depth.
  alsoAffects: ['SAML-REPLAY-02', 'SAML-REPLAY-04'],
  replacement: { acs: 'useOnce', rule: () => {} },
};
