/*
 * - a logout message that names a Destination must name this IdP's SingleLogoutService: SAML Bindings §3.4.5.2
 *   and §3.5.5.2 ("the Destination … MUST contain the URL to which the sender has instructed the user agent to
 *   deliver the message"; the recipient MUST check it), so a message signed for another IdP is not accepted here
 */
import { idpError } from '../../errors.ts';
import type { ReceivedLogoutMessage } from '../parse.ts';

export function checkDestination(message: ReceivedLogoutMessage, sloUrl: string): void {
  if (message.destination !== undefined && message.destination !== sloUrl) {
    throw idpError('logout/destination', `the ${message.kind} is addressed to another endpoint than this IdP's SingleLogoutService`);
  }
}
