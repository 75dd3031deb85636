/*
 * Counts a run's outcomes. The certification fails when any MUST test fails or cannot run (harness error);
 * SHOULD and MAY failures are reported but do not fail it (RFC 2119: a SHOULD may be ignored with good reason).
 * A run with interrupted tests is not certified either.
 */
import type { TestOutcome, Verdict } from './catalog.ts';
import type { Level } from './tags.ts';

export interface Summary {
  readonly total: number;
  readonly byVerdict: Readonly<Record<Verdict, number>>;
  readonly byLevel: Readonly<Record<Level, Readonly<Record<Verdict, number>>>>;
  /** IDs of MUST tests that failed or errored: each one fails the certification. */
  readonly mustFailures: readonly string[];
  /** IDs of SHOULD/MAY tests that failed or errored: reported, not fatal. */
  readonly otherFailures: readonly string[];
  readonly certified: boolean;
}

const zero = (): Record<Verdict, number> => ({ pass: 0, fail: 0, skip: 0, error: 0, interrupted: 0 });

export function summarise(outcomes: readonly TestOutcome[]): Summary {
  const byVerdict = zero();
  const byLevel: Record<Level, Record<Verdict, number>> = { MUST: zero(), SHOULD: zero(), MAY: zero() };
  const mustFailures: string[] = [];
  const otherFailures: string[] = [];
  for (const o of outcomes) {
    byVerdict[o.verdict]++;
    byLevel[o.level][o.verdict]++;
    if (o.verdict === 'fail' || o.verdict === 'error') (o.level === 'MUST' ? mustFailures : otherFailures).push(o.id);
  }
  // An interrupted run proves nothing about the tests it did not finish: it is never certified.
  const certified = outcomes.length > 0 && mustFailures.length === 0 && byVerdict.interrupted === 0;
  return { total: outcomes.length, byVerdict, byLevel, mustFailures, otherFailures, certified };
}
