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
import { parseArgs } from 'node:util';
import { compileExpression, ExpressionError, type AppRoleAssignment } from '../../mock-idp/scim-client/expressions/index.ts';
import type { Command } from '../main.ts';

const USAGE = "expression 'EXPR' [--user FILE.json] [--now ISO]";
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

async function loadUser(io: ExpressionCommandIo, path: string): Promise<Record<string, unknown>> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await io.readFile(path));
  } catch (e) {
    throw new UsageError(`cannot read user file ${path}: ${(e as Error).message}`);
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new UsageError(`user file ${path} must hold a JSON object of source attributes`);
  }
  return parsed as Record<string, unknown>;
}

class UsageError extends Error {}

export function createExpressionCommand(io: ExpressionCommandIo): Command {
  return {
    usage: USAGE,
    async run(argv) {
      let text: string;
      let source: Record<string, unknown> = {};
      let now: Date | undefined;
      try {
        const { values, positionals } = parseArgs({
          args: argv,
          options: { user: { type: 'string' }, now: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
          allowPositionals: true,
          strict: true,
        });
        if (values.help) {
          io.write(`usage: sso-harness ${USAGE}\n`);
          return 0;
        }
        if (positionals.length !== 1) throw new UsageError('expected exactly one expression (quote it)');
        text = positionals[0]!;
        if (values.user !== undefined) source = await loadUser(io, values.user);
        if (values.now !== undefined) {
          now = new Date(values.now);
          if (Number.isNaN(now.getTime())) throw new UsageError(`--now must be an ISO 8601 date-time, got "${values.now}"`);
        }
      } catch (e) {
        io.error(`sso-harness expression: ${(e as Error).message}\nusage: sso-harness ${USAGE}\n`);
        return 2;
      }
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

export const command: Command = createExpressionCommand(processIo);
