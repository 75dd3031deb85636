/*
 * Per-key token buckets: the per-tenant SCIM rate limit (issue 8, item 11).
 *
 * - RFC 6585 §4: a client over its limit gets 429 Too Many Requests and MAY be told how long to wait in
 *   Retry-After; RFC 9110 §10.2.3: Retry-After in delay-seconds, a non-negative integer (here at least 1).
 * - A bucket holds at most `burst` tokens and refills at `requestsPerSecond`; each request takes one. A refused
 *   request takes nothing, so a client that honours Retry-After is admitted when it comes back.
 * - Time is monotonic (performance.now), not the SP's injected clock: a scenario's frozen clock must not stop the
 *   refill, and a wall-clock step must neither empty nor fill the buckets.
 * - One bucket per key (tenant id): memory is bounded by the configured tenants, never by what clients send.
 */
export interface RateLimit {
  readonly requestsPerSecond: number;
  readonly burst: number;
}

export type Admission = { readonly admitted: true } | { readonly admitted: false; readonly retryAfterSeconds: number };

interface Bucket {
  tokens: number;
  at: number;
}

export class TokenBuckets {
  readonly #buckets = new Map<string, Bucket>();
  readonly #now: () => number;

  /** `now` in milliseconds, monotonic; injectable for tests. */
  constructor(now: () => number = () => performance.now()) {
    this.#now = now;
  }

  take(key: string, limit: RateLimit): Admission {
    const now = this.#now();
    const bucket = this.#buckets.get(key) ?? { tokens: limit.burst, at: now };
    bucket.tokens = Math.min(limit.burst, bucket.tokens + ((now - bucket.at) / 1000) * limit.requestsPerSecond);
    bucket.at = now;
    this.#buckets.set(key, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { admitted: true };
    }
    const seconds = (1 - bucket.tokens) / limit.requestsPerSecond;
    return { admitted: false, retryAfterSeconds: Math.max(1, Math.ceil(seconds)) };
  }
}
