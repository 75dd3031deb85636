import { describe, expect, it } from 'vitest';
import { TokenBuckets } from './rate-limit.ts';

describe('TokenBuckets', () => {
  it('admits a burst, refuses the next with Retry-After, and admits again after the refill', () => {
    let now = 0;
    const buckets = new TokenBuckets(() => now);
    const limit = { requestsPerSecond: 2, burst: 3 };
    expect([1, 2, 3].map(() => buckets.take('acme', limit).admitted)).toEqual([true, true, true]);
    expect(buckets.take('acme', limit)).toEqual({ admitted: false, retryAfterSeconds: 1 });
    now += 499;
    expect(buckets.take('acme', limit).admitted).toBe(false);
    now += 1;
    expect(buckets.take('acme', limit).admitted).toBe(true);
  });

  it('keeps one bucket per key', () => {
    const buckets = new TokenBuckets(() => 0);
    const limit = { requestsPerSecond: 1, burst: 1 };
    expect(buckets.take('acme', limit).admitted).toBe(true);
    expect(buckets.take('acme', limit).admitted).toBe(false);
    expect(buckets.take('globex', limit).admitted).toBe(true);
  });

  it('Retry-After is the whole seconds until one request is admitted, at least 1', () => {
    const buckets = new TokenBuckets(() => 0);
    const slow = { requestsPerSecond: 0.2, burst: 1 };
    buckets.take('a', slow);
    expect(buckets.take('a', slow)).toEqual({ admitted: false, retryAfterSeconds: 5 });
  });

  it('never holds more than burst, however long it was idle', () => {
    let now = 0;
    const buckets = new TokenBuckets(() => now);
    const limit = { requestsPerSecond: 100, burst: 2 };
    buckets.take('a', limit);
    now += 3_600_000;
    expect([1, 2, 3].map(() => buckets.take('a', limit).admitted)).toEqual([true, true, false]);
  });
});
