/*
 * `sso-harness certify scim`: runs the SCIM certification catalog (features/scim, features/certify) against an
 * endpoint and writes reports/certification.{json,html} and reports/junit.xml (certify/, docs/certify.md).
 * Exit codes: 0 certified (SHOULD/MAY failures are reported only), 1 a MUST test failed, the run broke or the
 * endpoint failed the pre-flight check, 2 bad options, 130 interrupted.
 * - Against --url, one request first checks that the endpoint answers and accepts the token (runCertification
 *   runs certify/preflight.ts): when it does not, one line says why and the catalog does not run (no report).
 * - On SIGINT/SIGTERM: no new test starts, requests in flight are aborted, whatever the run created and still
 *   exists is deleted (ledger, then a sweep by run prefix), the report is written with the unfinished tests marked
 *   interrupted, and the command exits 130. A second signal exits at once, without cleaning up.
 */
import { Option } from 'commander';
import { CertifyOptionsError, DATED_PROFILES, parseCertifyOptions } from '../../certify/options.ts';
import type { Certification } from '../../certify/run.ts';
import type { Command } from '../main.ts';
import { CommandFailure } from './shared/failure.ts';
import { interruptOnSignals } from './shared/interrupt-signals.ts';
import { packageVersion } from './shared/package-version.ts';
import { legacyCommand, usageError, type CommandDefinition } from './shared/program.ts';

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

/** Each option, its flag for certify/options.ts (which validates them all at once) and its env fallback. */
const OPTIONS = [
  { key: 'url', flag: '--url', option: () => new Option('--url <url>', 'SCIM base URL (the one ending in /scim/v2); default: the bundled reference server').env('SCIM_BASE_URL') },
  { key: 'token', flag: '--token', option: () => new Option('--token <token>', 'bearer token; required with --url; never written to a report').env('SCIM_TOKEN') },
  {
    key: 'profile',
    flag: '--profile',
    option: () =>
      new Option('--profile <profile>', 'which behaviours to certify (a dated client profile certifies its family less what it never sends)')
        .choices(['core', 'entra', 'okta', 'onelogin', 'jumpcloud', 'all', ...Object.keys(DATED_PROFILES)])
        .default('core')
        .env('CERTIFY_PROFILE'),
  },
  { key: 'tags', flag: '--tags', option: () => new Option('--tags <expr>', 'extra cucumber tag expression, and-ed in ("@must", "not @requires:bulk")').env('CERTIFY_TAGS') },
  {
    key: 'reportDir',
    flag: '--report-dir',
    option: () => new Option('--report-dir <dir>', 'where certification.{json,html} and junit.xml go').default('reports').env('CERTIFY_REPORT_DIR'),
  },
  { key: 'concurrency', flag: '--concurrency', option: () => new Option('--concurrency <n>', 'tests talking to the endpoint at once, 1 to 16').default(1).env('SCIM_CONCURRENCY') },
  { key: 'timeoutMs', flag: '--timeout-ms', option: () => new Option('--timeout-ms <ms>', 'per-request timeout, 100 to 600000').default(10_000).env('SCIM_TIMEOUT_MS') },
] as const;

export const definition: CommandDefinition = {
  path: ['certify', 'scim'],
  description: 'certify a SCIM 2.0 endpoint with the scenario catalog and write HTML, JSON and junit reports',
  configure(cmd) {
    for (const o of OPTIONS) cmd.addOption(o.option());
    cmd.addHelpText(
      'after',
      '\nExit codes: 0 certified · 1 a MUST test failed, the run broke or the endpoint is unreachable or refuses the token · 2 bad options · 130 interrupted.',
    );
  },
  async run(cmd, io) {
    const values = cmd.opts<Record<string, string | number | undefined>>();
    const argv = OPTIONS.flatMap((o) => (values[o.key] === undefined ? [] : [o.flag, String(values[o.key])]));
    let options: ReturnType<typeof parseCertifyOptions>;
    try {
      options = parseCertifyOptions(argv, {});
    } catch (error) {
      if (error instanceof CertifyOptionsError) usageError(cmd, error.problems.join('\n  '), 'certify/invalid-options');
      throw error;
    }
    const [{ progressLine, summaryLines }, { writeReport }, { runCertification }, { newRunPrefix }, { PreflightError }] = await Promise.all([
      import('../../certify/progress.ts'),
      import('../../certify/report/write.ts'),
      import('../../certify/run.ts'),
      import('../../certify/safety/run-prefix.ts'),
      import('../../certify/preflight.ts'),
    ]);
    const runPrefix = newRunPrefix();
    const interrupt = interruptOnSignals(io, 'no new tests; cleaning up what this run created', `without cleaning up (resources named ${runPrefix}… may remain)`);
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
        runPrefix,
        // Printed once the pre-flight check passed: an endpoint that fails it gets one line on stderr, nothing else.
        onStart: () => io.out(`certifying ${options.url ?? 'the bundled reference server'} (profile ${options.profile}); everything created is named ${runPrefix}…\n`),
        // Tests an interrupt kept from starting are counted in the summary, not listed one by one.
        onTest: (outcome) => {
          if (outcome.verdict !== 'interrupted' || outcome.transcript.length > 0) io.out(`${progressLine(outcome)}\n`);
        },
      }).catch((error: unknown) => {
        if (error instanceof PreflightError) throw new CommandFailure(error.code, `${error.message} (nothing was run)`);
        throw error;
      });
      const report = await writeReport(run, options.reportDir, packageVersion());
      io.out(`${[...cleanupLines(run), ...summaryLines(run, [report.html, report.json, report.junit])].join('\n')}\n`);
      if (run.interrupted !== undefined) return 130;
      return report.document.certified ? 0 : 1;
    } finally {
      interrupt.dispose();
    }
  },
};

export const command: Command = legacyCommand(definition);
