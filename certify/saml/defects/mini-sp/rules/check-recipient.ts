/*
 * - saml-profiles §4.1.4.2: at least one bearer SubjectConfirmation whose SubjectConfirmationData Recipient is
 *   the ACS URL the response arrived at; an assertion delivered to another SP's ACS is not replayed here
 */
import { refuse } from '../refusal.ts';
import { need, type Rule } from '../state.ts';
import { BEARER, NS, child, children } from '../xml.ts';

/** The bearer SubjectConfirmationData elements of an assertion (saml-profiles §4.1.4.2). */
export function bearerConfirmations(assertion: Element): Element[] {
  const subject = child(assertion, NS.assertion, 'Subject');
  if (!subject) return [];
  return children(subject, NS.assertion, 'SubjectConfirmation')
    .filter((c) => c.getAttribute('Method') === BEARER)
    .flatMap((c) => children(c, NS.assertion, 'SubjectConfirmationData'));
}

export const checkRecipient: Rule = (state) => {
  if (!bearerConfirmations(need(state, 'assertion')).some((d) => d.getAttribute('Recipient') === state.ctx.acsUrl)) refuse('recipient/mismatch');
};
