/*
 * - the Assertion's <saml:Issuer> must be present and equal the trusted IdP's entityID (saml-profiles §4.1.4.2)
 * - its Format, when given, must be the entity format (saml-profiles §4.1.4.2)
 * - the Response's <saml:Issuer> may be omitted, but when present must equal it too (saml-profiles §4.1.4.2)
 */
import { reject } from '../rejection.ts';
import { need, type Check } from '../state.ts';
import { NS, attr, child, text } from '../xml.ts';

const ENTITY_FORMAT = 'urn:oasis:names:tc:SAML:2.0:nameid-format:entity';

function compare(issuer: Element | undefined, expected: string, where: string, required: boolean): void {
  const spec = 'saml-profiles §4.1.4.2';
  if (!issuer) {
    if (required) throw reject('issuer/mismatch', { message: `the ${where} has no Issuer`, expected, spec });
    return;
  }
  const format = attr(issuer, 'Format');
  if (format !== undefined && format !== ENTITY_FORMAT) {
    throw reject('issuer/mismatch', { message: `the ${where} Issuer Format must be ${ENTITY_FORMAT}`, expected: ENTITY_FORMAT, actual: format, spec });
  }
  const value = text(issuer) ?? '';
  if (value !== expected) throw reject('issuer/mismatch', { message: `the ${where} was issued by "${value}", not the trusted IdP`, expected, actual: value, spec });
}

export const checkIssuer: Check = {
  name: 'check-issuer',
  run(state) {
    const expected = state.saml.idp.entityId;
    compare(child(need(state.assertion, 'the Assertion'), NS.saml, 'Issuer'), expected, 'Assertion', true);
    compare(child(need(state.response, 'the Response'), NS.saml, 'Issuer'), expected, 'Response', false);
  },
};
