/*
 * sso-harness idp metadata [--base-url URL] [--data-dir DIR]
 * Prints the mock IdP's metadata. Keys come from the data directory (generated there on first use), so the
 * certificate printed is the one `idp mint` and `start` sign with.
 */
import { parseArgs } from 'node:util';
import type { Command } from '../main.ts';
import { createMockIdp, systemClock } from '../../mock-idp/index.ts';

export const DEFAULT_IDP_BASE_URL = 'http://127.0.0.1:7000';
export const DEFAULT_IDP_DATA_DIR = '.data/idp';

const usage = 'idp metadata [--base-url URL] [--data-dir DIR]';

export const command: Command = {
  usage,
  async run(argv) {
    let values: { 'base-url'?: string; 'data-dir'?: string };
    try {
      ({ values } = parseArgs({
        args: argv,
        options: { 'base-url': { type: 'string' }, 'data-dir': { type: 'string' } },
        strict: true,
        allowPositionals: false,
      }));
      if (values['base-url'] !== undefined) new URL(values['base-url']);
    } catch (e) {
      process.stderr.write(`sso-harness: ${(e as Error).message}\nusage: sso-harness ${usage}\n`);
      return 2;
    }
    const idp = createMockIdp({
      baseUrl: values['base-url'] ?? DEFAULT_IDP_BASE_URL,
      dataDir: values['data-dir'] ?? DEFAULT_IDP_DATA_DIR,
      clock: systemClock,
    });
    process.stdout.write(idp.metadataXml());
    return 0;
  },
};
