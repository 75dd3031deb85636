/*
 * - saml-metadata §2.4.4.1: the attributes this SP's metadata requests with isRequired="true" (email, givenName,
 *   surname) must each arrive, by exactly that Name, with a non-empty value (saml-core §2.7.3.1); a missing or
 *   misspelled one refuses the sign-in rather than creating a user with empty fields (the Particle case)
 */
import { REQUESTED_ATTRIBUTES } from '../metadata.ts';
import { refuse } from '../refusal.ts';
import { need, type Rule } from '../state.ts';
import { NS, children } from '../xml.ts';

export const checkRequiredAttributes: Rule = (state) => {
  const attributes = children(need(state, 'assertion'), NS.assertion, 'AttributeStatement').flatMap((s) => children(s, NS.assertion, 'Attribute'));
  for (const name of REQUESTED_ATTRIBUTES) {
    const values = attributes.filter((a) => a.getAttribute('Name') === name).flatMap((a) => children(a, NS.assertion, 'AttributeValue'));
    if (!values.some((v) => (v.textContent ?? '').trim() !== '')) refuse('attributes/missing');
  }
};
