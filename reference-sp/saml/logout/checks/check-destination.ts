/*
 * - a signed logout message must say where it was sent, and that must be this tenant's SingleLogoutService
 *   (SAML Bindings §3.4.5.2 and §3.5.5.2: "If the message is signed, the Destination XML attribute … MUST
 *   contain the URL to which the sender has instructed the user agent to deliver the message. The recipient
 *   MUST then verify that the value matches the location at which the message has been received"), so a message
 *   the IdP signed for another SP or tenant is not honoured here
 */
import { attr } from '../../xml.ts';
import { refuseLogout } from '../logout-rejection.ts';

export function checkLogoutDestination(root: Element, sloUrl: string): void {
  if (attr(root, 'Destination') !== sloUrl) {
    throw refuseLogout('logout/destination', `the ${root.localName} Destination is not this tenant's SingleLogoutService`, 'saml-bindings §3.4.5.2, §3.5.5.2');
  }
}
