/*
 * Assertion IDs already accepted, per tenant, kept until the assertion could no longer be accepted anyway
 * (its latest NotOnOrAfter plus the clock skew). saml-profiles §4.1.4.5: the SP MUST ensure a bearer
 * assertion is not used more than once within its validity window.
 * The IDs live in the one replay store (../store/replay-store.ts, kind 'saml-assertion'), in SQLite: a restart
 * does not re-open the replay window. Tests and benchmarks give it an in-memory database.
 */
import type { Clock } from '../clock.ts';
import type { ReplayStore } from '../store/replay-store.ts';

export interface ReplayCache {
  /** Records the ID; returns false when it was already recorded and unexpired (a replay). */
  remember(tenantId: string, assertionId: string, until: Date): boolean;
}

/** Accepted assertion IDs in the SP's replay store: they survive a restart. */
export function storedReplayCache(store: ReplayStore, clock: Clock): ReplayCache {
  return { remember: (tenantId, assertionId, until) => store.rememberOnce('saml-assertion', tenantId, assertionId, until, clock.now()) };
}
