/*
 * sso-harness idp oidc-discovery [--preset generic|okta|entra] [--authorization-server ID] [--tenant ID]
 *   [--base-url URL] [--data-dir DIR]
 * Prints the OpenID Provider discovery document (OpenID Connect Discovery 1.0 §3) of one of the mock IdP's issuers,
 * as `start` serves it at {issuer}/.well-known/openid-configuration: generic at the base URL, Okta at
 * /oauth2/{id}, Entra at /{tenant}/v2.0. Keys come from the data directory, so jwks_uri names the same key `start` uses.
 */
import { Option } from 'commander';
import type { Command } from '../main.ts';
import { addIdpOptions } from './idp-metadata.ts';
import { legacyCommand, type CommandDefinition } from './shared/program.ts';

export const OIDC_PRESET_CHOICES = ['generic', 'okta', 'entra'];

export interface IssuerFlags {
  preset: 'generic' | 'okta' | 'entra';
  authorizationServer: string | undefined;
  tenant: string | undefined;
}

/** --authorization-server (okta) and --tenant (entra), shared by `idp oidc-discovery` and `idp token`. */
export function addIssuerOptions(cmd: import('commander').Command): void {
  cmd
    .addOption(new Option('--authorization-server <id>', 'okta: the custom authorization server id').default('default'))
    .addOption(new Option('--tenant <id>', 'entra: the tenant id (default: the example tenant)'));
}

export function issuerOf(flags: IssuerFlags) {
  return {
    preset: flags.preset,
    authorizationServer: flags.preset === 'okta' ? flags.authorizationServer : undefined,
    tenantId: flags.preset === 'entra' ? flags.tenant : undefined,
  };
}

export const definition: CommandDefinition = {
  path: ['idp', 'oidc-discovery'],
  description: "print the discovery document of one of the mock IdP's OpenID Connect issuers",
  configure(cmd) {
    cmd.addOption(new Option('--preset <preset>', 'which issuer').choices(OIDC_PRESET_CHOICES).default('generic'));
    addIssuerOptions(cmd);
    addIdpOptions(cmd);
  },
  async run(cmd, io) {
    const flags = cmd.opts<IssuerFlags & { baseUrl: string; dataDir: string }>();
    const { createMockIdp, systemClock } = await import('../../mock-idp/index.ts');
    const { oidcDiscovery } = await import('../../mock-idp/oidc/in-process.ts');
    const idp = createMockIdp({ baseUrl: flags.baseUrl, dataDir: flags.dataDir, clock: systemClock });
    io.out(`${JSON.stringify(await oidcDiscovery(idp, issuerOf(flags)), null, 2)}\n`);
    return 0;
  },
};

export const command: Command = legacyCommand(definition);
