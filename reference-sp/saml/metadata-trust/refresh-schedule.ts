/*
 * When metadata fetched from a URL is fetched again (saml-metadata §4.3.1 caching; §2.3.2 cacheDuration and
 * validUntil). The precedence, earliest wins:
 * 1. the configured idp.metadataRefreshSeconds: the upper bound, whatever the document says (an IdP whose
 *    metadata asks to be cached for a year is still checked as often as the tenant's administrator decided);
 * 2. the document's cacheDuration (smallest of the entity and its enclosing EntitiesDescriptors), but never
 *    below MIN_REFRESH_SECONDS: a metadata host must not be able to make every sign-in wait for a fetch
 *    (Shibboleth's minRefreshDelay plays the same role);
 * 3. the document's validUntil: a copy about to expire is fetched again at that instant at the latest.
 * A failed refresh is tried again after rules 1 and 2 (not 3: the copy it keeps may be expired already, and a
 * host that fails must not be asked again at every sign-in).
 */
import type { MetadataValidity } from './metadata-validity.ts';

/** The shortest interval between two fetches a document's cacheDuration can ask for. */
export const MIN_REFRESH_SECONDS = 300;

/** The instant (ms) the metadata fetched at `fetchedAt` is next due, given the configured bound and the document. */
export function nextRefreshAt(fetchedAt: number, configuredSeconds: number, validity: MetadataValidity): number {
  let seconds = configuredSeconds;
  if (validity.cacheDurationSeconds !== undefined) seconds = Math.min(seconds, Math.max(validity.cacheDurationSeconds, MIN_REFRESH_SECONDS));
  let due = fetchedAt + seconds * 1000;
  if (validity.validUntil) due = Math.min(due, validity.validUntil.getTime());
  return due;
}

/** The instant (ms) a refresh that failed at `now` is tried again: rules 1 and 2 only. */
export function retryAt(now: number, configuredSeconds: number, kept: MetadataValidity): number {
  return nextRefreshAt(now, configuredSeconds, { cacheDurationSeconds: kept.cacheDurationSeconds });
}
