import { describe, expect, it } from 'vitest';
import { durationMs, xsDateTime } from './duration.ts';

describe('durationMs', () => {
  it.each([
    ['250ms', 250],
    ['30s', 30_000],
    ['10m', 600_000],
    ['2h', 7_200_000],
    ['1d', 86_400_000],
    [1500, 1500],
  ])('%s → %d ms', (input, ms) => expect(durationMs(input)).toBe(ms));

  it.each(['', '10', 'ten minutes', '-5m', '5y'])('refuses %j with builder/invalid', (input) =>
    expect(() => durationMs(input)).toThrow(expect.objectContaining({ code: 'builder/invalid' })),
  );

  it('writes xs:dateTime in UTC without milliseconds', () => {
    expect(xsDateTime(Date.parse('2026-01-01T00:00:00.123Z'))).toBe('2026-01-01T00:00:00Z');
  });
});
