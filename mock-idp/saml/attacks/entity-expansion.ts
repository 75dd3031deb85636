/*
 * Entity expansion ("billion laughs", CWE-776; OWASP XXE Prevention Cheat Sheet), bounded: ENTITY_LEVELS
 * nested internal entities, each ten references to the one below, so `&lol4;` in the NameID expands to 10^4
 * copies of "lol" (30 kB). Enough for an SP to show it expands DTD entities at all (its NameID would come out
 * 30 kB long); far too little to hurt the harness. A real attack adds levels until the SP falls over.
 * saml-core §1.3: SAML messages need no DTD; an SP refuses one before expanding anything.
 */
import { prependDoctype, referenceInNameId } from './doctype.ts';

export const ENTITY_LEVELS = 4;

export function entityExpansion(xml: string): string {
  let subset = '<!ENTITY lol0 "lol">';
  for (let level = 1; level <= ENTITY_LEVELS; level++) subset += `<!ENTITY lol${level} "${`&lol${level - 1};`.repeat(10)}">`;
  return prependDoctype(referenceInNameId(xml, `&lol${ENTITY_LEVELS};`), subset);
}
