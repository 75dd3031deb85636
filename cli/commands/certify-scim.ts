/*
 * `sso-harness certify scim`: runs the SCIM certification catalog (features/scim, features/certify) against an
 * endpoint and writes reports/certification.{json,html} and reports/junit.xml (certify/, docs/certify.md).
 * Exit codes: 0 certified (SHOULD/MAY failures are reported only), 1 a MUST test failed or the run broke,
 * 2 bad options.
 */
import { readFile } from 'node:fs/promises';
import { CertifyOptionsError, parseCertifyOptions } from '../../certify/options.ts';
import { progressLine, summaryLines } from '../../certify/progress.ts';
import { writeReport } from '../../certify/report/write.ts';
import { runCertification } from '../../certify/run.ts';
import type { Command } from '../main.ts';

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
    process.stdout.write(`certifying ${options.url ?? 'the bundled reference server'} (profile ${options.profile})\n`);
    const run = await runCertification({
      url: options.url,
      token: options.token,
      profile: options.profile,
      tags: options.tags,
      concurrency: options.concurrency,
      timeoutMs: options.timeoutMs,
      onTest: (outcome) => process.stdout.write(`${progressLine(outcome)}\n`),
    });
    const report = await writeReport(run, options.reportDir, pkg.version);
    process.stdout.write(`${summaryLines(run, [report.html, report.json, report.junit]).join('\n')}\n`);
    return report.document.certified ? 0 : 1;
  },
};
