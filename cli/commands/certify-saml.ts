/*
 * `sso-harness certify saml`: runs the SAML attack and conformance catalog (features/certify-saml) against a
 * vendor's SP and writes certification-saml.{json,html} and junit.xml (certify/saml/, docs/certify-saml.md).
 * - the SP: --sp-metadata (URL or file), or --sp-entity-id with one or more --acs; neither certifies the bundled
 *   reference SP in-process (then no other SP option applies);
 * - SP-initiated with --login-url (the norm), IdP-initiated otherwise; verdicts read from --whoami (with
 *   --whoami-json-path or --whoami-match), or inferred from the baseline without it;
 * - the mock IdP runs embedded on --idp-port (0: free) with its keys in --data-dir (default: npm start's), and its
 *   metadata URL is printed first: the SP must trust it; --idp-entity-id defaults to npm start's IdP's;
 * - every option falls back to an environment variable; every problem with the options is reported at once, each
 *   naming its flag, exit 2, before anything is sent;
 * - the baseline (a legitimate sign-in) runs first: when it fails, its diagnosis is printed, the report written,
 *   nothing else runs, exit 1;
 * Exit codes: 0 certified (SHOULD/MAY failures are reported only), 1 a MUST test failed, the baseline failed or the
 * run broke, 2 bad options, 130 interrupted (SIGINT/SIGTERM: no new test starts; a second signal exits at once).
 */
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Option } from 'commander';
import type { TestOutcome } from '../../certify/catalog.ts';
import type { SamlCertifyTarget } from '../../certify/saml/contract.ts';
import type { SamlCertification } from '../../certify/saml/run.ts';
import type { Command } from '../main.ts';
import { DEFAULT_DATA_DIR } from '../start/embedded-defaults.ts';
import { CommandFailure } from './shared/failure.ts';
import { interruptOnSignals } from './shared/interrupt-signals.ts';
import { packageVersion } from './shared/package-version.ts';
import { type CommandDefinition, legacyCommand, usageError } from './shared/program.ts';

/** npm start's IdP entity ID: an SP configured against `npm start` trusts a certify run that keeps its data dir. */
export const DEFAULT_IDP_ENTITY_ID = 'http://127.0.0.1:7000/metadata';
/** Where --browser chromium looks when --browser-path is not given (Debian, Ubuntu, Google's packages). */
export const BROWSER_CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

export interface Flags {
  spMetadata?: string;
  spEntityId?: string;
  acs?: string[];
  loginUrl?: string;
  whoami?: string;
  whoamiJsonPath?: string;
  whoamiMatch?: string;
  user?: string;
  victim?: string;
  profile: 'core' | 'entra' | 'okta' | 'all';
  tags?: string;
  reportDir: string;
  browser?: 'chromium';
  browserPath?: string;
  timeoutMs: string | number;
  idpPort: string | number;
  idpEntityId: string;
  dataDir: string;
}

const collect = (value: string, previous: string[] = []): string[] => [...previous, ...value.split(',').map((v) => v.trim())].filter((v) => v !== '');

