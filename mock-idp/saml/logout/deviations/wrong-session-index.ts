/* Deviation: the LogoutRequest names a SessionIndex the SP never received (Core §3.7.3.1: it must not match). */
import type { LogoutDeviation } from './draft.ts';

export const WRONG_SESSION_INDEX = '_not-a-session-of-this-idp';

export const wrongSessionIndex: LogoutDeviation = (draft) => ({ ...draft, fields: { ...draft.fields, sessionIndexes: [WRONG_SESSION_INDEX] } });
