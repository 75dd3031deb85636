/*
 * Starts one SCIM server for the benchmark in its own process, so the load generator does not share its event
 * loop: `node --import tsx bench/scim-servers.ts reference|scimmy|bare`. Prints one JSON line
 * `{ "baseUrl", "token" }` when listening.
 *
 * - reference: the reference SP's SCIM router, SQLite on disk in BENCH_DATA_DIR (WAL, synchronous=FULL);
 *   BENCH_PROFILE=ninjaone serves a strict NinjaOne tenant at /ws/scim/v2 instead of a generic one;
 *   BENCH_SEED_USERS=n pre-creates n users (bench-seed-{i}@example.com) straight through the store.
 * - scimmy: scimmy + scimmy-routers with the in-memory handlers the scenarios use (steps/support/scim).
 * - bare: node:http answering every request with a fixed small JSON body: the ceiling of the machine.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import express from 'express';
import { systemClock } from '../reference-sp/clock.ts';
import { resolveScimSection } from '../reference-sp/config/scim-section.ts';
import type { ReferenceSpConfig, TenantConfig } from '../reference-sp/config/types.ts';
import { createScimRouter } from '../reference-sp/scim/router.ts';
import { createReadyServer } from '../reference-sp/server/http-server.ts';
import { openStore, storePathFor } from '../reference-sp/store/open-store.ts';
import { startScimmyServer } from '../steps/support/scim/scimmy-server.ts';

export const BENCH_TOKEN = 'bench-token-0000000000000000000001';

async function reference(): Promise<{ baseUrl: string; token: string }> {
  const dataDir = process.env['BENCH_DATA_DIR'];
  if (!dataDir) throw new Error('BENCH_DATA_DIR is required');
  const store = openStore({ path: storePathFor(dataDir) });
  const seed = Number(process.env['BENCH_SEED_USERS'] ?? 0);
  // Listens first (the tenant's base URL needs the port) and answers 503 until the router is ready, never a hang.
  const server = createReadyServer();
  const origin = `http://127.0.0.1:${await server.listen(0, '127.0.0.1')}`;
  // BENCH_PROFILE=ninjaone serves NinjaOne's layout (/ws/scim/v2, ninjaone extension) in strict mode, for the
  // Entra provisioning benchmark; the default is a generic lenient tenant at /scim/v2/bench.
  const ninjaone = process.env['BENCH_PROFILE'] === 'ninjaone';
  const tenant: TenantConfig = {
    id: 'bench',
    profile: ninjaone ? 'ninjaone' : 'generic',
    saml: {} as TenantConfig['saml'],
    // No rate limit: the benchmark measures what the server can do, not what a tenant is allowed.
    scim: resolveScimSection(ninjaone ? 'ninjaone' : 'generic', {
      tokens: [{ value: BENCH_TOKEN }],
      mode: ninjaone ? 'strict' : 'lenient',
      rateLimit: false,
    }),
  };
  const config: ReferenceSpConfig = { baseUrl: origin, dataDir, tenants: [tenant] };
  const app = express();
  app.use(createScimRouter({ store, config, clock: systemClock }));
  server.ready(app);
  if (seed > 0) {
    store.transaction(() => {
      for (let i = 0; i < seed; i++) {
        const userName = `bench-seed-${i}@example.com`;
        store.insertUser('bench', {
          userName,
          externalId: `seed-${i}`,
          active: true,
          resource: {
            schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
            userName,
            externalId: `seed-${i}`,
            name: { givenName: 'Seed', familyName: String(i) },
            emails: [{ value: userName, type: 'work', primary: true }],
            active: true,
          },
        });
      }
    });
  }
  return { baseUrl: ninjaone ? `${origin}/ws/scim/v2` : `${origin}/scim/v2/bench`, token: BENCH_TOKEN };
}

async function bare(): Promise<{ baseUrl: string; token: string }> {
  const body = JSON.stringify({ schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'], id: 'bare', userName: 'bare' });
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(req.method === 'POST' ? 201 : 200, { 'Content-Type': 'application/scim+json' });
      res.end(body);
    });
  });
  server.listen(0, '127.0.0.1');
  await new Promise<void>((r) => server.once('listening', r));
  return { baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/scim/v2`, token: BENCH_TOKEN };
}

const kind = process.argv[2];
const started = kind === 'reference' ? await reference() : kind === 'scimmy' ? await startScimmyServer() : kind === 'bare' ? await bare() : undefined;
if (!started) {
  console.error('usage: scim-servers.ts reference|scimmy|bare');
  process.exit(2);
}
process.stdout.write(`${JSON.stringify({ baseUrl: started.baseUrl, token: started.token })}\n`);
// Exit normally on SIGTERM (bench/child-server.ts stops us so), so that a --cpu-prof profile is written; with
// BENCH_STATS=1, first print to stderr the CPU time and event-loop busy time spent since listening (per-request
// server cost, steadier than req/s on a shared machine).
const elu0 = performance.eventLoopUtilization();
const cpu0 = process.cpuUsage();
process.once('SIGTERM', () => {
  if (process.env['BENCH_STATS'] === '1') {
    const cpu = process.cpuUsage(cpu0);
    const busy = performance.eventLoopUtilization(elu0).active;
    const stats = { cpuMs: Math.round((cpu.user + cpu.system) / 1000), systemMs: Math.round(cpu.system / 1000), busyMs: Math.round(busy) };
    process.stderr.write(`BENCH_STATS ${JSON.stringify(stats)}\n`);
  }
  process.exit(0);
});
