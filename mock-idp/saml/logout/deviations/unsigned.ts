/* Deviation: the LogoutRequest goes out with no signature at all (the SP must refuse it: Profiles §4.4.3.3). */
import type { LogoutDeviation } from './draft.ts';

export const unsigned: LogoutDeviation = (draft) => ({ ...draft, signed: false });
