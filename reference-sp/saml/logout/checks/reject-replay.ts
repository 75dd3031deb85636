/*
 * - a LogoutRequest is honoured once: its ID is kept in the store (surviving a restart) until it could no
 *   longer be accepted anyway (NotOnOrAfter plus skew, at least REPLAY_WINDOW_SECONDS), and a second arrival
 *   is logout/replayed (SAML Core §1.3.4: IDs are unique; Bindings §3.4.5.2/§3.5.5.2 leave replay detection to
 *   the recipient). Without it a captured request would end every later session of the same SessionIndex-less
 *   principal. The ID goes to the one replay store (../../../store/replay-store.ts), kind 'saml-logout-request'.
 */
import type { ReplayStore } from '../../../store/replay-store.ts';
import { attr } from '../../xml.ts';
import { refuseLogout } from '../logout-rejection.ts';

export const REPLAY_WINDOW_SECONDS = 3600;

export function rejectLogoutReplay(request: Element, tenantId: string, store: ReplayStore, now: Date, clockSkewSeconds: number): void {
  const notOnOrAfter = Date.parse(attr(request, 'NotOnOrAfter') ?? '');
  const until = Math.max(now.getTime() + REPLAY_WINDOW_SECONDS * 1000, (Number.isFinite(notOnOrAfter) ? notOnOrAfter : 0) + clockSkewSeconds * 1000);
  if (!store.rememberOnce('saml-logout-request', tenantId, attr(request, 'ID')!, new Date(until), now)) {
    throw refuseLogout('logout/replayed', 'this LogoutRequest was already received', 'saml-core §1.3.4, saml-bindings §3.4.5.2');
  }
}
