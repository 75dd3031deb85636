/*
 * Child process for durability.test.ts: serves the SCIM router over a store on disk (group commit on, the
 * default for a file) and prints its base URL. The test kills it with SIGKILL.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { systemClock } from '../clock.ts';
import { resolveScimSection } from '../config/scim-section.ts';
import type { TenantConfig } from '../config/types.ts';
import { openStore, storePathFor } from '../store/open-store.ts';
import { createScimRouter } from './router.ts';

const [dataDir, token] = process.argv.slice(2) as [string, string];
const store = openStore({ path: storePathFor(dataDir) });
const server = createServer();
server.listen(0, '127.0.0.1');
await new Promise<void>((r) => server.once('listening', r));
const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const tenant: TenantConfig = {
  id: 'acme',
  profile: 'generic',
  saml: {} as TenantConfig['saml'],
  scim: resolveScimSection('generic', { tokens: [{ value: token }] }),
};
const app = express();
app.use(createScimRouter({ store, config: { baseUrl: origin, dataDir, tenants: [tenant] }, clock: systemClock }));
server.on('request', app);
process.stdout.write(`${origin}/scim/v2/acme\n`);
