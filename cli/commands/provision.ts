import type { Command } from '../main.ts';

// Placeholder until this command is built: it says so and exits non-zero rather than pretending to work.
export const command: Command = {
  usage: 'provision --config FILE --url URL --token TOKEN [--client entra|okta] [--cycles N] [--dry-run]',
  async run() {
    process.stderr.write('sso-harness: this command is not built yet\n');
    return 2;
  },
};
