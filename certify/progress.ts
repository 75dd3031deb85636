/* The console side of a certification run: one line per test as it finishes, then a summary. */
import type { TestOutcome } from './catalog.ts';
import { readableFailure, readableRunError } from './report/failure-message.ts';
import type { Certification } from './run.ts';

const MARK = { pass: 'PASS ', fail: 'FAIL ', skip: 'SKIP ', error: 'ERROR', interrupted: 'INTR ' } as const;

export function progressLine(o: TestOutcome): string {
  const mark = o.verdict === 'fail' && o.level === 'MAY' ? 'N/S  ' : MARK[o.verdict];
  const why =
    o.verdict === 'skip'
      ? ` — ${o.skipReason}`
      : o.verdict === 'fail' || o.verdict === 'error' || o.verdict === 'interrupted'
        ? ` — ${readableFailure(o.failure, o.transcript) ?? ''}`
        : '';
  return `${mark} ${o.level.padEnd(6)} ${o.id.padEnd(16)} ${o.name}${why}`;
}

/** The end of a run's console output; certify saml's run has the same fields. */
export function summaryLines(run: Pick<Certification, 'summary' | 'target' | 'profile' | 'runError' | 'interrupted'>, reportPaths: readonly string[]): string[] {
  const s = run.summary;
  const lines = [
    '',
    `${s.total} tests against ${run.target} (profile ${run.profile}): ${s.byVerdict.pass} passed, ${s.byVerdict.fail} failed, ${s.byVerdict.error} errors, ${s.byVerdict.skip} skipped${s.byVerdict.interrupted ? `, ${s.byVerdict.interrupted} interrupted` : ''}`,
    `  MUST   ${fmt(s.byLevel.MUST)}`,
    `  SHOULD ${fmt(s.byLevel.SHOULD)}`,
    `  MAY    ${fmt(s.byLevel.MAY)}`,
  ];
  if (s.mustFailures.length) lines.push(`MUST failures: ${s.mustFailures.join(', ')}`);
  if (s.otherFailures.length) lines.push(`SHOULD/MAY not met (reported, not fatal): ${s.otherFailures.join(', ')}`);
  if (run.runError) lines.push(`run error: ${readableRunError(run.runError)}`);
  if (run.interrupted) lines.push(`INTERRUPTED (${run.interrupted}): ${s.byVerdict.interrupted} test(s) did not finish`);
  lines.push(
    run.interrupted
      ? 'NOT CERTIFIED: the run was interrupted'
      : s.total === 0
        ? 'NOT CERTIFIED: no test matched the profile and tags'
        : s.certified && !run.runError
          ? 'CERTIFIED: no MUST test failed'
          : 'NOT CERTIFIED',
  );
  for (const p of reportPaths) lines.push(`report: ${p}`);
  return lines;
}

function fmt(v: Record<string, number>): string {
  return `${v.pass} passed, ${v.fail} failed, ${v.error} errors, ${v.skip} skipped`;
}
