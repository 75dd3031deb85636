import { describe, expect, it } from 'vitest';
import { forEachLimited } from './pool.ts';

describe('forEachLimited', () => {
  it('keeps exactly `limit` objects in flight while there is work, and visits each once in order of start', async () => {
    let inFlight = 0;
    let most = 0;
    const started: number[] = [];
    const items = Array.from({ length: 100 }, (_, i) => i);
    await forEachLimited(items, 7, async (i) => {
      started.push(i);
      inFlight++;
      most = Math.max(most, inFlight);
      // Uneven work: each item yields a different number of times.
      for (let k = 0; k < (i * 7) % 5; k++) await Promise.resolve();
      inFlight--;
    });
    expect(most).toBe(7);
    expect(started).toEqual(items);
  });

  it('needs no more lanes than items', async () => {
    let most = 0;
    let inFlight = 0;
    await forEachLimited([1, 2], 16, async () => {
      most = Math.max(most, ++inFlight);
      await Promise.resolve();
      inFlight--;
    });
    expect(most).toBe(2);
  });
});
