/*
 * `sso-harness load saml`: a login storm against a vendor's SAML SP (docs/load.md). Drives --rate SP-initiated
 * sign-ins per second for --duration, each a fresh browser (cookie jar) that follows --login-url to the
 * AuthnRequest, has the embedded mock IdP mint the answer in-process and posts it to the ACS (load/saml/).
 * - the SP options are certify saml's, reused with their env fallbacks (--sp-metadata or --sp-entity-id + --acs,
 *   --login-url, --whoami*, --user, --timeout-ms, --idp-port, --idp-entity-id, --data-dir) and checked by the same
 *   parser (parseSamlFlags); --login-url and --user are required here;
 * - every problem with the options is reported at once, each naming its flag, exit 2, before anything is sent;
 * - the report: a table on stdout, load.json and load.html (with the per-second chart) in --out.
 * Exit codes: 0 the run completed within --max-error-rate, 1 more sign-ins failed than that (or the run broke),
 * 2 bad options, 130 interrupted (SIGINT/SIGTERM: arrivals stop, requests in flight are aborted, the report is
 * still written; a second signal exits at once).
 */
import { Option } from 'commander';
import type { SamlCertifyTarget } from '../../certify/saml/contract.ts';
import type { Command } from '../main.ts';
import { options as certifySamlOptions, parseSamlFlags, type Flags as SamlFlags } from './certify-saml.ts';
import { CommandFailure } from './shared/failure.ts';
import { interruptOnSignals } from './shared/interrupt-signals.ts';
import { packageVersion } from './shared/package-version.ts';
import { type CommandDefinition, legacyCommand, usageError } from './shared/program.ts';

/** The certify saml options that describe the SP and the embedded IdP; the attack options do not apply. */
const SP_FLAGS = [
  '--sp-metadata',
  '--sp-entity-id',
  '--acs',
  '--login-url',
  '--whoami',
  '--whoami-json-path',
  '--whoami-match',
  '--user',
  '--timeout-ms',
  '--idp-port',
  '--idp-entity-id',
  '--data-dir',
];
/** certify's target names an identity attacks try to become; a load run makes no attack, so this one is never signed. */
const NO_VICTIM = 'no-victim@sso-harness.invalid';

/** What the shared SP options mean in a load run, where certify's wording (attacks, verdicts) does not fit. */
const LOAD_WORDING: Readonly<Record<string, string>> = {
  '--sp-metadata': "the SP's metadata (URL or file): entity ID, ACS URLs, certificates, WantAssertionsSigned",
  '--login-url': "the SP's sign-in URL that sends an AuthnRequest (required: every sign-in is SP-initiated)",
  '--whoami': 'a URL that says who is signed in, checked after each sign-in; without it, an ACS answer below 400 counts as signed in',
  '--user': 'the identity every sign-in signs in (required; the SP must accept it, or create it just in time)',
};

export const LIMITS = { rate: [1, 10_000], durationMs: [1000, 3_600_000], connections: [1, 1024] } as const;

interface Flags extends Omit<SamlFlags, 'victim' | 'profile' | 'tags' | 'reportDir' | 'browser' | 'browserPath'> {
  rate: string | number;
  duration: string;
  connections: string | number;
  maxErrorRate: string | number;
  out: string;
}

function loadOptions(): Option[] {
  return [
    new Option('--rate <n/s>', 'sign-ins started per second, 1 to 10000 ("50" or "50/s")').default('10/s').env('LOAD_RATE'),
    new Option('--duration <time>', 'how long arrivals go on, 1s to 1h ("90s", "5m", "1h"; a bare number is seconds)').default('60s').env('LOAD_DURATION'),
    new Option('--connections <n>', 'keep-alive connections per origin, 1 to 1024 (at most 4 sign-ins in flight per connection)').default(16).env('LOAD_CONNECTIONS'),
    new Option('--max-error-rate <percent>', 'the share of failed sign-ins above which the run fails (exit 1), 0 to 100').default('1%').env('LOAD_MAX_ERROR_RATE'),
    new Option('--out <dir>', 'where load.json and load.html go').default('reports/load').env('LOAD_OUT'),
  ];
}

const UNIT_MS: Readonly<Record<string, number>> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

export interface ParsedLoadOptions {
  readonly target: SamlCertifyTarget & { readonly loginUrl: string };
  readonly rate: number;
  readonly durationMs: number;
  readonly connections: number;
  readonly maxErrorRate: number;
  readonly out: string;
}

function within(value: number, [min, max]: readonly [number, number]): boolean {
  return Number.isFinite(value) && value >= min && value <= max;
}

