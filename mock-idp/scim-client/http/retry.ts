/*
 * When to retry and how long to wait.
 * - 429 Too Many Requests: wait what Retry-After says (delta-seconds or an HTTP-date, RFC 9110 §10.2.3),
 *   otherwise back off exponentially
 * - 5xx and transport failures: exponential backoff with a ceiling
 * - anything else (2xx, 3xx, 4xx but 429) is final
 */
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
  if (retryAfter) {
    const trimmed = retryAfter.trim();
    if (/^\d+$/.test(trimmed)) return Math.min(Number(trimmed) * 1000, policy.maxDelayMs);
    const at = Date.parse(trimmed);
    if (!Number.isNaN(at)) return Math.max(0, Math.min(at - now.getTime(), policy.maxDelayMs));
  }
  return Math.min(policy.baseDelayMs * 2 ** (attempt - 1), policy.maxDelayMs);
}
