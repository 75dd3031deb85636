/*
 * sso-harness command line. Each sub-command lives in its own file under cli/commands and is loaded only
 * when it is asked for, so `sso-harness expression …` does not pay for starting SQLite or express.
 */
export interface Command {
  /** Usage line shown by `sso-harness help`. */
  readonly usage: string;
  /** Runs the command; resolves to the process exit code. */
  run(argv: string[]): Promise<number>;
}

const commands: Record<string, () => Promise<{ command: Command }>> = {
  start: () => import('./commands/start.ts'),
  'idp mint': () => import('./commands/idp-mint.ts'),
  'idp metadata': () => import('./commands/idp-metadata.ts'),
  provision: () => import('./commands/provision.ts'),
  expression: () => import('./commands/expression.ts'),
  'certify scim': () => import('./commands/certify-scim.ts'),
};

export async function main(argv: string[]): Promise<number> {
  const two = argv.slice(0, 2).join(' ');
  const name = commands[two] ? two : argv[0];
  if (!name || name === 'help' || name === '--help' || !commands[name]) {
    const lines = await Promise.all(Object.values(commands).map(async (load) => (await load()).command.usage));
    const out = name && !['help', '--help'].includes(name) ? process.stderr : process.stdout;
    out.write(`usage:\n${lines.map((l) => `  sso-harness ${l}`).join('\n')}\n`);
    return name && !['help', '--help'].includes(name) ? 2 : 0;
  }
  const { command } = await commands[name]!();
  return command.run(argv.slice(name.split(' ').length));
}
