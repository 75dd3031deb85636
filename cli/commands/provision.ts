/*
 * sso-harness provision: runs provisioning cycles the way an IdP's SCIM client does — a dated behaviour profile
 * (`--client entra-2024|entra-2025|okta-2024|…`, or a family name for its newest profile; the list comes from
 * mock-idp/scim-client/profiles/) — from a fixture + mapping config into a SCIM endpoint, prints progress and a summary, writes the provisioning log (JSON + HTML) to a reports dir.
 * At scale: `--synthetic users=100000,groups=10000,members=200000` generates the directory instead of the config's;
 * `--quiet` prints cycles, not objects; the log keeps a window of recent exchanges, and `--exchanges-file` streams
 * every one to JSON Lines. The last line gives wall time, requests, requests/object, requests/s and peak RSS.
 * Exit codes: 0 all objects fine · 1 some object failed, Test Connection failed or the job is quarantined ·
 * 2 usage or configuration error (every problem printed with its path).
 */
import { resolve } from 'node:path';
import { InvalidArgumentError, Option } from 'commander';
import { parseSyntheticSpec } from '../../mock-idp/scim-client/directory/synthetic.ts';
import type { SyntheticSpec } from '../../mock-idp/scim-client/directory/synthetic.ts';
import { DEFAULT_PROFILE } from '../../mock-idp/scim-client/engine/create.ts';
import { profiles } from '../../mock-idp/scim-client/profiles/index.ts';
import type { Command } from '../main.ts';
import { positiveInteger } from './shared/option-parsers.ts';
import { legacyCommand, usageError, type CommandDefinition } from './shared/program.ts';

interface ProvisionFlags {
  config: string | undefined;
  url: string | undefined;
  token: string | undefined;
  client: string | undefined;
  cycles: number;
  dryRun: boolean;
  reportDir: string;
  synthetic: SyntheticSpec | undefined;
  quiet: boolean;
  exchangesFile: string | undefined;
}

/** `--synthetic users=N,groups=N,members=N`; a bad spec is a usage error naming the flag (exit 2). */
function syntheticSpec(value: string): SyntheticSpec {
  try {
    return parseSyntheticSpec(value);
  } catch (e) {
    throw new InvalidArgumentError((e as Error).message);
  }
}

