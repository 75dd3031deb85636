/*
 * Hostile SAML responses for the cost tests and bench/saml-hostile.ts (issue 8 item 4): a Response whose
 * Assertion is signed by a key the SP does not trust, padded with many empty elements. Before the parse
 * limits, the SP parsed all of them and xml-crypto searched them by XPath for every signature reference, so
 * a 476 KB body kept the event loop busy for seconds before the signature was found to be untrusted.
 */
import { responseXml, sign, type CraftOptions } from './craft.ts';

export interface HostileOptions extends CraftOptions {
  /** How many empty elements to add (each `<x/>` is 4 bytes). */
  readonly emptyElements: number;
  /** Where they go: beside the Assertion (in samlp:Extensions) or inside the signed Assertion. */
  readonly where?: 'response' | 'assertion';
  /** Nest them instead of listing them side by side (a depth attack). */
  readonly nested?: boolean;
  /** The private key that signs the Assertion (an untrusted one for the hostile case). */
  readonly privateKeyPem: string;
}

function padding(n: number, nested: boolean): string {
  return nested ? '<x>'.repeat(n) + '</x>'.repeat(n) : '<x/>'.repeat(n);
}

/** The XML of a hostile response (not base64). */
export function hostileResponseXml(o: HostileOptions): string {
  const signed = sign(responseXml(o), 'Assertion', { privateKeyPem: o.privateKeyPem });
  const pad = padding(o.emptyElements, o.nested === true);
  if ((o.where ?? 'response') === 'response') {
    return signed.replace('<samlp:Status>', `<samlp:Extensions>${pad}</samlp:Extensions><samlp:Status>`);
  }
  return signed.replace('</saml:Assertion>', `<saml:Advice>${pad.replace(/<(\/?)x/g, '<$1saml:x')}</saml:Advice></saml:Assertion>`);
}
