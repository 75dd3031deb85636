/*
 * sso-harness provision: runs Entra-style (or Okta-style) provisioning cycles from a fixture + mapping config into
 * a SCIM endpoint, prints progress and a summary, writes the provisioning log (JSON + HTML) to a reports dir.
 * Exit codes: 0 all objects fine · 1 some object failed, Test Connection failed or the job is quarantined ·
 * 2 usage or configuration error (every problem printed with its path).
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Command } from '../main.ts';
import { loadProvisioningConfig } from '../../mock-idp/scim-client/config/load.ts';
import { createProvisioner } from '../../mock-idp/scim-client/engine/create.ts';
import { ProvisioningError } from '../../mock-idp/scim-client/errors.ts';

const usage = 'provision --config FILE --url URL --token TOKEN [--client entra|okta] [--cycles N] [--dry-run] [--report-dir DIR]';

function fail(message: string, problems: readonly string[] = []): number {
  process.stderr.write(`sso-harness provision: ${message}\n${problems.map((p) => `  - ${p}\n`).join('')}`);
  return 2;
}

export const command: Command = {
  usage,
  async run(argv) {
    let values;
    try {
      ({ values } = parseArgs({
        args: argv,
        options: {
          config: { type: 'string' },
          url: { type: 'string' },
          token: { type: 'string' },
          client: { type: 'string', default: 'entra' },
          cycles: { type: 'string', default: '1' },
          'dry-run': { type: 'boolean', default: false },
          'report-dir': { type: 'string', default: 'reports/provisioning' },
        },
        strict: true,
        allowPositionals: false,
      }));
    } catch (e) {
      return fail(`${(e as Error).message}\nusage: sso-harness ${usage}`);
    }
    const missing = (['config', 'url', 'token'] as const).filter((k) => !values[k]);
    if (missing.length) return fail(`missing ${missing.map((m) => `--${m}`).join(', ')}\nusage: sso-harness ${usage}`);
    if (values.client !== 'entra' && values.client !== 'okta') return fail(`--client must be entra or okta, not "${values.client}"`);
    if (!/^[1-9]\d*$/.test(values.cycles!)) return fail(`--cycles must be a positive integer, not "${values.cycles}"`);
    const cycles = Number(values.cycles);

    let p;
    try {
      const config = loadProvisioningConfig(resolve(values.config!));
      p = createProvisioner({ config, url: values.url!, token: values.token!, client: values.client, dryRun: values['dry-run']! });
    } catch (e) {
      if (e instanceof ProvisioningError) return fail(`${e.code}: ${e.problems.length ? 'the configuration is invalid' : e.message}`, e.problems);
      throw e;
    }
    const { engine, log, tenant } = p;
    const out = process.stdout;
    out.write(`provisioning to ${tenant.base} as ${values.client} (PATCH ${tenant.patch}${values['dry-run'] ? ', dry run' : ''})\n`);
    log.onOutcome = (o) => out.write(`  [cycle ${o.cycle}] ${o.object.type} ${o.object.name}: ${o.outcome}${o.code ? ` ${o.code}` : ''}${o.reason ? ` (${o.reason})` : ''}\n`);

    let exit = 0;
    try {
      await engine.testConnection();
      out.write('Test Connection: ok\n');
      for (let i = 0; i < cycles; i++) {
        const r = await engine.runCycle();
        out.write(`cycle ${r.cycle} (${r.kind}): ${Object.entries(r.summary).map(([k, v]) => `${k} ${v}`).join(', ')}; ${r.requests} requests\n`);
        if (r.failed.length) exit = 1;
        if (r.quarantined) {
          out.write(`job quarantined: ${engine.quarantined?.reason}\n`);
          exit = 1;
          break;
        }
      }
    } catch (e) {
      if (!(e instanceof ProvisioningError)) throw e;
      process.stderr.write(`sso-harness provision: ${e.code}: ${e.message}\n`);
      exit = 1;
    } finally {
      const files = log.writeReports(resolve(values['report-dir']!));
      out.write(`provisioning log: ${files.json}\n                  ${files.html}\n`);
    }
    const total = log.summary();
    out.write(`summary: ${Object.entries(total).map(([k, v]) => `${k} ${v}`).join(', ')}\n`);
    return exit;
  },
};
