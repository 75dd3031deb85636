/*
 * sso-harness idp token --issuer-preset generic|okta|entra --client ID --user LOGIN [--deviation NAME]…
 *   [--scope SCOPES] [--authorization-server ID] [--tenant ID] [--base-url URL] [--data-dir DIR]
 * Runs one real sign-in at the mock OpenID Provider (authorization code + PKCE, the client registered as a
 * confidential client; for Okta with the groups filter `groups` / Matches regex `.*`) and prints the ID token the
 * client receives, with its decoded header and claims, as JSON. --deviation queues one of the OP's deviations
 * (docs/oidc-provider.md), e.g. `--deviation wrongIssuer`.
 * The directory holds the same users as `start` (cli/start/embedded-defaults.ts) plus any kept in the data dir.
 * - a deviation name that does not exist is a usage error naming the flag (exit 2, cli/invalid-value)
 * - the run failing (an unknown user: user/unknown; the OP refusing the code: oidc/token-refused) is exit 1, one
 *   line with the OP's stable code
 */
import { Option } from 'commander';
import type { Command } from '../main.ts';
import { addIdpOptions } from './idp-metadata.ts';
import { addIssuerOptions, type IssuerFlags, issuerOf, OIDC_PRESET_CHOICES } from './idp-oidc-discovery.ts';
import { collect } from './shared/option-parsers.ts';
import { legacyCommand, usageError, type CommandDefinition } from './shared/program.ts';

interface TokenFlags extends Omit<IssuerFlags, 'preset'> {
  issuerPreset: IssuerFlags['preset'];
  client: string;
  user: string;
  deviation: string[] | undefined;
  scope: string;
  baseUrl: string;
  dataDir: string;
}

export const definition: CommandDefinition = {
  path: ['idp', 'token'],
  description: 'sign a user in at the mock OpenID Provider and print the ID token a client receives (decoded)',
  configure(cmd) {
    cmd
      .usage('--issuer-preset <preset> --client <id> --user <login> [options]')
      .addOption(new Option('--issuer-preset <preset>', 'required: which issuer signs').choices(OIDC_PRESET_CHOICES).makeOptionMandatory())
      .addOption(new Option('--client <id>', "required: the client's client_id (the token's audience)").makeOptionMandatory())
      .addOption(new Option('--user <login>', 'required: login or email of a directory user').makeOptionMandatory())
      .addOption(new Option('--deviation <name>', 'a deviation for negative tests (repeatable), e.g. wrongIssuer, expired, algNone').argParser(collect))
      .addOption(new Option('--scope <scopes>', 'the scopes asked for').default('openid profile email'));
    addIssuerOptions(cmd);
    addIdpOptions(cmd);
  },
  async run(cmd, io) {
    const flags = cmd.opts<TokenFlags>();
    const { createMockIdp, systemClock, OIDC_DEVIATION_NAMES, OidcOpError } = await import('../../mock-idp/index.ts');
    for (const d of flags.deviation ?? []) {
      if (!(OIDC_DEVIATION_NAMES as readonly string[]).includes(d)) {
        usageError(cmd, `--deviation ${d}: unknown; one of ${OIDC_DEVIATION_NAMES.join(', ')}`, 'cli/invalid-value');
      }
    }
    const { mintIdToken } = await import('../../mock-idp/oidc/in-process.ts');
    const { DEFAULT_IDP_USERS } = await import('../start/embedded-defaults.ts');
    const idp = createMockIdp({ baseUrl: flags.baseUrl, dataDir: flags.dataDir, clock: systemClock, users: DEFAULT_IDP_USERS });
    try {
      const minted = await mintIdToken(idp, {
        issuer: issuerOf({ ...flags, preset: flags.issuerPreset }),
        clientId: flags.client,
        user: flags.user,
        deviations: flags.deviation,
        scope: flags.scope,
      });
      io.out(`${JSON.stringify({ id_token: minted.idToken, header: minted.header, claims: minted.claims }, null, 2)}\n`);
      return 0;
    } catch (e) {
      if (!(e instanceof OidcOpError)) throw e;
      io.err(`sso-harness idp token: ${e.message} [${e.code}]\n`);
      return 1;
    }
  },
};

export const command: Command = legacyCommand(definition);
