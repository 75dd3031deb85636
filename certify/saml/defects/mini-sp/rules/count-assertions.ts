/*
 * - saml-profiles §4.1.4.2: the Response carries the assertion the SP acts on; this SP takes exactly one
 *   saml:Assertion or saml:EncryptedAssertion child of the Response, so "which assertion" is never a question
 *   (two assertions: Somorovsky et al., "On Breaking SAML", USENIX Security 2012, §5)
 */
import { refuse } from '../refusal.ts';
import { need, type Rule } from '../state.ts';
import { NS, children } from '../xml.ts';

export const countAssertions: Rule = (state) => {
  const response = need(state, 'response');
  const plain = children(response, NS.assertion, 'Assertion');
  const encrypted = children(response, NS.assertion, 'EncryptedAssertion');
  if (plain.length + encrypted.length !== 1) refuse('assertion/count');
  if (plain[0]) state.candidate = plain[0];
};
