/*
 * Builds the commander program from command definitions and runs it in-process, returning the exit code:
 * - `--help` / `help [command]` / `<command> --help`: help on stdout, exit 0; `--version`: exit 0;
 * - every usage error (commander's own — unknown command with a suggestion, unknown option, a missing or invalid
 *   value — and a definition's `usageError`): the message, then the command's usage line, on stderr, exit 2;
 * - a CommandFailure thrown by a command: one line `sso-harness <command>: <message> [<code>]`, exit 1;
 * - anything else a command throws: one line with its message, exit 1 (the stack with SSO_HARNESS_DEBUG=1).
 * Nothing here calls process.exit: commander runs with exitOverride, so the caller decides what to do with the code.
 */
import { Command, CommanderError } from 'commander';
import { CommandFailure, type UsageCode } from './failure.ts';
import { processIo, type CliIo } from './io.ts';
import { packageVersion } from './package-version.ts';

export interface CommandDefinition {
  /** Words after `sso-harness`: `['start']`, `['idp', 'mint']`. */
  readonly path: readonly string[];
  /** One line, shown in `sso-harness --help`. */
  readonly description: string;
  /** Declares the arguments and options (each option's env fallback with `.env()`). */
  configure(cmd: Command): void;
  /** Runs the command with what commander parsed; resolves to the exit code. */
  run(cmd: Command, io: CliIo): Promise<number>;
}

/** Descriptions of command groups (`sso-harness idp …`). */
const GROUPS: Readonly<Record<string, string>> = {
  idp: "idp mint | idp metadata: the mock IdP's signed SAML responses and its metadata",
  certify: 'certify scim | certify saml: run the certification catalog against a SCIM 2.0 endpoint or a SAML 2.0 SP',
  load: 'load saml: a login storm of SP-initiated SAML sign-ins against an SP, with throughput and latency per leg',
};

/** Help text width: fixed, so the help (and docs/cli.md, generated from it) reads the same everywhere. */
export const HELP_WIDTH = 100;

/** Ends the command with a usage error naming `code` (exit 2): the message, then the command's usage line. */
export function usageError(cmd: Command, message: string, code: UsageCode): never {
  cmd.error(`error: ${message} [${code}]`, { code, exitCode: 2 });
  throw new Error('unreachable: commander.error returned');
}

export function commandName(cmd: Command): string {
  const names: string[] = [];
  for (let c: Command | null = cmd; c; c = c.parent) names.unshift(c.name());
  return names.join(' ');
}

function oneLine(text: string): string {
  return text.split('\n')[0]!.trim();
}

export interface Program {
  readonly program: Command;
  run(argv: readonly string[]): Promise<number>;
}

export function buildProgram(definitions: readonly CommandDefinition[], io: CliIo, version: () => string): Program {
  let exitCode = 0;
  const program = new Command('sso-harness')
    .description('Prove enterprise SAML 2.0 SSO and SCIM 2.0 provisioning work: a mock IdP, a reference SP and a Gherkin harness.')
    .version(version(), '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .helpCommand(false)
    .exitOverride()
    .showSuggestionAfterError(true)
    .configureOutput({ writeOut: io.out, writeErr: io.err, getOutHelpWidth: () => HELP_WIDTH, getErrHelpWidth: () => HELP_WIDTH });
  program.showHelpAfterError('(run "sso-harness --help" for the commands)');
  program.addHelpText('after', '\nExit codes: 0 success · 1 the command ran and failed · 2 usage error · 130 interrupted.');

  for (const def of definitions) {
    let parent = program;
    for (const group of def.path.slice(0, -1)) {
      parent =
        parent.commands.find((c) => c.name() === group) ??
        parent
          .command(group)
          .description(GROUPS[group] ?? group)
          .helpCommand(false);
      parent.showHelpAfterError(`(run "${commandName(parent)} --help" for its commands)`);
    }
    const cmd = parent.command(def.path.at(-1)!).description(def.description);
    def.configure(cmd);
    const name = commandName(cmd);
    cmd.showHelpAfterError(`usage: ${name} ${cmd.usage()}\n(run "${name} --help" for every option)`);
    cmd.action(async (...args: unknown[]) => {
      const self = args.at(-1) as Command;
      try {
        exitCode = await def.run(self, io);
      } catch (error) {
        if (error instanceof CommanderError) throw error;
        if (error instanceof CommandFailure) {
          io.err(`${name}: ${error.message} [${error.code}]\n`);
        } else {
          io.err(`${name}: ${oneLine((error as Error)?.message ?? String(error))} [cli/unexpected]\n`);
          if (process.env['SSO_HARNESS_DEBUG']) io.err(`${(error as Error)?.stack ?? ''}\n`);
        }
        exitCode = 1;
      }
    });
  }

  // `help idp mint` as well as `help start`: commander's own help command looks one level down only.
  program
    .command('help')
    .argument('[command...]', 'the command, e.g. "idp mint"')
    .description('show help for a command')
    .action((words: string[]) => {
      let target: Command = program;
      for (const word of words) {
        const next = target.commands.find((c) => c.name() === word || c.aliases().includes(word));
        if (!next) target.error(`error: unknown command '${word}'`, { code: 'commander.unknownCommand', exitCode: 2 });
        target = next!;
      }
      target.outputHelp();
    });

  return {
    program,
    async run(argv) {
      exitCode = 0;
      if (argv.length === 0) {
        program.outputHelp();
        return 0;
      }
      try {
        await program.parseAsync([...argv], { from: 'user' });
        return exitCode;
      } catch (error) {
        if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
        throw error;
      }
    },
  };
}

/**
 * The `{ usage, run(argv) }` shape each command module has always exported (tests and steps call it): runs one
 * definition as its own small program, with the same parsing and exit codes as `sso-harness <command> …`.
 */
export interface LegacyCommand {
  readonly usage: string;
  run(argv: string[]): Promise<number>;
}

export function legacyCommand(def: CommandDefinition, io: CliIo = processIo): LegacyCommand {
  const build = (): Program => buildProgram([def], io, () => packageVersion());
  return {
    get usage() {
      let cmd: Command = build().program;
      for (const word of def.path) cmd = cmd.commands.find((c) => c.name() === word)!;
      return `${def.path.join(' ')} ${cmd.usage()}`;
    },
    run: (argv) => build().run([...def.path, ...argv]),
  };
}
