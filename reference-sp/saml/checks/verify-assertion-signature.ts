/*
 * - when the Assertion carries a signature it must verify against the trusted IdP certificate; from here on
 *   the pipeline reads only the assertion XML that signature covers (wrapping-safe, see ../signature.ts)
 * - when the tenant sets wantAssertionsSigned (advertised in SP metadata), an unsigned Assertion is refused
 * - whatever the tenant says, at least one of Response and Assertion must be signed: over HTTP-POST the
 *   bearer assertion is otherwise forgeable by anyone (saml-profiles §4.1.3.5, saml-bindings §3.5.5.2)
 */
import { reject } from '../rejection.ts';
import { verifyEnvelopedSignature } from '../signature.ts';
import { need, type Check } from '../state.ts';
import { parseXml } from '../xml.ts';

export const verifyAssertionSignature: Check = {
  name: 'verify-assertion-signature',
  run(state) {
    const assertion = need(state.assertion, 'the Assertion');
    const verified = verifyEnvelopedSignature(assertion, 'Assertion', state.saml);
    if (!verified) {
      if (state.saml.wantAssertionsSigned) {
        throw reject('signature/missing', { message: 'the Assertion is not signed and the tenant requires signed assertions', expected: 'Assertion', spec: 'saml-profiles §4.1.3.5' });
      }
      if (!state.responseSigned) {
        throw reject('signature/missing', { message: 'neither the Response nor the Assertion is signed', expected: 'Response or Assertion', spec: 'saml-profiles §4.1.3.5' });
      }
      state.assertionSigned = false;
      return;
    }
    const doc = parseXml(verified.verifiedXml);
    state.assertion = doc.documentElement!;
    state.assertionDocXml = verified.verifiedXml;
    state.assertionSigned = true;
    state.signatures.push(verified.info);
  },
};
