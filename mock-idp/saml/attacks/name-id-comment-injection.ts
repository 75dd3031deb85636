/*
 * NameID comment injection: CVE-2017-11427 (python-saml), CVE-2017-11428 (ruby-saml), CVE-2017-11429
 * (clever/saml2-js), CVE-2017-11430 (OmniAuth-SAML) and CVE-2018-0489 (Shibboleth SP), all found by Kelby Ludwig
 * (Duo Security, "Duo Finds SAML Vulnerabilities Affecting Multiple Implementations", 2018). The NameID text is
 * `<victim><!---->.attacker.example`: exclusive C14N drops the comment (xml-exc-c14n §3, c14n without comments),
 * so the IdP's signature covers "<victim>.attacker.example" and still verifies, while an SP that reads the first
 * text node of the element signs in <victim>. See ./name-id-injection.ts for the identity actually signed.
 */
import { escapeXml } from '../xml.ts';
import { INJECTION_SUFFIX } from './name-id-injection.ts';

/** The element content (markup) of a comment-injected NameID aimed at `victim`. */
export function commentInjectedText(victim: string): string {
  return `${escapeXml(victim)}<!---->${escapeXml(INJECTION_SUFFIX)}`;
}
