/*
 * sso-harness command line, on commander: `sso-harness --help` lists every command with a description,
 * `<command> --help` shows its options with their env fallbacks and defaults, `--version` prints the package's
 * version, a mistyped command is "unknown command" with a suggestion. Exit codes: 0 success, 1 the command ran and
 * failed (a port in use, an endpoint that cannot be reached: one line naming what), 2 usage errors only, 130
 * interrupted. Each command is defined in its own file under cli/commands; what a command needs to run (SQLite,
 * express, cucumber) is imported only when it runs, so `sso-harness expression …` does not pay for the rest.
 */
import { definition as certifySaml } from './commands/certify-saml.ts';
import { definition as certifyScim } from './commands/certify-scim.ts';
import { definition as expression } from './commands/expression.ts';
import { definition as idpMetadata } from './commands/idp-metadata.ts';
import { definition as idpMint } from './commands/idp-mint.ts';
import { definition as idpOidcDiscovery } from './commands/idp-oidc-discovery.ts';
import { definition as idpToken } from './commands/idp-token.ts';
import { definition as loadSaml } from './commands/load-saml.ts';
import { definition as provision } from './commands/provision.ts';
import { buildProgram, type CommandDefinition } from './commands/shared/program.ts';
import { processIo, type CliIo } from './commands/shared/io.ts';
import { packageVersion } from './commands/shared/package-version.ts';
import { definition as start } from './commands/start.ts';

export type { CliIo } from './commands/shared/io.ts';

/** The shape each command module still exports as `command` (`command.run(argv)` runs that command alone). */
export interface Command {
  /** Usage line, e.g. `idp mint [options]`. */
  readonly usage: string;
  /** Runs the command; resolves to the process exit code. */
  run(argv: string[]): Promise<number>;
}

/** Every command, in the order `sso-harness --help` lists them. */
export const COMMANDS: readonly CommandDefinition[] = [start, certifyScim, certifySaml, loadSaml, provision, expression, idpMint, idpMetadata, idpToken, idpOidcDiscovery];

/**
 * Runs the CLI with `argv` (the arguments after `sso-harness`) and resolves to the exit code; never calls
 * process.exit. `io` defaults to the process's stdout and stderr.
 */
export async function main(argv: string[], io: CliIo = processIo): Promise<number> {
  return buildProgram(COMMANDS, io, () => packageVersion(import.meta.url)).run(argv);
}
