/*
 * - saml-core §5.2, §5.4: a Response signature, when present, must verify with the IdP's key; a bad one is never
 *   ignored, even though this SP does not need the Response signed
 * - from then on, the Response read is the XML the signature covers (re-parsed), never the posted element, so a
 *   wrapped Response (XSW1/XSW2) cannot put an unsigned Response where it is read
 */
import { refuse } from '../refusal.ts';
import { need, type Rule } from '../state.ts';
import { verifyEnveloped } from '../verify-enveloped.ts';
import { NS, child, parseXml } from '../xml.ts';

export const verifyResponseSignature: Rule = (state) => {
  const response = need(state, 'response');
  const signature = child(response, NS.ds, 'Signature');
  if (!signature) return;
  const signed = verifyEnveloped(need(state, 'xml'), response, signature, need(state, 'keyFor')(signature));
  const doc = parseXml(signed);
  if (!doc) refuse('signature/invalid');
  state.response = doc.documentElement!;
};
