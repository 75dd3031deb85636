/*
 * - a LogoutResponse must answer a LogoutRequest this tenant sent and has not seen answered (SAML Core §3.2.2
 *   InResponseTo; Profiles §4.4.3.5: the IdP answers the requester's request): the ID is consumed once
 */
import type { SamlLogoutStore } from '../../../store/saml-logout.ts';
import { attr } from '../../xml.ts';
import { refuseLogout } from '../logout-rejection.ts';

export function checkLogoutInResponseTo(response: Element, tenantId: string, store: Pick<SamlLogoutStore, 'consumeLogoutRequest'>, now: Date): void {
  const inResponseTo = attr(response, 'InResponseTo');
  if (!inResponseTo || !store.consumeLogoutRequest(tenantId, inResponseTo, now)) {
    throw refuseLogout('logout/in-response-to', 'this LogoutResponse answers no LogoutRequest this tenant is waiting for', 'saml-core §3.2.2, saml-profiles §4.4.3.5');
  }
}
