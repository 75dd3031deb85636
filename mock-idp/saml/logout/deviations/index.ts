/*
 * The named deviations of a LogoutRequest the IdP sends (control API: POST /control/logout/deviations,
 * { "sp": "<entity ID>", "deviations": ["unsigned"] }). An unknown name is refused when it is queued.
 */
import { idpError } from '../../errors.ts';
import type { LogoutDeviation } from './draft.ts';
import { expired } from './expired.ts';
import { replayed } from './replayed.ts';
import { unsigned } from './unsigned.ts';
import { wrongSessionIndex } from './wrong-session-index.ts';

export const LOGOUT_DEVIATIONS = { unsigned, wrongSessionIndex, expired, replayed } as const satisfies Record<string, LogoutDeviation>;
export type LogoutDeviationName = keyof typeof LOGOUT_DEVIATIONS;
export const LOGOUT_DEVIATION_NAMES = Object.keys(LOGOUT_DEVIATIONS) as LogoutDeviationName[];

export function parseLogoutDeviations(input: unknown): LogoutDeviationName[] {
  if (!Array.isArray(input) || input.length === 0 || input.length > LOGOUT_DEVIATION_NAMES.length) {
    throw idpError('control/bad-body', `deviations must be a non-empty list of: ${LOGOUT_DEVIATION_NAMES.join(', ')}`);
  }
  return input.map((d) => {
    if (typeof d !== 'string' || !Object.hasOwn(LOGOUT_DEVIATIONS, d))
      throw idpError('control/unknown-deviation', `unknown logout deviation; one of ${LOGOUT_DEVIATION_NAMES.join(', ')}`);
    return d as LogoutDeviationName;
  });
}
