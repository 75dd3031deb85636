/*
 * - a SAML message never needs a DTD (saml-core §1.3: schemas only; saml-sec-consider §6.4.3): any DOCTYPE is
 *   refused before parsing, so no entity is declared, expanded or fetched (XXE, CWE-611; billion laughs, CWE-776)
 */
import { refuse } from '../refusal.ts';
import { need, type Rule } from '../state.ts';

export const refuseDtd: Rule = (state) => {
  if (/<!DOCTYPE/i.test(need(state, 'xml'))) refuse('xml/doctype');
};
