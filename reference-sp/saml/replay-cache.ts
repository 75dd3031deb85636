/*
 * Assertion IDs already accepted, per tenant, kept until the assertion could no longer be accepted anyway
 * (its latest NotOnOrAfter plus the clock skew). saml-profiles §4.1.4.5: the SP MUST ensure a bearer
 * assertion is not used more than once within its validity window.
 * The app keeps them in the store (storedReplayCache): a restart does not re-open the replay window. The
 * in-memory variant serves unit tests and benchmarks of the pipeline alone.
 */
import type { Clock } from '../clock.ts';
import type { SpStateStore } from '../store/sp-state.ts';

export interface ReplayCache {
  /** Records the ID; returns false when it was already recorded and unexpired (a replay). */
  remember(tenantId: string, assertionId: string, until: Date): boolean;
}

/** Accepted assertion IDs in the SP's SQLite store: they survive a restart. */
export function storedReplayCache(state: SpStateStore, clock: Clock): ReplayCache {
  return { remember: (tenantId, assertionId, until) => state.rememberAssertionId(tenantId, assertionId, until, clock.now()) };
}

/** In memory, for unit tests and benchmarks of the pipeline alone: lost on restart. */
export function createReplayCache(clock: Clock): ReplayCache {
  const seen = new Map<string, number>();
  return {
    remember(tenantId, assertionId, until) {
      const now = clock.now().getTime();
      for (const [k, exp] of seen) if (exp <= now) seen.delete(k);
      const k = `${tenantId}\u0000${assertionId}`;
      if (seen.has(k)) return false;
      seen.set(k, until.getTime());
      return true;
    },
  };
}
