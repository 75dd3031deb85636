/*
 * A Reference without the enveloped-signature transform (saml-core §5.4.4: a SAML signature uses it; xmldsig-core
 * §6.6.4 defines it): each signature's Reference keeps only exclusive C14N,
 * keeps the digest of the element without its Signature, and is re-signed with the genuine key. Read literally
 * (xmldsig-core §6.6.4), the digest now covers the Signature itself and cannot match; a verifier that strips the
 * signature regardless of what the Reference says, or ignores the transform list, accepts it. It probes whether
 * an SP checks the transforms it was given rather than the ones it assumes.
 */
import { ENVELOPED_SIGNATURE } from '../namespaces.ts';
import { parseXml, serialize } from '../xml.ts';
import { redigest, resign, signedElements, transformsOf } from './signed-info.ts';

export function withoutEnvelopedTransform(xml: string, privateKeyPem: string): string {
  const doc = parseXml(xml, 'signed Response');
  for (const target of signedElements(doc, 'withoutEnvelopedTransform')) {
    const transforms = transformsOf(target.signature);
    for (let n = transforms.firstChild; n; ) {
      const next = n.nextSibling;
      if (n.nodeType === 1 && (n as Element).getAttribute('Algorithm') === ENVELOPED_SIGNATURE) transforms.removeChild(n);
      n = next;
    }
    redigest(target);
    resign(target.signature, privateKeyPem);
  }
  return serialize(doc);
}
