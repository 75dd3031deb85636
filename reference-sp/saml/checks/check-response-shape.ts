/*
 * - the root element must be <samlp:Response> (saml-core §3.3.3; saml-profiles §4.1.4.2)
 * - Version must be "2.0" (saml-core §3.2.2)
 * - ID and IssueInstant are required (saml-core §3.2.2)
 */
import { reject } from '../rejection.ts';
import { need, type Check } from '../state.ts';
import { NS, attr } from '../xml.ts';

export const checkResponseShape: Check = {
  name: 'check-response-shape',
  run(state) {
    const root = need(state.doc, 'the parsed document').documentElement;
    // Nothing is authenticated yet: the answers name what was expected, never what arrived.
    if (!root || root.namespaceURI !== NS.samlp || root.localName !== 'Response') {
      throw reject('response/invalid', { message: 'the root element is not samlp:Response', expected: 'samlp:Response', spec: 'saml-profiles §4.1.4.2' });
    }
    if (attr(root, 'Version') !== '2.0') throw reject('response/invalid', { message: 'Version must be "2.0"', expected: '2.0', spec: 'saml-core §3.2.2' });
    for (const a of ['ID', 'IssueInstant']) {
      if (!attr(root, a)) throw reject('response/invalid', { message: `the Response has no ${a}`, expected: a, spec: 'saml-core §3.2.2' });
    }
    state.response = root;
  },
};
