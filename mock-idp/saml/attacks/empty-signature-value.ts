/*
 * Empty SignatureValue ("signature exclusion", SAML Raider's attack list; Somorovsky et al., "On Breaking SAML",
 * USENIX Security 2012, §5: several SPs skipped verification when the value was missing): every ds:Signature
 * keeps its SignedInfo, Reference and honest digest, but its SignatureValue is empty. A verifier that checks the
 * digests and treats an empty value as "nothing to check" accepts it; xmldsig-core1 §4.3 makes SignatureValue
 * required content, and saml-core §5.4 requires the signature to verify.
 */
import { idpError } from '../errors.ts';
import { NS } from '../namespaces.ts';
import { descendants, parseXml, serialize } from '../xml.ts';

export function emptySignatureValue(xml: string): string {
  const doc = parseXml(xml, 'signed Response');
  const values = descendants(doc, NS.ds, 'SignatureValue');
  if (values.length === 0) throw idpError('builder/invalid', 'emptySignatureValue needs a signed Response or Assertion');
  for (const v of values) while (v.firstChild) v.removeChild(v.firstChild);
  return serialize(doc);
}
