/*
 * One place that puts a DOCTYPE with an internal subset in front of a finished Response, for the DTD attacks
 * (withDoctype, externalEntity, entityExpansion). A DOCTYPE is outside the signed elements (canonical XML drops
 * it, xml-c14n §2.3), so it never breaks a signature: only the SP's refusal of DTDs stops it (saml-core §1.3;
 * OWASP XXE Prevention Cheat Sheet).
 */
import { idpError } from '../errors.ts';

/** Prepends `<!DOCTYPE samlp:Response [subset]>` (after an XML declaration, when there is one). */
export function prependDoctype(xml: string, internalSubset: string): string {
  if (/<!DOCTYPE/i.test(xml)) throw idpError('builder/invalid', 'only one DOCTYPE attack per response (withDoctype, externalEntity, entityExpansion)');
  const doctype = `<!DOCTYPE samlp:Response [${internalSubset}]>`;
  return xml.startsWith('<?xml') ? xml.replace(/\?>/, `?>${doctype}`) : doctype + xml;
}

/** Replaces the text of the first NameID with `reference` (e.g. "&x;"); the Response Issuer when the NameID is encrypted. */
export function referenceInNameId(xml: string, reference: string): string {
  const nameId = /(<saml:NameID\b[^>]*>)[^<]*(<\/saml:NameID>)/;
  if (nameId.test(xml)) return xml.replace(nameId, `$1${reference}$2`);
  return xml.replace(/(<saml:Issuer>)[^<]*/, `$1${reference}`);
}
