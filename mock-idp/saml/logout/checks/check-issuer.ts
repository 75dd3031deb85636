/*
 * - a LogoutRequest must come from a registered SP: the IdP authenticates it with that SP's certificate
 *   (SAML Profiles §4.4.4.1: the IdP MUST authenticate the requester); an unknown Issuer is logout/issuer
 * - a LogoutResponse must come from the SP the IdP sent the request to (Profiles §4.4.3.4, Core §3.2.2:
 *   the response answers InResponseTo one request, sent to one participant)
 */
import { idpError } from '../../errors.ts';
import type { SpRegistration } from '../../sp-registry/sp-registration.ts';
import type { ReceivedLogoutMessage } from '../parse.ts';

export function requireRegisteredIssuer(message: ReceivedLogoutMessage, find: (entityId: string) => SpRegistration | undefined): SpRegistration {
  const sp = find(message.issuer);
  if (!sp) throw idpError('logout/issuer', `the ${message.kind} Issuer is not a registered SP`);
  return sp;
}

export function checkResponder(message: ReceivedLogoutMessage, expectedSp: string): void {
  if (message.issuer !== expectedSp) throw idpError('logout/issuer', 'the LogoutResponse comes from another SP than the one the LogoutRequest was sent to');
}
