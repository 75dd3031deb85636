import { describe, expect, it } from 'vitest';
import { ScenarioClock, parseDuration } from './clock.ts';

describe('ScenarioClock', () => {
  it('stays frozen once set and moves only when advanced', () => {
    const clock = new ScenarioClock();
    clock.set(new Date('2026-01-01T00:00:00Z'));
    expect(clock.now().toISOString()).toBe('2026-01-01T00:00:00.000Z');
    clock.advance(parseDuration('5m'));
    expect(clock.now().toISOString()).toBe('2026-01-01T00:05:00.000Z');
  });

  it('refuses an invalid instant', () => {
    expect(() => new ScenarioClock().set(new Date('not a date'))).toThrow(TypeError);
  });
});

describe('parseDuration', () => {
  it.each([
    ['250ms', 250],
    ['90s', 90_000],
    ['5m', 300_000],
    ['1h', 3_600_000],
    ['2d', 172_800_000],
  ])('%s is %d ms', (text, ms) => expect(parseDuration(text)).toBe(ms));

  it.each(['5', 'm5', '5 minutes', '-5m'])('refuses %s', (text) => expect(() => parseDuration(text)).toThrow(TypeError));
});
