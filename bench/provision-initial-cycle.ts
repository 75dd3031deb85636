/*
 * Benchmark (not a test, not run by npm test): Entra's initial provisioning cycle of 10,000 users and 1,000
 * groups with memberships, against the bundled reference SCIM server's NinjaOne tenant on SQLite ON DISK (a
 * temp dir, WAL, synchronous=FULL), started in-process on loopback. Reports wall time, requests/s and requests
 * per object; concurrency (objects in flight) is bounded and configurable.
 *
 *   node --import tsx bench/provision-initial-cycle.ts [--users 10000] [--groups 1000] [--members-per-group 20]
 *        [--concurrency 16] [--patch compliant|legacy] [--url URL --token TOKEN]
 *
 * With --url the engine targets that server instead (e.g. `npm start`'s); otherwise the reference server runs in
 * this process and shares the CPU with the client (2 cores: client + server + SQLite's fsyncs). The mappings are
 * NinjaOne's table as written (mock-idp/scim-client/fixtures/ninjaone.yaml); users are assigned directly.
 * Like steps/, this harness drives mock-idp's client against reference-sp's server; neither imports the other.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { parse as parseYaml } from 'yaml';
import { resolveConfig, type ProvisioningConfigInput } from '../mock-idp/scim-client/config/load.ts';
import { createProvisioner } from '../mock-idp/scim-client/engine/create.ts';
import type { Outcome } from '../mock-idp/scim-client/log/log.ts';
import { startReferenceScim } from '../steps/support/entra/reference-server.ts';
import { spawnBenchServer, stopBenchServer } from './child-server.ts';

export interface ProvisionBenchOptions {
  users?: number;
  groups?: number;
  membersPerGroup?: number;
  /** Objects in flight at once (the engine's settings.concurrency, 1–64). */
  concurrency?: number;
  /** Entra's PATCH behaviour (tenant URL flag); the in-process tenant is strict, so legacy member adds fail. */
  patch?: 'compliant' | 'legacy';
  /** An external SCIM endpoint instead of the in-process reference server. */
  url?: string;
  token?: string;
  /** Where the server's SQLite file goes; default a fresh temp dir, removed afterwards. */
  dataDir?: string;
  /**
   * 'child' (default): the reference server in its own process, as Entra and the SP never share one;
   * 'in-process': client and server on one event loop (what the scenarios do).
   */
  server?: 'child' | 'in-process';
}

export interface BenchResult {
  name: 'provision-initial-cycle';
  target: string;
  users: number;
  groups: number;
  memberships: number;
  concurrency: number;
  wallSeconds: number;
  requests: number;
  requestsPerSecond: number;
  requestsPerObject: number;
  byMethod: Record<string, number>;
  summary: Record<Outcome, number>;
  failed: number;
}

const FIXTURE = fileURLToPath(new URL('../mock-idp/scim-client/fixtures/ninjaone.yaml', import.meta.url));

function benchDirectory(nUsers: number, nGroups: number, perGroup: number) {
  const users = Array.from({ length: nUsers }, (_, i) => ({
    userPrincipalName: `user${i}@bench.example`,
    displayName: `User ${i}`,
    givenName: `Given${i}`,
    surname: `Sur${i}`,
    mail: `user${i}@bench.example`,
    mailNickname: `user${i}`,
    jobTitle: i % 10 === 0 ? 'Technician' : 'Engineer',
    department: `Dept ${i % 50}`,
  }));
  const groups = Array.from({ length: nGroups }, (_, g) => ({
    displayName: `Group ${g}`,
    members: Array.from({ length: Math.min(perGroup, nUsers) }, (_, k) => `user${(g * perGroup + k) % nUsers}@bench.example`),
  }));
  return { users, groups };
}

