/*
 * - saml-core §2.2.3, §2.4.1: the subject is the Subject/NameID of the verified assertion, its WHOLE text
 *   content. The verified assertion is the canonical XML the signature covers, where comments are gone and
 *   CDATA is text; reading the first text node of the posted element instead is CVE-2017-11427
 *   (Duo Labs, "Duo Finds SAML Vulnerabilities Affecting Multiple Implementations", 2018)
 */
import { refuse } from '../refusal.ts';
import { need, type Rule } from '../state.ts';
import { NS, at } from '../xml.ts';

export const readNameId: Rule = (state) => {
  const nameId = at(need(state, 'assertion'), [NS.assertion, 'Subject'], [NS.assertion, 'NameID']);
  const value = nameId?.textContent ?? '';
  if (value.trim() === '') refuse('name-id/missing');
  state.nameId = value;
};
