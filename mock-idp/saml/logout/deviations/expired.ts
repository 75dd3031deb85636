/* Deviation: the LogoutRequest's NotOnOrAfter is already past when it is sent (Core §3.7.1). */
import type { LogoutDeviation } from './draft.ts';

export const expired: LogoutDeviation = (draft, { now }) => ({
  ...draft,
  fields: { ...draft.fields, issueInstant: new Date(now.getTime() - 10 * 60_000), notOnOrAfter: new Date(now.getTime() - 5 * 60_000) },
});
