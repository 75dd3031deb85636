/*
 * - a LogoutRequest must name a principal the IdP has a session for, as that SP knows it: the NameID the IdP
 *   sent that SP, and (when present) a SessionIndex of that session (SAML Profiles §4.4.4.1 "the identity
 *   provider … MUST … determine the session(s) to be terminated"; Core §3.7.3.1 "the SessionIndex … MUST match"
 *   one the principal's session has). No such session is logout/session-index.
 * - without a SessionIndex, every session in which the SP received that NameID matches (Core §3.7.1: all of
 *   the principal's sessions); the browser's own session is preferred when it is one of them
 */
import { idpError } from '../../errors.ts';
import type { ReceivedLogoutRequest } from '../parse.ts';

export interface SessionParticipant {
  readonly spEntityId: string;
  readonly nameId: string;
  readonly nameIdFormat: string | undefined;
  readonly sessionIndex: string;
}

export interface LogoutSession {
  readonly id: string;
  readonly login: string;
  readonly sessionIndex: string;
  readonly participants: ReadonlyMap<string, SessionParticipant>;
}

export function findSessionFor(request: ReceivedLogoutRequest, candidates: readonly LogoutSession[], browserSessionId: string | undefined): LogoutSession {
  const matches = candidates.filter((s) => {
    const p = s.participants.get(request.issuer);
    if (!p || p.nameId !== request.nameId) return false;
    return request.sessionIndexes.length === 0 || request.sessionIndexes.includes(p.sessionIndex);
  });
  const found = matches.find((s) => s.id === browserSessionId) ?? matches[0];
  if (!found) throw idpError('logout/session-index', 'no session of this IdP matches the NameID and SessionIndex of the LogoutRequest');
  return found;
}
