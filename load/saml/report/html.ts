/*
 * load.html: the load run for a person, in one self-contained file (inline CSS and SVG, no script, no CDN):
 * the plan, throughput offered vs completed, the error rate against its limit, per-leg latency, outcome codes and
 * the per-second chart (./chart.ts). Every text that came from options or the SP is escaped.
 */
import { escapeHtml } from '../../../certify/report/html-parts.ts';
import type { LoadResult } from '../run.ts';
import { loadChartSvg } from './chart.ts';

const LEGS = [
  ['login', 'SP login → AuthnRequest (redirects followed)'],
  ['mint', 'IdP mint (in-process, no HTTP)'],
  ['acs', 'ACS POST → signed-in page'],
  ['whoami', 'whoami'],
  ['signIn', 'whole sign-in (completed)'],
  ['failedSignIn', 'whole sign-in (failed)'],
] as const;

const num = (n: number, digits = 1): string => n.toFixed(digits);

export function loadHtml(result: LoadResult, version: string): string {
  const e = escapeHtml;
  const verdict = result.wasInterrupted ? 'INTERRUPTED' : result.passed ? 'PASSED' : 'FAILED';
  const legRows = LEGS.filter(([leg]) => result.legs[leg].count > 0)
    .map(([leg, label]) => {
      const s = result.legs[leg];
      return `<tr><td>${e(label)}</td><td>${s.count}</td><td>${num(s.p50)}</td><td>${num(s.p90)}</td><td>${num(s.p99)}</td><td>${num(s.max)}</td></tr>`;
    })
    .join('\n');
  const outcomeRows = Object.entries(result.outcomes)
    .map(([code, count]) => `<tr><td><code>${e(code)}</code></td><td>${count}</td></tr>`)
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>SAML load run: ${e(result.sp.entityId)}</title>
<style>
body{font:14px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:960px;color:#1f2328}
table{border-collapse:collapse;margin:.5rem 0 1.5rem}td,th{border:1px solid #d0d7de;padding:.25rem .6rem;text-align:right}
td:first-child,th:first-child{text-align:left}.PASSED{color:#1a7f37}.FAILED,.INTERRUPTED{color:#cf222e}
.load-chart{width:100%;height:auto}code{font-size:13px}
</style></head><body>
<h1>SAML login storm: <span class="${verdict}">${verdict}</span></h1>
<p>SP <code>${e(result.sp.entityId)}</code>, login URL <code>${e(result.sp.loginUrl)}</code>, ACS <code>${e(result.sp.acs)}</code>${result.sp.whoami ? `, whoami <code>${e(result.sp.whoami)}</code>` : ''}; IdP <code>${e(result.idpEntityId)}</code>.</p>
<p>Plan: ${result.plan.rate} sign-ins/s for ${num(result.plan.durationMs / 1000, 0)} s over ${result.plan.connections} connections per origin, at most ${num(result.plan.maxErrorRate * 100, 2)}% errors. Ran ${result.startedAt} – ${result.finishedAt} (${num(result.elapsedMs / 1000)} s).</p>
<table><tr><th>sign-ins</th><th>count</th><th>per second</th></tr>
<tr><td>offered</td><td>${result.offered}</td><td>${num(result.throughput.offeredPerSecond)}</td></tr>
<tr><td>completed</td><td>${result.completed}</td><td>${num(result.throughput.completedPerSecond)}</td></tr>
<tr><td>failed</td><td>${result.errors}</td><td>${num(result.errorRate * 100, 2)}%</td></tr>
<tr><td>interrupted</td><td>${result.interrupted}</td><td></td></tr></table>
<p>The harness's event loop was busy ${num(result.harnessBusy * 100, 0)}% of the run${result.harnessBusy > 0.9 ? ': the harness, not the SP, was the limit' : ''}.</p>
<h2>Throughput and latency per second</h2>
${loadChartSvg(result.series)}
<h2>Latency per leg (ms)</h2>
<table><tr><th>leg</th><th>count</th><th>p50</th><th>p90</th><th>p99</th><th>max</th></tr>
${legRows}</table>
<h2>Outcomes</h2>
<table><tr><th>code</th><th>sign-ins</th></tr>
${outcomeRows}</table>
<p><small>sso-harness ${e(version)} · load.json holds the same figures and the per-second series.</small></p>
</body></html>
`;
}