export function options(): Option[] {
  return [
    new Option('--sp-metadata <url|file>', "the SP's metadata: entity ID, ACS URLs, certificates, WantAssertionsSigned (default: the bundled reference SP)").env(
      'SAML_SP_METADATA',
    ),
    new Option('--sp-entity-id <id>', "the SP's entity ID, instead of --sp-metadata (with --acs)").env('SAML_SP_ENTITY_ID'),
    new Option('--acs <url>', 'an ACS URL of the SP (repeat, or comma-separate); with --sp-entity-id').env('SAML_ACS_URLS').argParser(collect),
    new Option('--login-url <url>', "the SP's sign-in URL that sends an AuthnRequest (SP-initiated); without it, IdP-initiated").env('SAML_LOGIN_URL'),
    new Option('--whoami <url>', 'a URL that says who is signed in (the verdict oracle); without it, verdicts are inferred').env('SAML_WHOAMI_URL'),
    new Option('--whoami-json-path <path>', 'where the whoami JSON names the user, e.g. user.userName').env('SAML_WHOAMI_JSON_PATH'),
    new Option('--whoami-match <regex>', 'a regular expression whose first group (or match) names the user in the whoami body').env('SAML_WHOAMI_MATCH'),
    new Option('--user <email>', 'the identity a legitimate response signs in (required with an SP of yours)').env('SAML_USER'),
    new Option('--victim <email>', 'the identity the attacks try to become (required with an SP of yours)').env('SAML_VICTIM'),
    new Option('--profile <profile>', 'which behaviours to certify').choices(['core', 'entra', 'okta', 'all']).default('core').env('CERTIFY_PROFILE'),
    new Option('--tags <expr>', 'extra cucumber tag expression, and-ed in ("@must", "not @saml-core-5.4")').env('CERTIFY_TAGS'),
    new Option('--report-dir <dir>', 'where certification-saml.{json,html} and junit.xml go').default('reports').env('CERTIFY_REPORT_DIR'),
    new Option('--browser <kind>', 'drive a real browser (SPs whose sign-in needs JavaScript); default: HTTP').choices(['chromium']).env('SAML_BROWSER'),
    new Option('--browser-path <file>', 'the Chrome/Chromium executable (implies --browser chromium); default: found in /usr/bin').env('SAML_BROWSER_PATH'),
    new Option('--timeout-ms <ms>', 'per-request timeout, 100 to 600000').default(10_000).env('SAML_TIMEOUT_MS'),
    new Option('--idp-port <port>', "the embedded mock IdP's port, serving the metadata the SP trusts (0 picks a free port)").default(0).env('SAML_IDP_PORT'),
    new Option('--idp-entity-id <id>', "the mock IdP's entity ID (the SP's trusted issuer)").default(DEFAULT_IDP_ENTITY_ID).env('SAML_IDP_ENTITY_ID'),
    new Option('--data-dir <dir>', "npm start's data directory: the mock IdP's keys are in <dir>/idp; keep it (cache it in CI) so the SP's trust survives runs")
      .default(DEFAULT_DATA_DIR)
      .env('SSO_HARNESS_DATA_DIR'),
  ];
}

function isHttpUrl(value: string): boolean {
  if (!URL.canParse(value)) return false;
  return ['http:', 'https:'].includes(new URL(value).protocol);
}

function isEmail(value: string): boolean {
  return /^[^\s@]+@[^\s@]+$/.test(value);
}

function integer(value: string | number, flag: string, min: number, max: number, problems: string[]): number {
  const raw = String(value);
  const n = Number(raw);
  if (!/^\d+$/.test(raw) || n < min || n > max) problems.push(`${flag} must be an integer from ${min} to ${max}, got "${raw}"`);
  return n;
}

export interface ParsedSamlOptions {
  /** undefined: the bundled reference SP. */
  readonly target: SamlCertifyTarget | undefined;
  readonly profile: Flags['profile'];
  readonly tags: string | undefined;
  readonly reportDir: string;
}

