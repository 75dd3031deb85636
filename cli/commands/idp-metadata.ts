/*
 * sso-harness idp metadata [--base-url URL] [--data-dir DIR]
 * Prints the mock IdP's metadata. Keys come from the data directory (generated there on first use), so the
 * certificate printed is the one `idp mint` and `start` sign with.
 */
import { Option, type Command as Commander } from 'commander';
import type { Command } from '../main.ts';
import { absoluteUrl } from './shared/option-parsers.ts';
import { legacyCommand, type CommandDefinition } from './shared/program.ts';

export const DEFAULT_IDP_BASE_URL = 'http://127.0.0.1:7000';
export const DEFAULT_IDP_DATA_DIR = '.data/idp';

/** --base-url and --data-dir, shared by `idp metadata` and `idp mint` so both find the same keys. */
export function addIdpOptions(cmd: Commander): Commander {
  return cmd
    .addOption(
      new Option('--base-url <url>', "the IdP's base URL (its entityID is <url>/metadata)").env('SSO_HARNESS_IDP_BASE_URL').default(DEFAULT_IDP_BASE_URL).argParser(absoluteUrl),
    )
    .addOption(new Option('--data-dir <dir>', "where the IdP's signing keys are kept (made on first use)").env('SSO_HARNESS_IDP_DATA_DIR').default(DEFAULT_IDP_DATA_DIR));
}

export const definition: CommandDefinition = {
  path: ['idp', 'metadata'],
  description: "print the mock IdP's SAML metadata (the certificate idp mint and start sign with)",
  configure(cmd) {
    addIdpOptions(cmd);
  },
  async run(cmd, io) {
    const { baseUrl, dataDir } = cmd.opts<{ baseUrl: string; dataDir: string }>();
    const { createMockIdp, systemClock } = await import('../../mock-idp/index.ts');
    const idp = createMockIdp({ baseUrl, dataDir, clock: systemClock });
    io.out(idp.metadataXml());
    return 0;
  },
};

export const command: Command = legacyCommand(definition);
