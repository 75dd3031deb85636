/*
 * The load run's summary as plain text for the terminal: throughput offered vs completed, the error rate against
 * its limit, one row per leg with p50/p90/p99/max in milliseconds, and the count of each outcome code.
 */
import type { LoadResult } from '../run.ts';

const LEG_LABELS = {
  login: 'SP login → AuthnRequest',
  mint: 'IdP mint (in-process)',
  acs: 'ACS POST → signed in',
  whoami: 'whoami',
  signIn: 'whole sign-in',
  failedSignIn: 'failed sign-in',
} as const;

function pad(text: string, width: number, right = false): string {
  return right ? text.padStart(width) : text.padEnd(width);
}

const fixed = (n: number): string => (n >= 100 ? n.toFixed(0) : n.toFixed(1));

export function formatLoadTable(result: LoadResult): string {
  const { throughput, plan } = result;
  const lines = [
    `sign-ins: ${result.offered} offered (${fixed(throughput.offeredPerSecond)}/s of ${plan.rate}/s planned), ${result.completed} completed (${fixed(throughput.completedPerSecond)}/s), ${result.errors} failed${result.interrupted ? `, ${result.interrupted} interrupted` : ''}`,
    `error rate: ${(result.errorRate * 100).toFixed(2)}% (limit ${(plan.maxErrorRate * 100).toFixed(2)}%)  ·  harness busy ${(result.harnessBusy * 100).toFixed(0)}%, ${result.completed ? (result.harnessCpuMs / result.completed).toFixed(1) : '–'} ms CPU per sign-in${result.harnessBusy > 0.9 ? ' (the harness itself was the limit: lower --rate or run it on another machine)' : ''}`,
    '',
    `${pad('leg', 26)}${pad('count', 8, true)}${pad('p50 ms', 10, true)}${pad('p90 ms', 10, true)}${pad('p99 ms', 10, true)}${pad('max ms', 10, true)}`,
  ];
  for (const [leg, label] of Object.entries(LEG_LABELS) as [keyof typeof LEG_LABELS, string][]) {
    const s = result.legs[leg];
    if (s.count === 0) continue;
    lines.push(`${pad(label, 26)}${pad(String(s.count), 8, true)}${[s.p50, s.p90, s.p99, s.max].map((v) => pad(fixed(v), 10, true)).join('')}`);
  }
  lines.push('', 'outcomes:');
  for (const [code, count] of Object.entries(result.outcomes)) lines.push(`  ${pad(code, 28)}${pad(String(count), 8, true)}`);
  return lines.join('\n');
}