/** Checks every option at once; each problem names its flag. Returns what the run needs, or the problems. */
export function parseSamlFlags(flags: Flags): ParsedSamlOptions | { problems: string[] } {
  const problems: string[] = [];
  const given = (v: string | undefined): v is string => v !== undefined && v !== '';
  const timeoutMs = integer(flags.timeoutMs, '--timeout-ms', 100, 600_000, problems);
  const port = integer(flags.idpPort, '--idp-port', 0, 65_535, problems);
  if (flags.idpEntityId === '') problems.push('--idp-entity-id must not be empty');
  const base = { profile: flags.profile, tags: given(flags.tags) ? flags.tags : undefined, reportDir: flags.reportDir };

  const external = given(flags.spMetadata) || given(flags.spEntityId) || (flags.acs?.length ?? 0) > 0;
  if (!external) {
    // The bundled reference SP: the stage starts it and knows its own login, whoami and identities.
    const bySp = (['--login-url', '--whoami', '--whoami-json-path', '--whoami-match', '--user', '--victim', '--browser', '--browser-path'] as const).filter((flag) =>
      given(flags[camel(flag)] as string | undefined),
    );
    for (const flag of bySp) problems.push(`${flag} applies to an SP of yours: give --sp-metadata (or --sp-entity-id and --acs) too`);
    return problems.length > 0 ? { problems } : { ...base, target: undefined };
  }

  let spMetadata: SamlCertifyTarget['spMetadata'];
  if (given(flags.spMetadata) && (given(flags.spEntityId) || (flags.acs?.length ?? 0) > 0)) problems.push('--sp-metadata and --sp-entity-id/--acs are alternatives: give one');
  else if (given(flags.spMetadata)) {
    if (isHttpUrl(flags.spMetadata)) spMetadata = { url: flags.spMetadata };
    else if (existsSync(flags.spMetadata) && statSync(flags.spMetadata).isFile()) spMetadata = { file: flags.spMetadata };
    else problems.push(`--sp-metadata must be an http(s) URL or a readable file, got "${flags.spMetadata}"`);
  } else {
    if (!given(flags.spEntityId)) problems.push('--acs needs --sp-entity-id (or give --sp-metadata instead)');
    if ((flags.acs?.length ?? 0) === 0) problems.push('--sp-entity-id needs at least one --acs URL');
    for (const acs of flags.acs ?? []) if (!isHttpUrl(acs)) problems.push(`--acs must be an http(s) URL, got "${acs}"`);
  }
  if (given(flags.loginUrl) && !isHttpUrl(flags.loginUrl)) problems.push(`--login-url must be an http(s) URL, got "${flags.loginUrl}"`);
  if (given(flags.whoami) && !isHttpUrl(flags.whoami)) problems.push(`--whoami must be an http(s) URL, got "${flags.whoami}"`);
  if (given(flags.whoamiJsonPath) && given(flags.whoamiMatch)) problems.push('--whoami-json-path and --whoami-match are alternatives: give one');
  if (!given(flags.whoami)) {
    for (const flag of ['--whoami-json-path', '--whoami-match'] as const) if (given(flags[camel(flag)] as string | undefined)) problems.push(`${flag} needs --whoami`);
  }
  if (given(flags.whoamiMatch)) {
    try {
      new RegExp(flags.whoamiMatch);
    } catch {
      problems.push(`--whoami-match must be a regular expression, got "${flags.whoamiMatch}"`);
    }
  }
  for (const flag of ['--user', '--victim'] as const) {
    const value = flags[camel(flag)] as string | undefined;
    if (!given(value)) problems.push(`${flag} is required with an SP of yours (an email address)`);
    else if (!isEmail(value)) problems.push(`${flag} must be an email address, got "${value}"`);
  }
  if (given(flags.user) && given(flags.victim) && flags.user.toLowerCase() === flags.victim.toLowerCase()) problems.push('--victim must differ from --user');
  if (given(flags.browserPath) && !(existsSync(flags.browserPath) && statSync(flags.browserPath).isFile()))
    problems.push(`--browser-path must be an executable file, got "${flags.browserPath}"`);
  if (problems.length > 0) return { problems };

  const browserWanted = flags.browser === 'chromium' || given(flags.browserPath);
  const target: SamlCertifyTarget = {
    ...(spMetadata ? { spMetadata } : { spEntityId: flags.spEntityId!, acsUrls: flags.acs! }),
    ...(given(flags.loginUrl) ? { loginUrl: flags.loginUrl } : {}),
    ...(given(flags.whoami)
      ? {
          whoami: {
            url: flags.whoami,
            ...(given(flags.whoamiJsonPath) ? { jsonPath: flags.whoamiJsonPath } : {}),
            ...(given(flags.whoamiMatch) ? { match: flags.whoamiMatch } : {}),
          },
        }
      : {}),
    user: flags.user!,
    victim: flags.victim!,
    // The layout of `sso-harness start --data-dir`: the IdP's keys are in <data dir>/idp (cli/start/start-harness.ts).
    idp: { dataDir: join(flags.dataDir, 'idp'), port, entityId: flags.idpEntityId },
    timeoutMs,
    ...(browserWanted ? { browser: { kind: 'chromium' as const, ...(given(flags.browserPath) ? { executablePath: flags.browserPath } : {}) } } : {}),
  };
  return { ...base, target };
}

function camel(flag: string): keyof Flags {
  return flag.slice(2).replace(/-([a-z])/g, (_m, c: string) => c.toUpperCase()) as keyof Flags;
}

/** The browser to drive: the one given, else the first installed candidate; never a download. */
export function findBrowser(target: SamlCertifyTarget, candidates: readonly string[] = BROWSER_CANDIDATES): SamlCertifyTarget {
  if (!target.browser || target.browser.executablePath) return target;
  const found = candidates.find((path) => existsSync(path));
  if (!found) {
    throw new CommandFailure(
      'certify-saml/no-browser',
      `--browser chromium: no Chrome or Chromium found (looked for ${candidates.join(', ')}); install one (apt-get install -y chromium) or give --browser-path`,
    );
  }
  return { ...target, browser: { kind: 'chromium', executablePath: found } };
}

/** The SP's verdict on a failed test, for its progress line: " [the SP: accepted as bob@example.com]". */
function spVerdictSuffix(outcome: TestOutcome, facts: typeof import('../../certify/saml/report/facts.ts')): string {
  if (outcome.verdict !== 'fail' && outcome.verdict !== 'error') return '';
  const verdict = facts.samlEvidence(outcome.transcript).verdict;
  const said = verdict ? facts.describeVerdict(verdict) : undefined;
  // The step's own failure usually names the verdict already: say it once.
  return said && !(outcome.failure ?? '').includes(said) ? ` [the SP: ${said}]` : '';
}

