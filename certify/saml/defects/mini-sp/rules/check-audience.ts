/*
 * - saml-profiles §4.1.4.2: the assertion MUST carry an AudienceRestriction naming the SP
 * - saml-core §2.5.1.4: every AudienceRestriction must name this SP's entity ID (they are ANDed); an assertion
 *   for another SP is not accepted here
 */
import { refuse } from '../refusal.ts';
import { need, type Rule } from '../state.ts';
import { NS, children } from '../xml.ts';

export const checkAudience: Rule = (state) => {
  const restrictions = children(need(state, 'assertion'), NS.assertion, 'Conditions').flatMap((c) => children(c, NS.assertion, 'AudienceRestriction'));
  if (restrictions.length === 0) refuse('audience/mismatch');
  const ours = (r: Element) => children(r, NS.assertion, 'Audience').some((a) => a.textContent?.trim() === state.ctx.entityId);
  if (!restrictions.every(ours)) refuse('audience/mismatch');
};
