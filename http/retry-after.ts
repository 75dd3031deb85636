/*
 * When an answer says "come back later", and how long to wait (RFC 9110 §10.2.3 Retry-After; RFC 6585 §4 429 Too
 * Many Requests; RFC 9110 §15.6.4 503 Service Unavailable):
 * - Retry-After is delta-seconds (`120`) or an HTTP-date; a date in the past means now; anything else is absent;
 * - the harness's policy (`retryWaitMs`): a 429 or a 503 is retried, at most `maxRetries` times; with Retry-After
 *   after that many milliseconds; a 429 without it after `defaultWaitMs` (it asks to slow down), a 503 without it
 *   not at all (the server is down, not busy); a wait longer than `maxWaitMs` is not taken — the answer stands.
 * The mock IdP's Entra and Okta clients model their vendor's own retries (mock-idp/scim-client/http/retry.ts) and
 * read Retry-After with `parseRetryAfter` too.
 */

export interface RetryPolicy {
  /** Retries after the first attempt. */
  readonly maxRetries: number;
  /** The longest wait the harness takes; a longer Retry-After leaves the answer as it is. */
  readonly maxWaitMs: number;
  /** The wait for a 429 that carries no Retry-After. */
  readonly defaultWaitMs: number;
}

/** 3 retries, waits of at most 30 s, 1 s when a 429 names none. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = Object.freeze({ maxRetries: 3, maxWaitMs: 30_000, defaultWaitMs: 1_000 });

/** Milliseconds a Retry-After value asks for, or undefined when it is absent or not one of its two forms. */
export function parseRetryAfter(value: string | null | undefined, now: Date): number | undefined {
  if (value === null || value === undefined) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  // An HTTP-date names a day of the week first (IMF-fixdate, RFC 850 or asctime); a bare number is not a date.
  if (!/^[A-Za-z]{3}/.test(trimmed)) return undefined;
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now.getTime());
}

/** How long to wait before retrying an answer (`retry` counts from 1), or undefined when it is final. */
export function retryWaitMs(policy: RetryPolicy, status: number, retryAfter: string | null, retry: number, now: Date): number | undefined {
  if ((status !== 429 && status !== 503) || retry > policy.maxRetries) return undefined;
  const asked = parseRetryAfter(retryAfter, now);
  const wait = asked ?? (status === 429 ? policy.defaultWaitMs : undefined);
  return wait === undefined || wait > policy.maxWaitMs ? undefined : wait;
}
