/*
 * `sso-harness certify scim`: runs the SCIM certification catalog (features/scim, features/certify) against an
 * endpoint and writes reports/certification.{json,html} and reports/junit.xml (certify/, docs/certify.md).
 * Exit codes: 0 certified (SHOULD/MAY failures are reported only), 1 a MUST test failed or the run broke,
 * 2 bad options, 130 interrupted.
 * On SIGINT/SIGTERM: no new test starts, requests in flight are aborted, whatever the run created and still
 * exists is deleted (ledger, then a sweep by run prefix), the report is written with the unfinished tests marked
 * interrupted, and the command exits 130. A second signal exits at once, without cleaning up.
 */
import { readFile } from 'node:fs/promises';
import { CertifyOptionsError, parseCertifyOptions } from '../../certify/options.ts';
import { progressLine, summaryLines } from '../../certify/progress.ts';
import { writeReport } from '../../certify/report/write.ts';
import { runCertification, type Certification } from '../../certify/run.ts';
import { newRunPrefix } from '../../certify/safety/run-prefix.ts';
import type { Command } from '../main.ts';

/** What the end of the run deleted, one line per resource; nothing when there was nothing to do. */
function cleanupLines(run: Certification): string[] {
  const c = run.cleanup;
  if (!c) return [];
  const lines = [`cleanup (run prefix ${c.runPrefix}): ${c.deleted.length} deleted, ${c.alreadyGone} already gone, ${c.failed.length} failed`];
  for (const d of c.deleted) lines.push(`  deleted ${d.kind}/${d.id}${d.name ? ` ${d.name}` : ''} (${d.via})`);
  for (const f of c.failed) lines.push(`  NOT deleted ${f.kind}/${f.id} (${f.via}): ${f.detail}`);
  for (const p of c.problems) lines.push(`  ${p}`);
  return lines;
}

export const command: Command = {
  usage:
    'certify scim --url URL --token TOKEN [--profile core|entra|okta|all] [--tags EXPR] [--report-dir DIR] [--concurrency N] [--timeout-ms N]',
  async run(argv) {
    let options;
    try {
      options = parseCertifyOptions(argv, process.env);
    } catch (error) {
      if (error instanceof CertifyOptionsError) {
        process.stderr.write(`sso-harness certify scim: ${error.problems.join('\n  ')}\nusage: sso-harness ${command.usage}\n`);
        return 2;
      }
      throw error;
    }
    const pkg = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    const runPrefix = newRunPrefix();
    process.stdout.write(`certifying ${options.url ?? 'the bundled reference server'} (profile ${options.profile}); everything created is named ${runPrefix}…\n`);
    const interrupt = new AbortController();
    const onSignal = (signal: NodeJS.Signals): void => {
      if (interrupt.signal.aborted) {
        process.stderr.write(`\n${signal} again: exiting without cleaning up (resources named ${runPrefix}… may remain)\n`);
        process.exit(130);
      }
      process.stderr.write(`\n${signal}: stopping — no new tests; cleaning up what this run created (${signal} again to exit at once)\n`);
      interrupt.abort(signal);
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
    let run: Certification;
    try {
      run = await runCertification({
        url: options.url,
        token: options.token,
        profile: options.profile,
        tags: options.tags,
        concurrency: options.concurrency,
        timeoutMs: options.timeoutMs,
        signal: interrupt.signal,
        env: { SSOH_RUN_PREFIX: runPrefix },
        // Tests an interrupt kept from starting are counted in the summary, not listed one by one.
        onTest: (outcome) => {
          if (outcome.verdict !== 'interrupted' || outcome.transcript.length > 0) process.stdout.write(`${progressLine(outcome)}\n`);
        },
      });
      const report = await writeReport(run, options.reportDir, pkg.version);
      process.stdout.write(`${[...cleanupLines(run), ...summaryLines(run, [report.html, report.json, report.junit])].join('\n')}\n`);
      if (run.interrupted !== undefined) return 130;
      return report.document.certified ? 0 : 1;
    } finally {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    }
  },
};
