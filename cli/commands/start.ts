/*
 * sso-harness start [--idp-port N] [--sp-port N] [--data-dir DIR] [--config FILE]
 * Runs the mock IdP and the reference SP on fixed loopback ports with the embedded defaults and prints where
 * everything is: the login page, both metadata URLs, each tenant's SCIM base URL and the token to use.
 * - a port that is taken (EADDRINUSE) or not allowed (EACCES) is a run-time failure: one line naming the port and
 *   its flag, exit 1 (start/port-in-use, start/port-not-allowed);
 * - an invalid --config file is a usage error listing every problem with its path, exit 2.
 */
import { hasSaml } from '../../reference-sp/config/oidc-only.ts';
import { Option, type Command as Commander } from 'commander';
import type { Command } from '../main.ts';
import { DEFAULT_DATA_DIR, DEFAULT_IDP_PORT, DEFAULT_SP_PORT } from '../start/embedded-defaults.ts';
import type { RunningHarness } from '../start/start-harness.ts';
import { CommandFailure } from './shared/failure.ts';
import { portNumber } from './shared/option-parsers.ts';
import { legacyCommand, usageError, type CommandDefinition } from './shared/program.ts';

/** What `start` prints; `dataDir` is the one it was started with (certify saml must read the same IdP keys). */
export function describeHarness(h: RunningHarness, dataDir: string = DEFAULT_DATA_DIR): string {
  const lines = [
    'sso-harness is running',
    '',
    `  mock IdP        ${h.idpUrl}/            (login page: pick a user and sign in; the acme tenant accepts IdP-initiated sign-in)`,
    `  IdP metadata    ${h.idpUrl}/metadata`,
    `  reference SP    ${h.spUrl}/            (landing page: every tenant's Sign in link, metadata and SCIM URL)`,
    `  admin token     ${h.adminToken}`,
    '',
    '  tenant       profile     SP metadata, SCIM base URL and SCIM token',
  ];
  for (const t of h.config.tenants) {
    lines.push(`  ${t.id.padEnd(12)} ${t.profile.padEnd(11)} ${hasSaml(t) ? `${h.spUrl}/saml/${t.id}/metadata` : '(OpenID Connect only: no SAML metadata)'}`);
    lines.push(`  ${''.padEnd(24)} ${h.spUrl}/scim/v2/${t.id}   token ${h.scimTokens[t.id] ?? '(from your config)'}`);
  }
  const particle = h.config.tenants.find((t) => t.profile === 'particle' && t.scim.layout === 'particle');
  if (particle) lines.push(`  Particle layout  ${h.spUrl}/v1/orgs/${particle.scim.orgSlug ?? particle.id}/team/provision`);
  if (h.config.tenants.some((t) => t.scim.layout === 'ninjaone')) lines.push(`  NinjaOne layout  ${h.spUrl}/ws/scim/v2   (tenant from the token)`);
  for (const [tenant, users] of Object.entries(h.seededUsers)) {
    if (users.length > 0) lines.push(`  seeded ${tenant}: ${users.join(', ')} (this tenant signs in only provisioned users)`);
  }
  for (const o of h.oidc) {
    lines.push('', `  OpenID Connect  ${o.tenant}: sign in ${o.signIn}`, `  ${''.padEnd(16)}Test Connection ${o.testConnection}`, `  ${''.padEnd(16)}OP discovery ${o.discovery}`);
  }
  const acme = h.scimTokens['acme'];
  if (acme) lines.push('', `  certify:  npx sso-harness certify scim --url ${h.spUrl}/scim/v2/acme --token ${acme}`);
  if (h.config.tenants.some((t) => t.id === 'acme')) {
    const saml = `${h.spUrl}/saml/acme`;
    // The IdP the SP trusts is named by its entity ID and keyed in the data dir: certify saml must use both.
    const idp = `${dataDir === DEFAULT_DATA_DIR ? '' : ` --data-dir ${dataDir}`}${h.idpUrl === `http://127.0.0.1:${DEFAULT_IDP_PORT}` ? '' : ` --idp-entity-id ${h.idp.entityId}`}`;
    lines.push(
      `            npx sso-harness certify saml --sp-metadata ${saml}/metadata --login-url ${saml}/login --whoami ${saml}/me --whoami-json-path user.userName --user alice@example.com --victim bob@example.com${idp}`,
    );
  }
  lines.push('  stop with Ctrl-C', '');
  return lines.join('\n');
}

