/*
 * - a LogoutRequest ends the tenant's sessions of the principal it names: the NameID the assertion carried,
 *   and, when it lists SessionIndex values, only the sessions started by an assertion with one of them (SAML
 *   Core §3.7.1: without SessionIndex "all sessions … for the principal" end; §3.7.3.1 the responder terminates
 *   the sessions identified). No such session is logout/session-index, answered UnknownPrincipal.
 * - at most MAX_SESSION_INDEXES SessionIndex values are read (one DELETE each): more is malformed
 */
import type { SamlLogoutStore } from '../../../store/saml-logout.ts';
import { NS, child, children, text } from '../../xml.ts';
import { refuseLogout } from '../logout-rejection.ts';

export const MAX_SESSION_INDEXES = 16;

export function endNamedSessions(request: Element, tenantId: string, store: Pick<SamlLogoutStore, 'endSessionsOf'>, now: Date): number {
  const nameId = text(child(request, NS.saml, 'NameID'))?.trim();
  if (!nameId) throw refuseLogout('logout/malformed', 'the LogoutRequest names no principal (NameID)', 'saml-core §3.7.1');
  const indexes = children(request, NS.samlp, 'SessionIndex').map((e) => (text(e) ?? '').trim());
  if (indexes.length > MAX_SESSION_INDEXES) throw refuseLogout('logout/malformed', 'the LogoutRequest lists too many SessionIndex values', 'saml-core §3.7.1');
  const ended = store.endSessionsOf(tenantId, nameId, indexes, now);
  if (ended === 0) throw refuseLogout('logout/session-index', 'no session of this tenant matches the NameID and SessionIndex', 'saml-core §3.7.3.1');
  return ended;
}
