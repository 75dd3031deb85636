/*
 * sso-harness start [--idp-port N] [--sp-port N] [--data-dir DIR] [--config FILE]
 * Runs the mock IdP and the reference SP on fixed loopback ports with the embedded defaults and prints where
 * everything is: the login page, both metadata URLs, each tenant's SCIM base URL and the token to use.
 */
import { parseArgs } from 'node:util';
import type { Command } from '../main.ts';
import { DEFAULT_DATA_DIR, DEFAULT_IDP_PORT, DEFAULT_SP_PORT } from '../start/embedded-defaults.ts';
import { startHarness, type RunningHarness } from '../start/start-harness.ts';

const usage = 'start [--idp-port N] [--sp-port N] [--data-dir DIR] [--config FILE]';

function port(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new Error(`--${name} must be a port number, not "${value}"`);
  return n;
}

export function describeHarness(h: RunningHarness): string {
  const lines = [
    'sso-harness is running',
    '',
    `  mock IdP        ${h.idpUrl}/            (login page: pick a user and sign in; the acme tenant accepts IdP-initiated sign-in)`,
    `  IdP metadata    ${h.idpUrl}/metadata`,
    `  reference SP    ${h.spUrl}`,
    `  admin token     ${h.adminToken}`,
    '',
    '  tenant       profile     SP metadata, SCIM base URL and SCIM token',
  ];
  for (const t of h.config.tenants) {
    lines.push(`  ${t.id.padEnd(12)} ${t.profile.padEnd(11)} ${h.spUrl}/saml/${t.id}/metadata`);
    lines.push(`  ${''.padEnd(24)} ${h.spUrl}/scim/v2/${t.id}   token ${h.scimTokens[t.id] ?? '(from your config)'}`);
  }
  const particle = h.config.tenants.find((t) => t.profile === 'particle' && t.scim.layout === 'particle');
  if (particle) lines.push(`  Particle layout  ${h.spUrl}/v1/orgs/${particle.scim.orgSlug ?? particle.id}/team/provision`);
  if (h.config.tenants.some((t) => t.scim.layout === 'ninjaone')) lines.push(`  NinjaOne layout  ${h.spUrl}/ws/scim/v2   (tenant from the token)`);
  const acme = h.scimTokens['acme'];
  if (acme) lines.push('', `  certify:  npx sso-harness certify scim --url ${h.spUrl}/scim/v2/acme --token ${acme}`);
  lines.push('  stop with Ctrl-C', '');
  return lines.join('\n');
}

export const command: Command = {
  usage,
  async run(argv) {
    let harness: RunningHarness;
    try {
      const { values } = parseArgs({
        args: argv,
        options: { 'idp-port': { type: 'string' }, 'sp-port': { type: 'string' }, 'data-dir': { type: 'string' }, config: { type: 'string' } },
        strict: true,
      });
      harness = await startHarness({
        idpPort: port(values['idp-port'], DEFAULT_IDP_PORT, 'idp-port'),
        spPort: port(values['sp-port'], DEFAULT_SP_PORT, 'sp-port'),
        dataDir: values['data-dir'] ?? DEFAULT_DATA_DIR,
        configFile: values.config,
      });
    } catch (error) {
      const problems = (error as { problems?: string[] }).problems;
      process.stderr.write(`sso-harness: ${(error as Error).message}\n${problems ? problems.map((p) => `  - ${p}\n`).join('') : ''}usage: sso-harness ${usage}\n`);
      return 2;
    }
    process.stdout.write(describeHarness(harness));
    await new Promise<void>((resolve) => {
      const stop = () => resolve();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    await harness.close();
    return 0;
  },
};
