import type { Command } from '../main.ts';

// Placeholder until this command is built: it says so and exits non-zero rather than pretending to work.
export const command: Command = {
  usage: 'start  [--idp-port N] [--sp-port N] [--data-dir DIR]',
  async run() {
    process.stderr.write('sso-harness: this command is not built yet\n');
    return 2;
  },
};
