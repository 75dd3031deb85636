import { describe, expect, it } from 'vitest';
import { delayBeforeRetry, isRetryable } from './retry.ts';

const policy = { maxAttempts: 4, baseDelayMs: 100, maxDelayMs: 5000 };
const now = new Date('2026-01-01T00:00:00Z');

describe('retry policy', () => {
  it.each([
    [429, true],
    [500, true],
    [503, true],
    [0, true],
    [400, false],
    [404, false],
    [409, false],
    [200, false],
  ])('status %i retryable: %s', (s, r) => {
    expect(isRetryable(s)).toBe(r);
  });
  it.each([
    [1, null, 100],
    [2, null, 200],
    [3, null, 400],
    [10, null, 5000],
    [1, '2', 2000],
    [1, '120', 5000],
    [1, 'Thu, 01 Jan 2026 00:00:03 GMT', 3000],
    [1, 'Wed, 31 Dec 2025 23:59:00 GMT', 0],
    [2, 'soon', 200],
  ])('attempt %i with Retry-After %j waits %i ms', (attempt, ra, ms) => {
    expect(delayBeforeRetry(policy, attempt, ra, now)).toBe(ms);
  });
});
