/*
 * - when the Response carries a signature it must verify against the trusted IdP certificate, and from here
 *   on the pipeline reads only the XML that signature covers (wrapping-safe, see ../signature.ts)
 * - when the tenant sets wantResponseSigned, an unsigned Response is refused (signature/missing)
 * - the signature's algorithms must be allowed (./check-signature-algorithm.ts)
 * saml-core §5.2 (signed protocol messages), saml-bindings §3.5.5.2
 */
import { reject } from '../rejection.ts';
import { verifyEnvelopedSignature } from '../signature.ts';
import { need, type Check } from '../state.ts';
import { parseXml } from '../xml.ts';

export const verifyResponseSignature: Check = {
  name: 'verify-response-signature',
  run(state) {
    const response = need(state.response, 'the Response');
    const verified = verifyEnvelopedSignature(response, 'Response', state.saml);
    if (!verified) {
      if (state.saml.wantResponseSigned) {
        throw reject('signature/missing', { message: 'the Response is not signed and the tenant requires a signed Response', expected: 'Response', spec: 'saml-core §5.2' });
      }
      state.responseSigned = false;
      return;
    }
    const doc = parseXml(verified.verifiedXml);
    state.doc = doc;
    state.xml = verified.verifiedXml;
    state.response = doc.documentElement!;
    state.responseSigned = true;
    state.signatures.push(verified.info);
  },
};
