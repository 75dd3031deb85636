/*
 * - the Response must hold exactly one <saml:Assertion> or <saml:EncryptedAssertion> child. saml-profiles
 *   §4.1.4.2 allows several; this SP, like most, accepts exactly one, so "which assertion did we check"
 *   can never differ from "which assertion did we read".
 */
import { reject } from '../rejection.ts';
import { need, type Check } from '../state.ts';
import { NS, children } from '../xml.ts';

export const checkAssertionCount: Check = {
  name: 'check-assertion-count',
  run(state) {
    const response = need(state.response, 'the Response');
    const plain = children(response, NS.saml, 'Assertion');
    const encrypted = children(response, NS.saml, 'EncryptedAssertion');
    const total = plain.length + encrypted.length;
    if (total !== 1) {
      throw reject('assertion/count', {
        message: `the Response holds ${total} assertions; exactly one is accepted`,
        expected: '1',
        actual: String(total),
        spec: 'saml-profiles §4.1.4.2',
      });
    }
    state.encrypted = encrypted.length === 1;
    state.assertionContainer = (plain[0] ?? encrypted[0])!;
    if (!state.encrypted) {
      state.assertion = plain[0]!;
      state.assertionDocXml = need(state.xml, 'the XML');
    }
  },
};
