/*
 * - when the Assertion carries a signature it must verify against the trusted IdP certificate; from here on
 *   the pipeline reads only the assertion XML that signature covers (wrapping-safe, see ../signature.ts)
 * - when the tenant sets wantAssertionsSigned (advertised in SP metadata), an unsigned Assertion is refused
 * - whatever the tenant says, at least one of Response and Assertion must be signed: over HTTP-POST the
 *   bearer assertion is otherwise forgeable by anyone (saml-profiles §4.1.3.5, saml-bindings §3.5.5.2)
 * - a decrypted assertion whose ciphertext no verified Response signature covered is still part of the
 *   decryption stage: until its own signature vouches for the decrypted bytes, every refusal here is
 *   decryption/failed, the one answer of ./decrypt-assertion.ts. Otherwise "decrypted to a well-formed,
 *   badly signed assertion" (signature/*) and "did not decrypt to XML" (decryption/failed) would again tell
 *   a tampered ciphertext's plaintext apart (Jager & Somorovsky, CCS 2011; xmlenc-core1 §6.1.2)
 */
import { reject } from '../rejection.ts';
import { verifyEnvelopedSignature } from '../signature.ts';
import { need, type AcsState, type Check } from '../state.ts';
import { parseXml } from '../xml.ts';
import { decryptionFailed } from './decrypt-assertion.ts';

function verify(state: AcsState): void {
  const assertion = need(state.assertion, 'the Assertion');
  const verified = verifyEnvelopedSignature(assertion, 'Assertion', state.saml);
  if (!verified) {
    if (state.saml.wantAssertionsSigned) {
      throw reject('signature/missing', {
        message: 'the Assertion is not signed and the tenant requires signed assertions',
        expected: 'Assertion',
        spec: 'saml-profiles §4.1.3.5',
      });
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
}

export const verifyAssertionSignature: Check = {
  name: 'verify-assertion-signature',
  run(state) {
    if (!state.encrypted || state.responseSigned) return verify(state);
    try {
      verify(state);
    } catch {
      throw decryptionFailed(); // whatever went wrong: the decryption stage's one answer
    }
  },
};
