/*
 * What a session must remember for Single Logout, read from the verified assertion that started it: the
 * AuthnStatement's SessionIndex (SAML Core §2.7.2: "the index of a particular session between the principal
 * … and the authenticating authority") and the NameID's Format (§3.7.1: the LogoutRequest's NameID must be
 * the one the assertion carried). Bounded: a SessionIndex longer than MAX_LENGTH is not kept.
 */
import { NS, attr, child, path } from '../xml.ts';

export const MAX_LENGTH = 256;

export function logoutKeyOf(assertion: Element | undefined): { sessionIndex: string | undefined; nameIdFormat: string | undefined } {
  if (!assertion) return { sessionIndex: undefined, nameIdFormat: undefined };
  const sessionIndex = attr(child(assertion, NS.saml, 'AuthnStatement'), 'SessionIndex');
  return {
    sessionIndex: sessionIndex !== undefined && sessionIndex.length <= MAX_LENGTH ? sessionIndex : undefined,
    nameIdFormat: attr(path(assertion, NS.saml, 'Subject', 'NameID'), 'Format'),
  };
}
