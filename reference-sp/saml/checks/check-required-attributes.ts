/*
 * - collects the AttributeStatement's attributes by exact Name (saml-core §2.7.3.1: names are compared as
 *   given, so "emailaddress" is not "email" and "FirstName" is not "firstName")
 * - every attribute the tenant requires (Particle: email, firstName, lastName) must be present with a
 *   non-empty value; the first missing one is named in `expected` (attributes/missing)
 * - the attribute mapped to the login must be present too, unless the login is the NameID (then the NameID
 *   must be present)
 */
import { reject } from '../rejection.ts';
import { need, type Check } from '../state.ts';
import { NS, attr, children } from '../xml.ts';

export const checkRequiredAttributes: Check = {
  name: 'check-required-attributes',
  run(state) {
    const assertion = need(state.assertion, 'the Assertion');
    const attributes: Record<string, string[]> = {};
    for (const statement of children(assertion, NS.saml, 'AttributeStatement')) {
      for (const a of children(statement, NS.saml, 'Attribute')) {
        const name = attr(a, 'Name');
        if (!name) continue;
        const values = children(a, NS.saml, 'AttributeValue').map((v) => (v.textContent ?? '').trim());
        (attributes[name] ??= []).push(...values.filter((v) => v !== ''));
      }
    }
    state.attributes = attributes;
    const login = state.saml.attributeMapping.login;
    const required = [...state.saml.requiredAttributes];
    if (login !== 'NameID' && !required.includes(login)) required.push(login);
    const received = Object.keys(attributes);
    for (const name of required) {
      if (!attributes[name]?.length) {
        throw reject('attributes/missing', { message: `the assertion has no "${name}" attribute`, expected: name, actual: received, spec: 'saml-core §2.7.3.1' });
      }
    }
    if (login === 'NameID' && !state.nameId) {
      throw reject('attributes/missing', { message: 'the assertion has no NameID to use as the login', expected: 'NameID', actual: received, spec: 'saml-core §2.4.1' });
    }
  },
};