/** Checks every option at once; each problem names its flag. */
export function parseLoadFlags(flags: Flags): ParsedLoadOptions | { problems: string[] } {
  const problems: string[] = [];
  const rate = /^\s*(\d+)\s*(\/s)?\s*$/.exec(String(flags.rate));
  if (!rate || !within(Number(rate[1]), LIMITS.rate)) problems.push(`--rate must be a whole number of sign-ins per second from 1 to 10000, got "${flags.rate}"`);
  const duration = /^\s*(\d+)\s*(ms|s|m|h)?\s*$/.exec(flags.duration);
  const durationMs = duration ? Number(duration[1]) * UNIT_MS[duration[2] ?? 's']! : Number.NaN;
  if (!within(durationMs, LIMITS.durationMs)) problems.push(`--duration must be from 1s to 1h (e.g. 60s, 5m), got "${flags.duration}"`);
  const connections = /^\d+$/.test(String(flags.connections)) ? Number(flags.connections) : Number.NaN;
  if (!within(connections, LIMITS.connections)) problems.push(`--connections must be an integer from 1 to 1024, got "${flags.connections}"`);
  const errorRate = /^\s*(\d+(\.\d+)?)\s*%?\s*$/.exec(String(flags.maxErrorRate));
  if (!errorRate || Number(errorRate[1]) > 100) problems.push(`--max-error-rate must be a percentage from 0 to 100, got "${flags.maxErrorRate}"`);
  if (flags.out === '') problems.push('--out must name a directory');

  const given = (v: string | undefined) => v !== undefined && v !== '';
  // Without an SP, certify's parser would fall back to the bundled reference SP, which a load run does not start:
  // the SP options are checked by it only when an SP is given.
  const sp =
    given(flags.spMetadata) || given(flags.spEntityId) || (flags.acs?.length ?? 0) > 0
      ? parseSamlFlags({ ...flags, victim: NO_VICTIM, profile: 'core', reportDir: flags.out })
      : undefined;
  if (sp === undefined) problems.push('--sp-metadata is required (or --sp-entity-id with --acs): the SP under load');
  else if (!given(flags.loginUrl)) problems.push('--login-url is required: a load run signs in SP-initiated');
  // --victim is not an option here (NO_VICTIM stands in): nothing about it can be the user's to fix.
  if (sp !== undefined && 'problems' in sp) problems.push(...sp.problems.filter((p) => !p.startsWith('--victim')));
  if (problems.length > 0 || sp === undefined || 'problems' in sp || sp.target === undefined) return { problems };
  return {
    target: { ...sp.target, loginUrl: sp.target.loginUrl! },
    rate: Number(rate![1]),
    durationMs,
    connections,
    maxErrorRate: Number(errorRate![1]) / 100,
    out: flags.out,
  };
}

export const definition: CommandDefinition = {
  path: ['load', 'saml'],
  description: 'drive a login storm of SP-initiated SAML sign-ins against an SP at a fixed rate and report throughput, per-leg latency and error codes',
  configure(cmd) {
    for (const o of certifySamlOptions().filter((o) => SP_FLAGS.includes(o.long!))) {
      o.description = LOAD_WORDING[o.long!] ?? o.description;
      cmd.addOption(o);
    }
    for (const o of loadOptions()) cmd.addOption(o);
    cmd.addHelpText(
      'after',
      [
        '',
        'The SP must trust the mock IdP whose metadata URL is printed first (its keys stay in --data-dir); the IdP mints in this process.',
        'Exit codes: 0 completed within --max-error-rate · 1 more sign-ins failed (or the run broke) · 2 bad options · 130 interrupted.',
      ].join('\n'),
    );
  },
  async run(cmd, io) {
    const parsed = parseLoadFlags(cmd.opts<Flags>());
    if ('problems' in parsed) usageError(cmd, parsed.problems.join('\n  '), 'cli/invalid-value');
    const [{ runLoadSaml }, { formatLoadTable }, { writeLoadReport }] = await Promise.all([
      import('../../load/saml/run.ts'),
      import('../../load/saml/report/table.ts'),
      import('../../load/saml/report/write.ts'),
    ]);
    const interrupt = interruptOnSignals(io, 'no new sign-ins, writing the report');
    try {
      let result: Awaited<ReturnType<typeof runLoadSaml>>;
      try {
        result = await runLoadSaml({
          ...parsed,
          signal: interrupt.signal,
          onIdpReady: (idp) =>
            io.out(
              `the SP must trust the mock IdP ${idp.entityId}, metadata at ${idp.metadataUrl}\nload: ${parsed.rate}/s for ${parsed.durationMs / 1000} s against ${parsed.target.loginUrl}\n`,
            ),
          onProgress: (p) => io.err(`  ${p.second}s: ${p.offered} offered, ${p.completed} signed in, ${p.errors} failed, ${p.inFlight} in flight\n`),
        });
      } catch (error) {
        throw asFailure(error, parsed.target);
      }
      const report = await writeLoadReport(result, parsed.out, packageVersion());
      io.out(`\n${formatLoadTable(result)}\n\nreport: ${report.html}\nreport: ${report.json}\n`);
      if (result.wasInterrupted) return 130;
      if (!result.passed) {
        io.out(`FAILED: ${(result.errorRate * 100).toFixed(2)}% of sign-ins failed, more than --max-error-rate ${(parsed.maxErrorRate * 100).toFixed(2)}%\n`);
        return 1;
      }
      return 0;
    } finally {
      interrupt.dispose();
    }
  },
};

/** A failure before any sign-in (the IdP port taken, the metadata unreachable) as one line with its code. */
function asFailure(error: unknown, target: SamlCertifyTarget): unknown {
  const e = error as NodeJS.ErrnoException & { code?: string };
  if (e?.code === 'EADDRINUSE' || e?.code === 'EACCES')
    return new CommandFailure('certify-saml/idp-port-in-use', `the mock IdP cannot listen on port ${target.idp.port} (--idp-port, ${e.code}); 0 picks a free one`);
  if (e?.code === 'certify-saml/metadata-unreachable' || e?.code === 'certify-saml/bad-metadata') return new CommandFailure(e.code, `${e.message} (nothing was sent)`);
  return error;
}

export const command: Command = legacyCommand(definition);
