import { describe, expect, it } from 'vitest';
import { DEFAULT_RETRY_POLICY, parseRetryAfter, retryWaitMs } from './retry-after.ts';

const now = new Date('2026-01-01T00:00:00Z');

describe('parseRetryAfter (RFC 9110 §10.2.3)', () => {
  it.each([
    ['2', 2000],
    [' 0 ', 0],
    ['120', 120_000],
    ['Thu, 01 Jan 2026 00:00:03 GMT', 3000],
    ['Wed, 31 Dec 2025 23:59:00 GMT', 0],
    ['Thursday, 01-Jan-26 00:00:05 GMT', 5000],
    ['soon', undefined],
    ['-1', undefined],
    ['1.5', undefined],
    ['2026', 2_026_000],
    ['', undefined],
    [null, undefined],
  ])('%j → %j ms', (value, ms) => {
    expect(parseRetryAfter(value, now)).toBe(ms);
  });
});

describe('retryWaitMs: the harness retries 429 and 503, at most 3 times, waits at most 30 s', () => {
  it.each([
    [429, '2', 1, 2000],
    [429, null, 1, 1000],
    [503, '1', 1, 1000],
    [503, 'Thu, 01 Jan 2026 00:00:04 GMT', 2, 4000],
    [503, null, 1, undefined],
    [429, '31', 1, undefined],
    [429, '30', 3, 30_000],
    [429, '1', 4, undefined],
    [500, '1', 1, undefined],
    [200, '1', 1, undefined],
    [404, null, 1, undefined],
  ])('%i with Retry-After %j, retry %i → %j', (status, retryAfter, retry, wait) => {
    expect(retryWaitMs(DEFAULT_RETRY_POLICY, status, retryAfter, retry, now)).toBe(wait);
  });
});
