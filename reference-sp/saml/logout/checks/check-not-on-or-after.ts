/*
 * - a LogoutRequest whose NotOnOrAfter has passed (allowing the tenant's clock skew) is void (SAML Core §3.7.1:
 *   "The time at which the request expires, after which the recipient may discard the message"); an instant
 *   that does not parse is treated as passed
 */
import { attr } from '../../xml.ts';
import { refuseLogout } from '../logout-rejection.ts';

export function checkLogoutNotOnOrAfter(request: Element, now: Date, clockSkewSeconds: number): void {
  const value = attr(request, 'NotOnOrAfter');
  if (value === undefined) return;
  const until = Date.parse(value);
  if (!Number.isFinite(until) || now.getTime() >= until + clockSkewSeconds * 1000) {
    throw refuseLogout('logout/expired', 'the LogoutRequest has expired (NotOnOrAfter)', 'saml-core §3.7.1');
  }
}
