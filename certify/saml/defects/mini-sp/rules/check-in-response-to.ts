/*
 * - saml-profiles §4.1.4.3: the bearer SubjectConfirmationData InResponseTo names an AuthnRequest this SP sent,
 *   not expired, to THIS browser (the request-binding cookie /login set); the Response's InResponseTo, when
 *   present, names the same request
 * - saml-profiles §4.1.5: unsolicited responses (no InResponseTo) are refused; this SP only signs in SP-initiated
 * That the request is answered only once is ./use-once.ts's rule.
 */
import { refuse } from '../refusal.ts';
import { need, type Rule } from '../state.ts';
import { bearerConfirmations } from './check-recipient.ts';

/** The request ID the assertion answers, as its bearer confirmation says (undefined: unsolicited). */
export function answeredRequestId(state: Parameters<Rule>[0]): string | undefined {
  const ids = bearerConfirmations(need(state, 'assertion')).map((d) => d.getAttribute('InResponseTo') ?? '');
  return ids.find((id) => id !== '');
}

export const checkInResponseTo: Rule = (state) => {
  const id = answeredRequestId(state);
  if (id === undefined) refuse('unsolicited/refused');
  const onResponse = need(state, 'response').getAttribute('InResponseTo');
  if (onResponse && onResponse !== id) refuse('in-response-to/unknown');
  const request = state.ctx.requests.get(id);
  if (!request || request.expiresAt <= state.ctx.now() || request.binding !== state.requestBinding) refuse('in-response-to/unknown');
};
