/*
 * Deviation: the IdP sends the SP the very LogoutRequest it sent last time, same ID, again (the SP must refuse
 * an ID it has seen: Core §1.3.4). Fails at once when there is nothing to replay: a step that asks for a replay
 * and gets a fresh request would test nothing.
 */
import { idpError } from '../../errors.ts';
import type { LogoutDeviation } from './draft.ts';

export const replayed: LogoutDeviation = (draft, { previous }) => {
  if (!previous) throw idpError('control/unknown-deviation', 'no earlier LogoutRequest was sent to this SP: nothing to replay');
  return { ...draft, resend: previous };
};