export const definition: CommandDefinition = {
  path: ['certify', 'saml'],
  description: "certify a SAML 2.0 SP's ACS with the attack and conformance catalog and write HTML, JSON and junit reports",
  configure(cmd) {
    for (const o of options()) cmd.addOption(o);
    cmd.addHelpText(
      'after',
      [
        '',
        'The SP must trust the mock IdP whose metadata URL is printed first (its keys stay in --data-dir).',
        'Exit codes: 0 certified · 1 a MUST test failed, the baseline sign-in failed or the run broke · 2 bad options · 130 interrupted.',
      ].join('\n'),
    );
  },
  async run(cmd, io) {
    const parsed = parseSamlFlags(cmd.opts<Flags>());
    if ('problems' in parsed) usageError(cmd, parsed.problems.join('\n  '), 'certify/invalid-options');
    const { targetProblems } = await import('../../certify/saml/target.ts');
    const remaining = parsed.target === undefined ? [] : targetProblems(parsed.target);
    if (remaining.length > 0) usageError(cmd, remaining.join('\n  '), 'certify/invalid-options');
    const target = parsed.target === undefined ? undefined : findBrowser(parsed.target);

    const [{ progressLine, summaryLines }, { writeSamlReport }, { runSamlCertification, describeTarget }, facts] = await Promise.all([
      import('../../certify/progress.ts'),
      import('../../certify/saml/report/write.ts'),
      import('../../certify/saml/run.ts'),
      import('../../certify/saml/report/facts.ts'),
    ]);
    const certifying = `certifying ${describeTarget(target)} (profile ${parsed.profile}${target && !target.loginUrl ? ', IdP-initiated: no --login-url' : ''}${target && !target.whoami ? ', verdicts inferred: no --whoami' : ''})\n`;
    if (target === undefined) io.out(certifying);
    const interrupt = interruptOnSignals(io, 'no new tests');
    let run: SamlCertification;
    try {
      try {
        run = await runSamlCertification({
          target,
          profile: parsed.profile,
          tags: parsed.tags,
          signal: interrupt.signal,
          onIdpReady: (idp) => io.out(`the SP must trust the mock IdP ${idp.entityId}, metadata at ${idp.metadataUrl}\n${certifying}`),
          onTest: (outcome) => {
            if (outcome.verdict === 'interrupted' && outcome.transcript.length === 0) return;
            io.out(`${progressLine(outcome)}${spVerdictSuffix(outcome, facts)}\n`);
          },
        });
      } catch (error) {
        throw asFailure(error, target);
      }
      const report = await writeSamlReport(run, parsed.reportDir, packageVersion());
      const paths = [report.html, report.json, report.junit];
      if (run.baseline && !run.baseline.ok) {
        io.out(
          [
            '',
            `baseline FAILED: ${baselineLine(report.document.baseline)}`,
            'NOT CERTIFIED: the baseline sign-in failed, so no test ran',
            ...paths.map((p) => `report: ${p}`),
          ].join('\n') + '\n',
        );
        return 1;
      }
      io.out(`${summaryLines(run, paths).join('\n')}\n`);
      if (run.interrupted !== undefined) return 130;
      return report.document.certified ? 0 : 1;
    } finally {
      interrupt.dispose();
    }
  },
};

/** The baseline's diagnosis with its code in brackets, once. */
function baselineLine(baseline: { code: string | null; diagnosis: string | null } | null): string {
  const text = baseline?.diagnosis ?? 'the legitimate response did not sign the user in';
  const code = baseline?.code ?? 'certify-saml/baseline-failed';
  return text.includes(`[${code}]`) ? text : `${text} [${code}]`;
}

/** A failure before any test ran (the IdP port taken, the metadata unreachable) as one line with its code. */
function asFailure(error: unknown, target: SamlCertifyTarget | undefined): unknown {
  const e = error as NodeJS.ErrnoException & { code?: string };
  if (e?.code === 'EADDRINUSE' || e?.code === 'EACCES') {
    const port = target?.idp.port;
    return new CommandFailure(
      'certify-saml/idp-port-in-use',
      `the mock IdP cannot listen on port ${port} (--idp-port, ${e.code}): stop what listens there (npm start's IdP?), or choose another port; 0 picks a free one`,
    );
  }
  if (e?.code === 'certify-saml/metadata-unreachable' || e?.code === 'certify-saml/bad-metadata') return new CommandFailure(e.code, `${e.message} (nothing was run)`);
  return error;
}

export const command: Command = legacyCommand(definition);
