/*
 * What the NameID injection attacks share (CVE-2017-11427 family, below). The attacker holds a genuine IdP
 * account whose identity is the victim's plus a suffix the attacker owns, e.g. "bob@example.com.attacker.example";
 * the IdP signs exactly that. The attack splits the text right after the victim's part (a comment, or a CDATA
 * section), which canonical XML does not sign (xml-c14n §1.1: comments are dropped, CDATA becomes text), so the
 * signature still verifies. An SP that reads only the first text node of the NameID sees "bob@example.com".
 * The genuinely signed identity is `signedIdentity(victim)`: an SP that reads the whole text signs in that
 * account, never the victim's. Attribute values equal to the NameID get the same treatment, so an SP that takes
 * its login from the e-mail attribute meets the same text.
 */

export const INJECTION_SUFFIX = '.attacker.example';

export type NameIdInjection = { readonly kind: 'comment' | 'cdata'; readonly victim: string };

/** The identity the IdP really signed for an injection aimed at `victim`. */
export function signedIdentity(victim: string): string {
  return victim + INJECTION_SUFFIX;
}
