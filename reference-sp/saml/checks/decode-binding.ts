/*
 * - the form must carry a SAMLResponse field (saml-bindings §3.5.4)
 * - its value must be base64 (saml-bindings §3.5.4: "base64-encoded"), whitespace tolerated
 * - the decoded bytes must be UTF-8 text
 */
import { reject } from '../rejection.ts';
import type { Check } from '../state.ts';

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

export const decodeBinding: Check = {
  name: 'decode-binding',
  run(state) {
    const spec = 'saml-bindings §3.5.4';
    const raw = state.samlResponse;
    if (typeof raw !== 'string' || raw.trim() === '') {
      throw reject('binding/malformed', { message: 'the POST body has no SAMLResponse field', expected: 'SAMLResponse', spec });
    }
    const compact = raw.replace(/\s+/g, '');
    if (compact.length % 4 !== 0 || !BASE64.test(compact)) {
      throw reject('binding/malformed', { message: 'SAMLResponse is not valid base64', spec });
    }
    const bytes = Buffer.from(compact, 'base64');
    const xml = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
    if (xml.includes('\uFFFD')) throw reject('binding/malformed', { message: 'SAMLResponse does not decode to UTF-8 text', spec });
    state.xml = xml;
  },
};
