/*
 * saml-profiles §4.1.4.2/§4.1.4.3 (bearer), saml-core §2.4.1.2 (SubjectConfirmationData):
 * - the Assertion must have a <saml:Subject> with at least one bearer <saml:SubjectConfirmation>
 *   (subject-confirmation/invalid)
 * - one bearer confirmation must pass all of:
 *   - SubjectConfirmationData/@Recipient equals this tenant's ACS URL (recipient/mismatch)
 *   - @NotOnOrAfter present and now - clockSkew before it (subject-confirmation/expired)
 *   - no @NotBefore (§4.1.4.2: "it MUST NOT contain a NotBefore attribute") (subject-confirmation/invalid)
 * - the passing confirmation's @InResponseTo is kept for check-in-response-to
 * When none passes, the first bearer confirmation's failure is reported.
 */
import { reject, type SamlRejection } from '../rejection.ts';
import { need, type AcsState, type Check } from '../state.ts';
import { NS, attr, child, children, text } from '../xml.ts';
import { parseSamlTime } from './time.ts';

const BEARER = 'urn:oasis:names:tc:SAML:2.0:cm:bearer';

function evaluate(state: AcsState, confirmation: Element): { data: Element; notOnOrAfter: Date } {
  const data = child(confirmation, NS.saml, 'SubjectConfirmationData');
  if (!data) throw reject('subject-confirmation/invalid', { message: 'the bearer SubjectConfirmation has no SubjectConfirmationData', spec: 'saml-profiles §4.1.4.2' });
  const recipient = attr(data, 'Recipient');
  if (recipient === undefined || !state.saml.acsUrls.includes(recipient)) {
    throw reject('recipient/mismatch', {
      message: recipient === undefined ? 'the bearer SubjectConfirmationData has no Recipient' : `the assertion was meant for ${recipient}, not this ACS`,
      expected: state.saml.acsUrls,
      ...(recipient !== undefined ? { actual: recipient } : {}),
      spec: 'saml-profiles §4.1.4.3',
    });
  }
  if (attr(data, 'NotBefore') !== undefined) {
    throw reject('subject-confirmation/invalid', { message: 'a bearer SubjectConfirmationData must not carry NotBefore', spec: 'saml-profiles §4.1.4.2' });
  }
  const notOnOrAfter = parseSamlTime(attr(data, 'NotOnOrAfter'), 'SubjectConfirmationData/@NotOnOrAfter');
  if (!notOnOrAfter) throw reject('subject-confirmation/invalid', { message: 'the bearer SubjectConfirmationData has no NotOnOrAfter', spec: 'saml-profiles §4.1.4.2' });
  if (state.now.getTime() - state.saml.clockSkewSeconds * 1000 >= notOnOrAfter.getTime()) {
    throw reject('subject-confirmation/expired', {
      message: `the bearer confirmation expired at ${notOnOrAfter.toISOString()}`,
      expected: notOnOrAfter.toISOString(),
      actual: state.now.toISOString(),
      spec: 'saml-core §2.4.1.2',
    });
  }
  return { data, notOnOrAfter };
}

export const checkSubjectConfirmation: Check = {
  name: 'check-subject-confirmation',
  run(state) {
    const subject = child(need(state.assertion, 'the Assertion'), NS.saml, 'Subject');
    if (!subject) throw reject('subject-confirmation/invalid', { message: 'the Assertion has no Subject', spec: 'saml-profiles §4.1.4.2' });
    const bearers = children(subject, NS.saml, 'SubjectConfirmation').filter((c) => attr(c, 'Method') === BEARER);
    if (bearers.length === 0)
      throw reject('subject-confirmation/invalid', { message: 'the Subject has no bearer SubjectConfirmation', expected: BEARER, spec: 'saml-profiles §4.1.4.2' });
    let first: SamlRejection | undefined;
    for (const b of bearers) {
      try {
        const { data, notOnOrAfter } = evaluate(state, b);
        state.inResponseTo = attr(data, 'InResponseTo');
        if (!state.expiresAt || notOnOrAfter < state.expiresAt) state.expiresAt = notOnOrAfter;
        state.nameId = text(child(subject, NS.saml, 'NameID'));
        return;
      } catch (e) {
        first ??= e as SamlRejection;
      }
    }
    throw first!;
  },
};
