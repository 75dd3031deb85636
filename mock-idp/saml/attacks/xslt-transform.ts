/*
 * An XSLT transform in the Reference (xmldsig-core §6.6.5; the W3C "XML Signature Best Practices" note warns
 * that XSLT lets a message run code, fetch URLs and exhaust the verifier before any signature is checked): each
 * signature's Reference gets an XSLT transform between enveloped-signature
 * and exclusive C14N, and is re-signed with the genuine key. The stylesheet is the identity transform, so the
 * digest is the honest one: a verifier that runs it (running attacker-supplied code before the signature is
 * known good) or skips transforms it does not know accepts the message. saml-core §5.4.4: a SAML signature
 * SHOULD NOT use transforms other than enveloped-signature and exclusive canonicalization; an SP refuses it.
 */
import { EXC_C14N, NS } from '../namespaces.ts';
import { parseXml, serialize } from '../xml.ts';
import { redigest, resign, signedElements, transformsOf } from './signed-info.ts';

export const XSLT_TRANSFORM = 'http://www.w3.org/TR/1999/REC-xslt-19991116';
const XSL = 'http://www.w3.org/1999/XSL/Transform';

/** Inserts `transform` before the Reference's exclusive-C14N transform (or last when there is none). */
export function insertTransform(transforms: Element, transform: Element): void {
  let c14n: Node | null = null;
  for (let n = transforms.firstChild; n; n = n.nextSibling) if (n.nodeType === 1 && (n as Element).getAttribute('Algorithm') === EXC_C14N) c14n = n;
  transforms.insertBefore(transform, c14n);
}

export function xsltTransform(xml: string, privateKeyPem: string): string {
  const doc = parseXml(xml, 'signed Response');
  for (const target of signedElements(doc, 'xsltTransform')) {
    const transform = doc.createElementNS(NS.ds, 'ds:Transform');
    transform.setAttribute('Algorithm', XSLT_TRANSFORM);
    const stylesheet = doc.createElementNS(XSL, 'xsl:stylesheet');
    stylesheet.setAttribute('version', '1.0');
    const template = doc.createElementNS(XSL, 'xsl:template');
    template.setAttribute('match', '@*|node()');
    const copy = doc.createElementNS(XSL, 'xsl:copy');
    const apply = doc.createElementNS(XSL, 'xsl:apply-templates');
    apply.setAttribute('select', '@*|node()');
    copy.appendChild(apply);
    template.appendChild(copy);
    stylesheet.appendChild(template);
    transform.appendChild(stylesheet);
    insertTransform(transformsOf(target.signature), transform);
    redigest(target);
    resign(target.signature, privateKeyPem);
  }
  return serialize(doc);
}
