import { describe, expect, it } from 'vitest';
import { MIN_REFRESH_SECONDS, nextRefreshAt, retryAt } from './refresh-schedule.ts';

const T0 = Date.parse('2026-01-01T00:00:00Z');
const at = (ms: number) => new Date(ms).toISOString();

describe('nextRefreshAt: configured bound, then cacheDuration (floored), then validUntil — earliest wins', () => {
  it.each([
    ['nothing in the document: the configured interval', 86_400, {}, '2026-01-02T00:00:00.000Z'],
    ['a shorter cacheDuration wins', 86_400, { cacheDurationSeconds: 3600 }, '2026-01-01T01:00:00.000Z'],
    ['a longer cacheDuration cannot stretch the configured bound', 3600, { cacheDurationSeconds: 7 * 86_400 }, '2026-01-01T01:00:00.000Z'],
    ['a tiny cacheDuration is floored', 86_400, { cacheDurationSeconds: 1 }, at(T0 + MIN_REFRESH_SECONDS * 1000)],
    ['the configured bound may be below the floor', 60, { cacheDurationSeconds: 1 }, '2026-01-01T00:01:00.000Z'],
    ['a validUntil before all of them wins', 86_400, { cacheDurationSeconds: 7200, validUntil: new Date('2026-01-01T00:30:00Z') }, '2026-01-01T00:30:00.000Z'],
    ['a later validUntil changes nothing', 3600, { validUntil: new Date('2026-06-01T00:00:00Z') }, '2026-01-01T01:00:00.000Z'],
  ])('%s', (_name, configured, validity, expected) => {
    expect(at(nextRefreshAt(T0, configured, validity))).toBe(expected);
  });

  it('a failed refresh is retried after the interval even when the kept copy has expired', () => {
    expect(at(retryAt(T0, 3600, { validUntil: new Date('2025-12-31T00:00:00Z') }))).toBe('2026-01-01T01:00:00.000Z');
  });
});
