/*
 * - saml-metadata §2.4.4 WantAssertionsSigned="true" (this SP's metadata): the assertion itself must carry a valid
 *   signature; a signed Response around an unsigned assertion, or nothing signed at all, is refused
 *   (saml-profiles §4.1.3.5)
 */
import { refuse } from '../refusal.ts';
import type { Rule } from '../state.ts';

export const requireSignedAssertion: Rule = (state) => {
  if (state.assertionSigned !== true) refuse('signature/missing');
};