export async function benchProvisionInitialCycle(options: ProvisionBenchOptions = {}): Promise<BenchResult> {
  const nUsers = options.users ?? 10_000;
  const nGroups = options.groups ?? 1_000;
  const perGroup = options.membersPerGroup ?? 20;
  const concurrency = options.concurrency ?? 16;

  const input = parseYaml(readFileSync(FIXTURE, 'utf8')) as ProvisioningConfigInput;
  input.directory = benchDirectory(nUsers, nGroups, perGroup);
  input.settings = { ...input.settings, concurrency };
  const config = resolveConfig(input);

  const ownDir = options.url || options.dataDir ? undefined : mkdtempSync(join(tmpdir(), 'sso-harness-bench-'));
  const dataDir = options.dataDir ?? ownDir!;
  const mode = options.server ?? 'child';
  let target: { url: string; token: string; close(): Promise<void> } | undefined;
  if (!options.url && mode === 'child') {
    const child = await spawnBenchServer('reference', { BENCH_DATA_DIR: dataDir, BENCH_PROFILE: 'ninjaone' });
    target = { url: child.baseUrl, token: child.token, close: () => stopBenchServer(child) };
  } else if (!options.url) {
    const server = await startReferenceScim({
      tenants: [{ id: 'ninjaone', mode: 'strict' }],
      clock: { now: () => new Date() },
      storePath: dataDir === ':memory:' ? ':memory:' : join(dataDir, 'reference-sp.sqlite'),
    });
    const tenant = server.tenants.get('ninjaone')!;
    target = { url: tenant.url, token: tenant.token, close: () => server.close() };
  }
  try {
    const base = options.url ?? target!.url;
    const url = (options.patch ?? 'compliant') === 'compliant' && !base.includes('?') ? `${base}?aadOptscim062020` : base;
    const { engine, log } = createProvisioner({ config, url, token: options.token ?? target!.token });

    const started = process.hrtime.bigint();
    const result = await engine.runCycle();
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;

    const byMethod: Record<string, number> = {};
    for (const e of log.exchanges) byMethod[e.method] = (byMethod[e.method] ?? 0) + 1;
    return {
      name: 'provision-initial-cycle',
      target: options.url ? options.url : `reference SP ${mode === 'child' ? 'in its own process' : 'in-process'} (NinjaOne tenant, strict, SQLite on disk)`,
      users: nUsers,
      groups: nGroups,
      memberships: config.directory.groups().reduce((n, g) => n + g.members.length, 0),
      concurrency: engine.settings.concurrency,
      wallSeconds: Number(seconds.toFixed(2)),
      requests: result.requests,
      requestsPerSecond: Math.round(result.requests / seconds),
      requestsPerObject: Number((result.requests / (nUsers + nGroups)).toFixed(2)),
      byMethod,
      summary: result.summary,
      failed: result.failed.length,
    };
  } finally {
    await target?.close();
    if (ownDir) rmSync(ownDir, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { values } = parseArgs({
    options: {
      users: { type: 'string', default: '10000' },
      groups: { type: 'string', default: '1000' },
      'members-per-group': { type: 'string', default: '20' },
      concurrency: { type: 'string', default: '16' },
      patch: { type: 'string', default: 'compliant' },
      url: { type: 'string' },
      token: { type: 'string' },
      'data-dir': { type: 'string' },
      server: { type: 'string', default: 'child' },
    },
  });
  if (values.patch !== 'compliant' && values.patch !== 'legacy') throw new TypeError('--patch must be compliant or legacy');
  if (values.url && !values.token) throw new TypeError('--url needs --token');
  if (values.server !== 'child' && values.server !== 'in-process') throw new TypeError('--server must be child or in-process');
  const result = await benchProvisionInitialCycle({
    users: Number(values.users),
    groups: Number(values.groups),
    membersPerGroup: Number(values['members-per-group']),
    concurrency: Number(values.concurrency),
    patch: values.patch,
    ...(values.url ? { url: values.url, token: values.token! } : {}),
    ...(values['data-dir'] ? { dataDir: values['data-dir'] } : {}),
    server: values.server,
  });
  console.log(JSON.stringify(result, null, 2));
  process.exitCode = result.failed ? 1 : 0;
}
