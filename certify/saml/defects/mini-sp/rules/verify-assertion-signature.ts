/*
 * - saml-core §5.4.2: the assertion's signature is its own ds:Signature child, enveloped, referencing its ID
 * - the assertion every later rule reads is the XML that signature covers (re-parsed), never the element in the
 *   message: an attacker's assertion next to, around or inside the signed one is never read (XSW3–XSW8)
 * - with no signature on the assertion, it is read as posted and marked unsigned; ./require-signed-assertion.ts
 *   refuses that (WantAssertionsSigned), this rule only decides what is read
 */
import { refuse } from '../refusal.ts';
import { need, type Rule } from '../state.ts';
import { verifyEnveloped } from '../verify-enveloped.ts';
import { NS, child, parseXml, serialize } from '../xml.ts';

export const verifyAssertionSignature: Rule = (state) => {
  const candidate = need(state, 'candidate');
  const signature = child(candidate, NS.ds, 'Signature');
  if (!signature) {
    state.assertion = candidate;
    state.assertionSigned = false;
    return;
  }
  const signed = verifyEnveloped(serialize(candidate.ownerDocument!), candidate, signature, need(state, 'keyFor')(signature));
  const root = parseXml(signed)?.documentElement;
  if (!root || root.namespaceURI !== NS.assertion || root.localName !== 'Assertion' || root.getAttribute('ID') !== candidate.getAttribute('ID')) {
    refuse('signature/invalid');
  }
  state.assertion = root;
  state.assertionSigned = true;
};
