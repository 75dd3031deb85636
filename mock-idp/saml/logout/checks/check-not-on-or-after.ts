/*
 * - a LogoutRequest whose NotOnOrAfter has passed is void: SAML Core §3.7.1 ("The time at which the request
 *   expires, after which the recipient may discard the message"); an unreadable instant is void too
 */
import { idpError } from '../../errors.ts';
import type { ReceivedLogoutRequest } from '../parse.ts';

export function checkNotOnOrAfter(request: ReceivedLogoutRequest, now: Date): void {
  if (request.notOnOrAfter === undefined) return;
  const until = Date.parse(request.notOnOrAfter);
  if (!Number.isFinite(until) || now.getTime() >= until) throw idpError('logout/expired', 'the LogoutRequest has expired (NotOnOrAfter)');
}
