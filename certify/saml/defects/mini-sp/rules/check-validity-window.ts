/*
 * - saml-core §2.5.1.2: now must be within Conditions NotBefore ≤ now < NotOnOrAfter
 * - saml-profiles §4.1.4.2: the bearer SubjectConfirmationData has a NotOnOrAfter, and now is before it
 * - both edges with the SP's small clock skew (ctx.skewMs) for clocks that differ a little
 */
import { refuse } from '../refusal.ts';
import { need, type Rule } from '../state.ts';
import { BEARER, NS, child, children } from '../xml.ts';

function instant(value: string | null): number | undefined {
  if (value === null) return undefined;
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) refuse('response/invalid');
  return ms;
}

export const checkValidityWindow: Rule = (state) => {
  const assertion = need(state, 'assertion');
  const now = state.ctx.now();
  const skew = state.ctx.skewMs;
  const conditions = child(assertion, NS.assertion, 'Conditions');
  const notBefore = instant(conditions?.getAttribute('NotBefore') ?? null);
  const notOnOrAfter = instant(conditions?.getAttribute('NotOnOrAfter') ?? null);
  if (notBefore !== undefined && now + skew < notBefore) refuse('conditions/not-yet-valid');
  if (notOnOrAfter !== undefined && now - skew >= notOnOrAfter) refuse('conditions/expired');
  const subject = child(assertion, NS.assertion, 'Subject');
  const bearer = subject ? children(subject, NS.assertion, 'SubjectConfirmation').filter((c) => c.getAttribute('Method') === BEARER) : [];
  for (const confirmation of bearer) {
    const until = instant(child(confirmation, NS.assertion, 'SubjectConfirmationData')?.getAttribute('NotOnOrAfter') ?? null);
    if (until === undefined || now - skew >= until) refuse('conditions/expired');
  }
};
