/*
 * What the load run measures, in bounded memory whatever its length or rate:
 * - one HdrHistogram per leg (hdr-histogram-js, microsecond values, 3 significant digits) for p50/p90/p99/max;
 *   a failed sign-in's whole time counts in its own histogram (failedSignIn), never in the successful one
 * - counts by outcome ('ok' or a LoadCode)
 * - the per-second series: one row per second of the run (offered, completed, errors, p50/p99 of the sign-ins
 *   completed in that second), from one histogram reset every second — at most 3,600 rows plus the drain
 */
import { build, type Histogram } from 'hdr-histogram-js';
import type { LoadCode } from './errors.ts';
import { LEGS, type Leg, type SignInResult } from './sign-in.ts';

export interface LegSummary {
  readonly count: number;
  readonly p50: number;
  readonly p90: number;
  readonly p99: number;
  readonly max: number;
  readonly mean: number;
}

export interface SecondRow {
  readonly second: number;
  /** Arrivals in this second (started or refused as backlog). */
  readonly offered: number;
  /** Sign-ins completed successfully in this second. */
  readonly completed: number;
  readonly errors: number;
  /** Milliseconds, of the sign-ins completed in this second; null when none. */
  readonly p50: number | null;
  readonly p99: number | null;
}

interface OpenRow {
  second: number;
  offered: number;
  completed: number;
  errors: number;
}

export type Outcome = 'ok' | LoadCode | 'interrupted';

function histogram(): Histogram {
  return build({ lowestDiscernibleValue: 1, highestTrackableValue: 3_600_000_000, numberOfSignificantValueDigits: 3 });
}

function toMicros(ms: number): number {
  return Math.max(1, Math.round(ms * 1000));
}

function ms(micros: number): number {
  return Math.round(micros) / 1000;
}

export function summarize(h: Histogram): LegSummary {
  if (h.totalCount === 0) return { count: 0, p50: 0, p90: 0, p99: 0, max: 0, mean: 0 };
  return {
    count: h.totalCount,
    p50: ms(h.getValueAtPercentile(50)),
    p90: ms(h.getValueAtPercentile(90)),
    p99: ms(h.getValueAtPercentile(99)),
    max: ms(h.maxValue),
    mean: ms(h.mean),
  };
}

export class LoadStats {
  readonly #legs = new Map<Leg | 'failedSignIn', Histogram>([...LEGS, 'failedSignIn' as const].map((leg) => [leg, histogram()]));
  readonly #outcomes = new Map<Outcome, number>();
  readonly #series: SecondRow[] = [];
  #second = histogram();
  #current: OpenRow = { second: 0, offered: 0, completed: 0, errors: 0 };

  constructor(private readonly startedAt: number) {}

  /** Closes the rows of the seconds before `at` (milliseconds on the run's clock). */
  #advance(at: number): OpenRow {
    const second = Math.max(0, Math.floor((at - this.startedAt) / 1000));
    while (this.#current.second < second) {
      this.#closeRow();
      this.#current = { second: this.#current.second + 1, offered: 0, completed: 0, errors: 0 };
    }
    return this.#current;
  }

  #closeRow(): void {
    const h = this.#second;
    const some = h.totalCount > 0;
    this.#series.push({ ...this.#current, p50: some ? ms(h.getValueAtPercentile(50)) : null, p99: some ? ms(h.getValueAtPercentile(99)) : null });
    h.reset();
  }

  offered(at: number): void {
    this.#advance(at).offered++;
  }

  /** A sign-in that ended at `at`. */
  record(at: number, result: SignInResult | { outcome: 'interrupted' }): void {
    const row = this.#advance(at);
    this.#outcomes.set(result.outcome, (this.#outcomes.get(result.outcome) ?? 0) + 1);
    if (result.outcome === 'interrupted') return;
    if (result.outcome === 'ok') row.completed++;
    else row.errors++;
    for (const [leg, value] of Object.entries(result.legs) as [Leg, number][]) {
      const key = leg === 'signIn' && result.outcome !== 'ok' ? 'failedSignIn' : leg;
      this.#legs.get(key)!.recordValue(toMicros(value));
    }
    if (result.outcome === 'ok' && result.legs.signIn !== undefined) this.#second.recordValue(toMicros(result.legs.signIn));
  }

  /** The figures so far; `at` closes the current second. */
  snapshot(at: number): { legs: Record<Leg | 'failedSignIn', LegSummary>; outcomes: Record<string, number>; series: SecondRow[] } {
    this.#advance(at);
    const open = this.#current;
    const some = this.#second.totalCount > 0;
    const series = [...this.#series, { ...open, p50: some ? ms(this.#second.getValueAtPercentile(50)) : null, p99: some ? ms(this.#second.getValueAtPercentile(99)) : null }];
    const legs = Object.fromEntries([...this.#legs].map(([leg, h]) => [leg, summarize(h)])) as Record<Leg | 'failedSignIn', LegSummary>;
    return { legs, outcomes: Object.fromEntries([...this.#outcomes].sort(([a], [b]) => a.localeCompare(b))), series };
  }
}
