/*
 * Benchmark (not a test, not run by npm test): Entra's initial provisioning cycle of 100,000 users, 10,000 groups and
 * 200,000 memberships (issue 15's goal: ≤ 90 s on the 2-core machine), against the bundled reference SCIM server's
 * NinjaOne tenant on SQLite ON DISK (a temp dir, WAL, synchronous=FULL) in its own process on loopback. Reports wall
 * time against the goal, requests, requests/s, requests per object, and the peak RSS and CPU seconds of the client
 * (this process: the simulator) and of the server child; concurrency (objects in flight) is bounded and configurable.
 *
 *   node --import tsx bench/provision-initial-cycle.ts [--users 100000] [--groups 10000] [--members-per-group 20]
 *        [--concurrency 16] [--patch compliant|legacy] [--url URL --token TOKEN] [--server child|in-process]
 *
 * The directory is generated (mock-idp/scim-client/directory/synthetic.ts, what `provision --synthetic` uses), not
 * written as a fixture and parsed. The provisioning log keeps its default window, as the CLI does.
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
import { syntheticDirectory } from '../mock-idp/scim-client/directory/synthetic.ts';
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
  /** Issue 15's goal for 100,000 users / 10,000 groups / 200,000 memberships. */
  goalSeconds: number;
  /** Peak resident set of this process (the simulator), MiB. */
  clientPeakRssMiB: number;
  /** CPU seconds (user + system) the client spent in the cycle. */
  clientCpuSeconds: number;
  /** Peak resident set of the server child (Linux /proc VmHWM), MiB; undefined in-process or elsewhere. */
  serverPeakRssMiB: number | undefined;
  /** CPU seconds of the server child over its life (Linux /proc), undefined in-process or elsewhere. */
  serverCpuSeconds: number | undefined;
  /** Seconds spent generating the directory (before the cycle, not in wallSeconds). */
  directorySeconds: number;
}

/** Issue 15: the initial cycle of 100k users / 10k groups / 200k memberships within 90 s on this machine. */
export const PROVISION_GOAL_SECONDS = 90;

const MiB = 1024 * 1024;

/** Peak RSS (MiB) and CPU seconds of another process, from Linux /proc; undefined elsewhere. */
function procStats(pid: number | undefined): { peakRssMiB: number; cpuSeconds: number } | undefined {
  if (pid === undefined) return undefined;
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const hwm = /VmHWM:\s+(\d+) kB/.exec(status);
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]); // utime + stime (proc(5) fields 14 and 15)
    return hwm ? { peakRssMiB: Math.round(Number(hwm[1]) / 1024), cpuSeconds: Number((ticks / 100).toFixed(1)) } : undefined;
  } catch {
    return undefined;
  }
}

/** The bench row as npm run bench prints it. */
export function formatProvisionBench(r: BenchResult): string {
  const server = r.serverPeakRssMiB === undefined ? '' : `; server peak RSS ${r.serverPeakRssMiB} MiB, ${r.serverCpuSeconds} CPU s`;
  return [
    `Entra initial cycle: ${r.users} users, ${r.groups} groups, ${r.memberships} memberships against ${r.target}`,
    `  wall ${r.wallSeconds.toFixed(1)} s (goal ≤ ${r.goalSeconds} s at 100k/10k/200k: ${((r.wallSeconds / r.goalSeconds) * 100).toFixed(0)}% of it), ` +
      `${r.requests} requests, ${r.requestsPerSecond} req/s, ${r.requestsPerObject.toFixed(2)} requests/object, concurrency ${r.concurrency}, failed ${r.failed}`,
    `  client peak RSS ${r.clientPeakRssMiB} MiB, ${r.clientCpuSeconds} CPU s (${((r.clientCpuSeconds / Math.max(1, r.requests)) * 1e6).toFixed(0)} µs/request)${server}; directory generated in ${r.directorySeconds.toFixed(1)} s`,
  ].join('\n');
}

const FIXTURE = fileURLToPath(new URL('../mock-idp/scim-client/fixtures/ninjaone.yaml', import.meta.url));

export async function benchProvisionInitialCycle(options: ProvisionBenchOptions = {}): Promise<BenchResult> {
  const nUsers = options.users ?? 100_000;
  const nGroups = options.groups ?? 10_000;
  const perGroup = options.membersPerGroup ?? 20;
  const concurrency = options.concurrency ?? 16;

  const input = parseYaml(readFileSync(FIXTURE, 'utf8')) as ProvisioningConfigInput;
  input.settings = { ...input.settings, concurrency };
  delete input.directory;
  const generating = process.hrtime.bigint();
  const directory = syntheticDirectory({ users: nUsers, groups: nGroups, members: nGroups * Math.min(perGroup, nUsers) });
  const directorySeconds = Number(process.hrtime.bigint() - generating) / 1e9;
  const config = { ...resolveConfig(input), directory };

  const ownDir = options.url || options.dataDir ? undefined : mkdtempSync(join(tmpdir(), 'sso-harness-bench-'));
  const dataDir = options.dataDir ?? ownDir!;
  const mode = options.server ?? 'child';
  let target: { url: string; token: string; pid?: number; close(): Promise<void> } | undefined;
  if (!options.url && mode === 'child') {
    const child = await spawnBenchServer('reference', { BENCH_DATA_DIR: dataDir, BENCH_PROFILE: 'ninjaone' });
    target = { url: child.baseUrl, token: child.token, ...(child.child.pid ? { pid: child.child.pid } : {}), close: () => stopBenchServer(child) };
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

    const cpu = process.cpuUsage();
    const started = process.hrtime.bigint();
    const result = await engine.runCycle();
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const used = process.cpuUsage(cpu);
    const server = procStats(target?.pid);
    return {
      name: 'provision-initial-cycle',
      target: options.url ? options.url : `reference SP ${mode === 'child' ? 'in its own process' : 'in-process'} (NinjaOne tenant, strict, SQLite on disk)`,
      users: nUsers,
      groups: nGroups,
      memberships: directory.groups().reduce((n, g) => n + g.members.length, 0),
      concurrency: engine.settings.concurrency,
      wallSeconds: Number(seconds.toFixed(2)),
      requests: result.requests,
      requestsPerSecond: Math.round(result.requests / seconds),
      requestsPerObject: Number((result.requests / (nUsers + nGroups)).toFixed(2)),
      byMethod: log.requestsByMethod(),
      summary: result.summary,
      failed: result.summary.failed,
      goalSeconds: PROVISION_GOAL_SECONDS,
      // maxRSS is in kilobytes (process.resourceUsage(), getrusage(2)).
      clientPeakRssMiB: Math.round((process.resourceUsage().maxRSS * 1024) / MiB),
      clientCpuSeconds: Number(((used.user + used.system) / 1e6).toFixed(1)),
      serverPeakRssMiB: server?.peakRssMiB,
      serverCpuSeconds: server?.cpuSeconds,
      directorySeconds,
    };
  } finally {
    await target?.close();
    if (ownDir) rmSync(ownDir, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { values } = parseArgs({
    options: {
      users: { type: 'string', default: '100000' },
      groups: { type: 'string', default: '10000' },
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
  console.log(formatProvisionBench(result));
  process.exitCode = result.failed ? 1 : 0;
}
