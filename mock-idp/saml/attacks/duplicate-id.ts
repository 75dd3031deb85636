/*
 * Duplicate ID (Somorovsky et al., "On Breaking SAML", USENIX Security 2012, §4; SAML Raider's XSW variants
 * that keep the ID; xml-crypto's "multiple elements with the same ID" check exists because of it): an unsigned
 * evil Assertion (the attacker's NameID) carrying the SAME ID as the genuine, signed Assertion is inserted right
 * before it. The genuine signature still verifies over the genuine element; a verifier that resolves "#ID" to
 * one element and a reader that picks another disagree. saml-core §1.3.4: an ID is unique in its document
 * (xs:ID), so a document with a duplicate is invalid.
 * With a signed Response the insertion breaks the Response's signature, as it would for a real attacker.
 */
import { parseXml, serialize } from '../xml.ts';
import { evilCopy, genuineAssertion } from './evil-assertion.ts';

export function duplicateId(xml: string, attackerNameId: string): string {
  const doc = parseXml(xml, 'signed Response');
  const response = doc.documentElement!;
  const genuine = genuineAssertion(response, 'duplicateId', { signed: true });
  response.insertBefore(evilCopy(genuine, attackerNameId, { sameId: true }), genuine);
  return serialize(doc);
}
