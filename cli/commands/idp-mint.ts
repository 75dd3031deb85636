import type { Command } from '../main.ts';

// Placeholder until this command is built: it says so and exits non-zero rather than pretending to work.
export const command: Command = {
  usage: 'idp mint --sp-entity-id ID --acs URL [--attribute name=value]… [--sign response|assertion|both|none] [--alg sha1|sha256|sha512] [--encrypt-to CERT.pem] --out FILE',
  async run() {
    process.stderr.write('sso-harness: this command is not built yet\n');
    return 2;
  },
};