export const definition: CommandDefinition = {
  path: ['provision'],
  description: "run an IdP's provisioning cycles (a dated client profile: Entra, Okta, …) from a fixture and mapping config into a SCIM endpoint",
  configure(cmd) {
    cmd
      .usage('--config <file> --url <url> --token <token> [options]')
      .addOption(new Option('--config <file>', 'required: the provisioning config: fixture users and groups, attribute mappings, settings (YAML/JSON)').env('PROVISION_CONFIG'))
      .addOption(new Option('--url <url>', 'required: the SCIM base URL to provision into').env('SCIM_BASE_URL'))
      .addOption(new Option('--token <token>', 'required: the bearer token for --url').env('SCIM_TOKEN'))
      .addOption(
        new Option(
          '--client <profile>',
          `whose provisioning client to behave like: a dated profile, or a family name for its newest (default: the config's client, else ${DEFAULT_PROFILE})`,
        ).choices(profiles.names),
      )
      .addOption(new Option('--cycles <n>', 'how many cycles to run (the first is initial, the rest incremental)').default(1).argParser(positiveInteger))
      .addOption(new Option('--dry-run', 'compute and log what would be sent without changing the endpoint').default(false))
      .addOption(new Option('--report-dir <dir>', 'where provisioning-log.{json,html} go').env('PROVISION_REPORT_DIR').default('reports/provisioning'))
      .addOption(
        new Option('--synthetic <spec>', "generate the directory instead of the config's: users=N,groups=N,members=N (memberships spread over the groups)").argParser(
          syntheticSpec,
        ),
      )
      .addOption(new Option('--quiet', 'print each cycle and the summary, not each object').default(false))
      .addOption(new Option('--exchanges-file <file>', 'also write every request and response to this file as JSON Lines (the reports keep the last 10,000)'));
  },
  async run(cmd, io) {
    const flags = cmd.opts<ProvisionFlags>();
    const env = { config: 'PROVISION_CONFIG', url: 'SCIM_BASE_URL', token: 'SCIM_TOKEN' } as const;
    const missing = (['config', 'url', 'token'] as const).filter((k) => !flags[k]);
    if (missing.length) usageError(cmd, `missing ${missing.map((m) => `--${m}`).join(', ')} (or ${missing.map((m) => env[m]).join(', ')})`, 'cli/missing-option');

    const { loadProvisioningConfig } = await import('../../mock-idp/scim-client/config/load.ts');
    const { createProvisioner } = await import('../../mock-idp/scim-client/engine/create.ts');
    const { ProvisioningError } = await import('../../mock-idp/scim-client/errors.ts');
    const { ProvisioningLog } = await import('../../mock-idp/scim-client/log/log.ts');
    const { syntheticDirectory } = await import('../../mock-idp/scim-client/directory/synthetic.ts');
    let p: ReturnType<typeof createProvisioner>;
    try {
      const spec = flags.synthetic;
      const loaded = loadProvisioningConfig(resolve(flags.config!));
      const config = spec ? { ...loaded, directory: syntheticDirectory(spec, loaded.directory.clock) } : loaded;
      const log = new ProvisioningLog(flags.exchangesFile ? { streamTo: resolve(flags.exchangesFile) } : {});
      p = createProvisioner({ config, log, url: flags.url!, token: flags.token!, ...(flags.client ? { client: flags.client } : {}), dryRun: flags.dryRun });
    } catch (e) {
      if (e instanceof ProvisioningError) {
        const problems = e.problems.map((problem) => `\n  - ${problem}`).join('');
        usageError(cmd, `--config ${flags.config}: ${e.code}: ${e.problems.length ? 'the configuration is invalid' : e.message}${problems}`, 'provision/invalid-config');
      }
      throw e;
    }
    const { engine, log, tenant, profile } = p;
    const patch = profile.family === 'entra' ? `, PATCH ${tenant.patch}` : '';
    io.out(`provisioning to ${tenant.base} as ${profile.name} (${profile.summary}${patch}${flags.dryRun ? ', dry run' : ''})\n`);
    if (!flags.quiet)
      log.onOutcome = (o) => io.out(`  [cycle ${o.cycle}] ${o.object.type} ${o.object.name}: ${o.outcome}${o.code ? ` ${o.code}` : ''}${o.reason ? ` (${o.reason})` : ''}\n`);

    let exit = 0;
    const started = process.hrtime.bigint();
    try {
      await engine.testConnection();
      io.out('Test Connection: ok\n');
      for (let i = 0; i < flags.cycles; i++) {
        const r = await engine.runCycle();
        io.out(
          `cycle ${r.cycle} (${r.kind}): ${Object.entries(r.summary)
            .map(([k, v]) => `${k} ${v}`)
            .join(', ')}; ${r.requests} requests\n`,
        );
        if (r.failed.length) exit = 1;
        if (r.quarantined) {
          io.out(`job quarantined: ${engine.quarantined?.reason}\n`);
          exit = 1;
          break;
        }
      }
    } catch (e) {
      if (!(e instanceof ProvisioningError)) throw e;
      io.err(`sso-harness provision: ${e.code}: ${e.message}\n`);
      exit = 1;
    } finally {
      log.close();
      const files = log.writeReports(resolve(flags.reportDir));
      io.out(`provisioning log: ${files.json}\n                  ${files.html}\n`);
    }
    const total = log.summary();
    io.out(
      `summary: ${Object.entries(total)
        .map(([k, v]) => `${k} ${v}`)
        .join(', ')}\n`,
    );
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const objects = Object.values(total).reduce((n, v) => n + v, 0);
    const requests = log.requestCount;
    io.out(
      `run: ${seconds.toFixed(1)} s, ${requests} requests, ${objects ? (requests / objects).toFixed(2) : '0'} requests/object, ` +
        `${Math.round(requests / Math.max(seconds, 1e-3))} requests/s, peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MiB\n`,
    );
    return exit;
  },
};

export const command: Command = legacyCommand(definition);
