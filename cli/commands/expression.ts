/*
 * sso-harness expression 'EXPR' [--user FILE.json] [--now ISO]
 * Evaluates one attribute-mapping expression against a source user, like the Test pane of Entra's expression
 * builder, and prints the result as JSON (`null` when IgnoreFlowIfNullOrEmpty drops the attribute).
 * Exit codes:
 * - 0 the expression was evaluated
 * - 1 the expression is valid but failed for this user (expression/type, expression/value, expression/not-unique)
 * - 2 usage errors, an unreadable user file, or an invalid expression (syntax, unknown function, arity, placement);
 *   expression errors print the code, the message, the expression and a caret under the position
 */
import { readFile } from 'node:fs/promises';
import type { Command as Commander } from 'commander';
import type { AppRoleAssignment } from '../../mock-idp/scim-client/expressions/index.ts';
import type { Command } from '../main.ts';
import { isoDateTime } from './shared/option-parsers.ts';
import { buildProgram, usageError, type CommandDefinition } from './shared/program.ts';
import { packageVersion } from './shared/package-version.ts';

const COMPILE_TIME = new Set(['expression/syntax', 'expression/unknown-function', 'expression/arity', 'expression/placement']);

export interface ExpressionCommandIo {
  write(text: string): void;
  error(text: string): void;
  readFile(path: string): Promise<string>;
}

const processIo: ExpressionCommandIo = {
  write: (text) => void process.stdout.write(text),
  error: (text) => void process.stderr.write(text),
  readFile: (path) => readFile(path, 'utf8'),
};

/** The line of `text` holding `position`, with a caret under it (tabs kept so the caret lines up). */
export function caretUnder(text: string, position: number): string {
  const start = text.lastIndexOf('\n', position - 1) + 1;
  const endAt = text.indexOf('\n', position);
  const line = text.slice(start, endAt < 0 ? text.length : endAt);
  const pad = text.slice(start, position).replace(/[^\t]/g, ' ');
  return `  ${line}\n  ${pad}^\n`;
}

async function loadUser(cmd: Commander, io: Pick<ExpressionCommandIo, 'readFile'>, path: string): Promise<Record<string, unknown>> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await io.readFile(path));
  } catch (e) {
    usageError(cmd, `--user: cannot read user file ${path}: ${(e as Error).message}`, 'expression/usage');
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
    usageError(cmd, `--user: user file ${path} must hold a JSON object of source attributes`, 'expression/usage');
  }
  return parsed as Record<string, unknown>;
}

/** The command, reading user files with `files` and printing through the CLI's io. */
export function expressionDefinition(files: Pick<ExpressionCommandIo, 'readFile'> = processIo): CommandDefinition {
  return {
    path: ['expression'],
    description: "evaluate one Entra attribute-mapping expression against a source user, like Entra's Test pane",
    configure(cmd) {
      cmd
        .argument('[expr]', 'the expression; quote it: \'Join(".", [givenName], [surname])\'')
        .option('--user <file>', 'a JSON object of source attributes (userPrincipalName, givenName, …)')
        .option('--now <iso>', 'the time Now() returns (ISO 8601)', isoDateTime)
        .addHelpText(
          'after',
          '\nPrints the result as JSON; null when IgnoreFlowIfNullOrEmpty drops the attribute.\nExit codes: 0 evaluated · 1 valid but failed for this user · 2 usage error or invalid expression.',
        );
    },
    async run(cmd, cli) {
      const io = { write: cli.out, error: cli.err };
      const [text] = cmd.processedArgs as [string | undefined];
      const flags = cmd.opts<{ user?: string; now?: Date }>();
      if (text === undefined) usageError(cmd, 'expected exactly one expression (quote it)', 'expression/usage');
      const source = flags.user === undefined ? {} : await loadUser(cmd, files, flags.user);
      const now = flags.now;
      const { compileExpression, ExpressionError } = await import('../../mock-idp/scim-client/expressions/index.ts');
      try {
        const expr = compileExpression(text);
        const roles = source['appRoleAssignments'];
        const result = expr.evaluate({
          source,
          ...(now ? { now: () => now } : {}),
          ...(Array.isArray(roles) ? { appRoleAssignments: roles as AppRoleAssignment[] } : {}),
        });
        io.write(`${JSON.stringify(result.skip ? null : result.value)}\n`);
        if (result.skip) io.error('(IgnoreFlowIfNullOrEmpty: the attribute would be left out of the flow)\n');
        else if (result.redacted) io.error('(Redact: provisioning logs would show "[Redact]")\n');
        return 0;
      } catch (e) {
        if (!(e instanceof ExpressionError)) throw e;
        io.error(`${e.code} at position ${e.position}: ${e.message}\n${caretUnder(text, e.position)}`);
        return COMPILE_TIME.has(e.code) ? 2 : 1;
      }
    },
  };
}

export function createExpressionCommand(io: ExpressionCommandIo): Command {
  const def = expressionDefinition(io);
  const cliIo = { out: io.write, err: io.error };
  return {
    usage: 'expression [options] [expr]',
    run: (argv) => buildProgram([def], cliIo, () => packageVersion()).run(['expression', ...argv]),
  };
}

export const definition: CommandDefinition = expressionDefinition();
export const command: Command = createExpressionCommand(processIo);
