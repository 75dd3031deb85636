// The load run's figures: per-leg histograms, outcome counts, one row per second with gaps filled; the chart draws
// a line per series and leaves a gap where a second completed nothing. Arrivals: exactly rate × duration.
import { describe, expect, it } from 'vitest';
import { scheduleArrivals } from './arrivals.ts';
import { loadChartSvg } from './report/chart.ts';
import { LoadStats } from './stats.ts';

describe('LoadStats', () => {
  it('keeps successful and failed sign-ins apart, counts outcomes, and writes one row per second', () => {
    const stats = new LoadStats(0);
    stats.offered(10);
    stats.record(100, { outcome: 'ok', legs: { login: 4, mint: 2, acs: 6, signIn: 12 } });
    stats.offered(20);
    stats.record(2500, { outcome: 'load/acs-refused', legs: { login: 4, mint: 2, signIn: 9 } });
    stats.record(2600, { outcome: 'interrupted' });
    const { legs, outcomes, series } = stats.snapshot(2700);
    expect(outcomes).toEqual({ interrupted: 1, 'load/acs-refused': 1, ok: 1 });
    expect(legs.signIn.count).toBe(1);
    expect(legs.failedSignIn.count).toBe(1);
    expect(legs.acs.count).toBe(1);
    expect(legs.login.count).toBe(2);
    expect(legs.signIn.p50).toBeCloseTo(12, 1);
    expect(series.map((r) => [r.second, r.offered, r.completed, r.errors, r.p50 === null])).toEqual([
      [0, 2, 1, 0, false],
      [1, 0, 0, 0, true],
      [2, 0, 0, 1, true],
    ]);
  });
});

describe('loadChartSvg', () => {
  it('draws each series, with a gap in the latency lines where no sign-in completed', () => {
    const row = (second: number, completed: number, p: number | null) => ({ second, offered: 2, completed, errors: 0, p50: p, p99: p });
    const svg = loadChartSvg([row(0, 2, 10), row(1, 0, null), row(2, 2, 12), row(3, 2, 14)]);
    // offered, completed and failed are whole lines; p50 and p99 break at second 1.
    expect(svg.match(/<polyline /g)?.length).toBe(3 + 2 * 2);
    expect(svg).not.toContain('NaN');
  });
});

describe('scheduleArrivals', () => {
  it('starts exactly rate × duration arrivals, never ahead of schedule', async () => {
    let t = 0;
    const seen: number[] = [];
    const count = await scheduleArrivals({ rate: 200, durationMs: 100, now: () => (t += 10), signal: new AbortController().signal }, (at) => seen.push(at));
    expect(count).toBe(20);
    // The first now() is the start (10): arrival n may start once floor((at - start) × rate) + 1 > n.
    for (const [n, at] of seen.entries()) expect(n).toBeLessThan(Math.floor((at - 10) * 0.2) + 1);
  });

  it('stops on the signal', async () => {
    const stop = new AbortController();
    stop.abort();
    expect(await scheduleArrivals({ rate: 10, durationMs: 10_000, now: () => 0, signal: stop.signal }, () => undefined)).toBe(0);
  });
});
