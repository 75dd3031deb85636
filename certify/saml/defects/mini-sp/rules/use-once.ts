/*
 * - saml-profiles §4.1.4.5: a bearer assertion is used once; its ID is remembered until it expires and a second
 *   use is refused (replay/detected)
 * - saml-profiles §4.1.4.3: an AuthnRequest is answered once; a second response to it (the same bytes again, or
 *   a fresh assertion reusing its InResponseTo) is refused the same way
 * Last in the table: only an assertion that passed every other rule is remembered.
 */
import { refuse } from '../refusal.ts';
import { need, type Rule } from '../state.ts';
import { NS, child } from '../xml.ts';
import { answeredRequestId } from './check-in-response-to.ts';

/** An assertion ID is remembered at least this long, whatever its NotOnOrAfter says. */
const REMEMBER_AT_LEAST_MS = 10 * 60_000;

export const useOnce: Rule = (state) => {
  const { ctx } = state;
  const now = ctx.now();
  for (const [id, until] of ctx.seenAssertions) if (until <= now) ctx.seenAssertions.delete(id);
  const assertionId = need(state, 'assertion').getAttribute('ID') ?? '';
  if (ctx.seenAssertions.has(assertionId)) refuse('replay/detected');
  const requestId = answeredRequestId(state);
  const request = requestId === undefined ? undefined : ctx.requests.get(requestId);
  if (request?.answered) refuse('replay/detected');
  const conditions = child(need(state, 'assertion'), NS.assertion, 'Conditions');
  const until = Date.parse(conditions?.getAttribute('NotOnOrAfter') ?? '');
  ctx.seenAssertions.set(assertionId, Math.max(Number.isNaN(until) ? 0 : until + ctx.skewMs, now + REMEMBER_AT_LEAST_MS));
  if (request) request.answered = true;
};
