/*
 * When to retry and how long to wait.
 * - 429 Too Many Requests: wait what Retry-After says (delta-seconds or an HTTP-date, RFC 9110 §10.2.3),
 *   otherwise back off exponentially
 * - 5xx and transport failures: exponential backoff with a ceiling
 * - anything else (2xx, 3xx, 4xx but 429) is final
 * This is the vendor's policy, modelled; Retry-After is read by the harness's one parser (http/retry-after.ts).
 */
import { parseRetryAfter } from '../../../http/retry-after.ts';

export interface RetryPolicy {
  /** Total attempts including the first. */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const defaultRetryPolicy: RetryPolicy = { maxAttempts: 4, baseDelayMs: 500, maxDelayMs: 30_000 };

export function isRetryable(status: number): boolean {
  return status === 429 || status >= 500 || status === 0;
}

/** Milliseconds to wait before attempt `attempt + 1` (attempt counts from 1). */
export function delayBeforeRetry(policy: RetryPolicy, attempt: number, retryAfter: string | null | undefined, now: Date): number {
  const asked = parseRetryAfter(retryAfter, now);
  if (asked !== undefined) return Math.min(asked, policy.maxDelayMs);
  return Math.min(policy.baseDelayMs * 2 ** (attempt - 1), policy.maxDelayMs);
}
