/*
 * Once the signatures are verified, nothing else in the Response may pose as an assertion:
 * - no <saml:Assertion> or <saml:EncryptedAssertion> outside the Response's own children: none in
 *   samlp:Extensions, in an Assertion's saml:Advice, or anywhere else (assertion/count). saml-profiles §4.1.4.2
 *   puts the assertions in the Response; saml-core §2.6.1 allows assertions in Advice, which this SP never
 *   reads, so it refuses them rather than carry what it did not check;
 * - the Response's element children are only those its schema names, by namespace and local name: saml:Issuer,
 *   ds:Signature, samlp:Extensions, samlp:Status, saml:Assertion, saml:EncryptedAssertion (response/invalid;
 *   saml-core §3.2.2, §3.3.3): an element that only looks like one of them (the `saml:` prefix bound to another
 *   namespace) is an assertion to an SP that matches qualified names (XML Namespaces 1.0 §3: an element is its
 *   namespace URI and local name; the prefix means nothing).
 * Why: assertion smuggling (Somorovsky et al., "On Breaking SAML", USENIX Security 2012) puts a second assertion
 * where a careless reader looks while the verifier checks the signed one. This SP reads only the signed one, so
 * it would sign in the right user; it refuses anyway, so that an SP compared with it sees the message refused.
 * It runs after the signature steps, so every earlier refusal keeps its code; an assertion hidden in a
 * ds:Signature is refused by ../signature.ts (no ds:Object), since the enveloped transform drops the Signature.
 */
import { reject } from '../rejection.ts';
import { need, type Check } from '../state.ts';
import { NS, isElement } from '../xml.ts';

const RESPONSE_CHILDREN = new Set([
  `${NS.saml} Issuer`,
  `${NS.ds} Signature`,
  `${NS.samlp} Extensions`,
  `${NS.samlp} Status`,
  `${NS.saml} Assertion`,
  `${NS.saml} EncryptedAssertion`,
]);

export const checkAssertionPlacement: Check = {
  name: 'check-assertion-placement',
  run(state) {
    const doc = need(state.doc, 'the parsed document');
    const root = need(state.response, 'the Response');
    let nested = 0;
    for (const localName of ['Assertion', 'EncryptedAssertion']) {
      for (const el of Array.from(doc.getElementsByTagNameNS(NS.saml, localName))) if (el.parentNode !== root) nested++;
    }
    if (nested > 0) {
      throw reject('assertion/count', {
        message: 'the Response holds an assertion outside its own assertions (in Extensions, Advice or elsewhere)',
        expected: '0 nested assertions',
        actual: String(nested),
        spec: 'saml-profiles §4.1.4.2',
      });
    }
    for (let n = root.firstChild; n; n = n.nextSibling) {
      if (isElement(n) && !RESPONSE_CHILDREN.has(`${n.namespaceURI} ${n.localName}`)) {
        throw reject('response/invalid', {
          message: 'the Response holds an element its schema does not allow',
          expected: ['saml:Issuer', 'ds:Signature', 'samlp:Extensions', 'samlp:Status', 'saml:Assertion', 'saml:EncryptedAssertion'],
          spec: 'saml-core §3.2.2, §3.3.3',
        });
      }
    }
  },
};