interface StartFlags {
  idpPort: number;
  spPort: number;
  dataDir: string;
  config: string | undefined;
}

/** A listen error of Node's (`EADDRINUSE`, `EACCES`) on one of the two ports, as a one-line failure naming it. */
export function listenFailure(error: unknown, flags: Pick<StartFlags, 'idpPort' | 'spPort'>): CommandFailure | undefined {
  const e = error as NodeJS.ErrnoException & { port?: number };
  if (e?.code !== 'EADDRINUSE' && e?.code !== 'EACCES') return undefined;
  const port = e.port ?? (e.message.match(/:(\d+)\s*$/)?.[1] !== undefined ? Number(e.message.match(/:(\d+)\s*$/)![1]) : undefined);
  const flag = port === flags.idpPort ? '--idp-port' : port === flags.spPort ? '--sp-port' : '--idp-port/--sp-port';
  if (e.code === 'EADDRINUSE') {
    return new CommandFailure('start/port-in-use', `port ${port ?? '?'} is already in use (${flag}): stop what listens there, or choose another port with ${flag}`);
  }
  return new CommandFailure('start/port-not-allowed', `not allowed to listen on port ${port ?? '?'} (${flag}, EACCES): choose a port above 1023 with ${flag}`);
}

export const definition: CommandDefinition = {
  path: ['start'],
  description: 'run the mock IdP and the reference SP on loopback ports and print every URL and token',
  configure(cmd: Commander) {
    cmd
      .addOption(new Option('--idp-port <port>', 'mock IdP port (0 picks a free port)').env('SSO_HARNESS_IDP_PORT').default(DEFAULT_IDP_PORT).argParser(portNumber))
      .addOption(new Option('--sp-port <port>', 'reference SP port (0 picks a free port)').env('SSO_HARNESS_SP_PORT').default(DEFAULT_SP_PORT).argParser(portNumber))
      .addOption(new Option('--data-dir <dir>', 'where keys, tokens and the SP database are kept').env('SSO_HARNESS_DATA_DIR').default(DEFAULT_DATA_DIR))
      .addOption(new Option('--config <file>', 'a reference SP config file (YAML/JSON) whose tenants replace the embedded ones').env('SSO_HARNESS_CONFIG'))
      .addHelpText('after', '\nThe admin token comes from SSO_HARNESS_ADMIN_TOKEN, else from the data directory.');
  },
  async run(cmd, io) {
    const flags = cmd.opts<StartFlags>();
    const { startHarness } = await import('../start/start-harness.ts');
    let harness: RunningHarness;
    try {
      harness = await startHarness({ idpPort: flags.idpPort, spPort: flags.spPort, dataDir: flags.dataDir, configFile: flags.config });
    } catch (error) {
      const failure = listenFailure(error, flags);
      if (failure) throw failure;
      if (flags.config !== undefined && (error as NodeJS.ErrnoException).code === 'ENOENT') {
        usageError(cmd, `--config ${flags.config}: no such file`, 'start/invalid-config');
      }
      const problems = (error as { problems?: string[] }).problems;
      if (problems) usageError(cmd, `--config ${flags.config ?? ''}: ${(error as Error).message}\n${problems.map((p) => `  - ${p}`).join('\n')}`, 'start/invalid-config');
      throw error;
    }
    io.out(describeHarness(harness, flags.dataDir));
    await new Promise<void>((resolve) => {
      const stop = () => resolve();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    await harness.close();
    return 0;
  },
};

export const command: Command = legacyCommand(definition);
