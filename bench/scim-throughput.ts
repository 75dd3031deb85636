/*
 * SCIM benchmark (not a test): `node --import tsx bench/scim-throughput.ts`, or runScimBenchmark() from
 * bench/run.ts.
 *
 * 1. Entra-shaped mixed workload — per cycle: filter by userName (a miss, as Entra's matching query), POST a
 *    user, PATCH it (replace displayName + active), GET it, PATCH a group to add it as a member — against the
 *    reference server (SQLite on disk), scimmy + scimmy-routers (in-memory handlers) and a bare node:http
 *    server (the ceiling), in the same run, each in its own process, with the same concurrency. Reports
 *    requests/s, p50 and p99, failures, the reference/scimmy ratio (goal: ≥ 2×) and the reference/bare ratio
 *    (goal: ≥ 0.4), and each server process's CPU time per request (user + system, bench/child-server.ts): on a
 *    shared 2-core machine that figure is steadier than req/s, which also counts waiting for a core. The PATCH
 *    adds every user to one group, so the group grows through the run: a server whose member add costs
 *    O(group size) slows down as it goes (the reference's costs O(1): PatchOp.memberDelta).
 * 2. Filter latency of `userName eq "…"` at 1,000 and at 100,000 users (goal: the 100k p50 within 1.5× of 1k).
 *
 * Knobs: BENCH_SECONDS (default 5), BENCH_CONCURRENCY (default 8), BENCH_BIG (default 100000).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnBenchServer as start, stopBenchServer as stop, type BenchServer } from './child-server.ts';

const SCIM = 'application/scim+json';
const USER = 'urn:ietf:params:scim:schemas:core:2.0:User';
const GROUP = 'urn:ietf:params:scim:schemas:core:2.0:Group';
const PATCH_OP = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';

type Server = BenchServer;

interface Timed {
  readonly ms: number;
  readonly ok: boolean;
  readonly body: Record<string, unknown> | undefined;
}

async function call(s: Server, method: string, path: string, body?: unknown): Promise<Timed> {
  const t0 = performance.now();
  const res = await fetch(`${s.baseUrl}${path}`, {
    method,
    headers: { Authorization: `Bearer ${s.token}`, ...(body !== undefined ? { 'Content-Type': SCIM } : {}) },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  const ms = performance.now() - t0;
  let parsed: Record<string, unknown> | undefined;
  try {
    parsed = text ? (JSON.parse(text) as Record<string, unknown>) : undefined;
  } catch {
    parsed = undefined;
  }
  return { ms, ok: res.status < 300, body: parsed };
}

const pct = (sorted: number[], p: number): number => (sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!);

export interface WorkloadResult {
  readonly name: string;
  readonly requests: number;
  readonly failures: number;
  readonly rps: number;
  readonly p50: number;
  readonly p99: number;
  /** The server process's CPU time (user + system) per request: steadier than req/s on a shared machine. */
  readonly cpuMsPerRequest?: number;
}

export async function workload(name: string, s: Server, seconds: number, concurrency: number): Promise<WorkloadResult> {
  const run = Date.now().toString(36);
  const group = await call(s, 'POST', '/Groups', { schemas: [GROUP], displayName: `bench-${run}` });
  const groupId = String(group.body?.['id'] ?? 'bare');
  const latencies: number[] = [];
  let failures = 0;
  const record = (t: Timed) => {
    latencies.push(t.ms);
    if (!t.ok) failures++;
    return t;
  };
  const deadline = performance.now() + seconds * 1000;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async (_, w) => {
      for (let i = 0; performance.now() < deadline; i++) {
        const userName = `bench-${run}-${w}-${i}@example.com`;
        record(await call(s, 'GET', `/Users?filter=${encodeURIComponent(`userName eq "${userName}"`)}`));
        const created = record(
          await call(s, 'POST', '/Users', {
            schemas: [USER],
            userName,
            externalId: `${run}-${w}-${i}`,
            active: true,
            name: { givenName: 'Bench', familyName: `${w}-${i}` },
            emails: [{ value: userName, type: 'work', primary: true }],
          }),
        );
        const id = String(created.body?.['id'] ?? 'bare');
        record(
          await call(s, 'PATCH', `/Users/${id}`, {
            schemas: [PATCH_OP],
            Operations: [
              { op: 'replace', path: 'displayName', value: `Bench ${w}-${i}` },
              { op: 'replace', path: 'active', value: false },
            ],
          }),
        );
        record(await call(s, 'GET', `/Users/${id}`));
        record(
          await call(s, 'PATCH', `/Groups/${groupId}`, {
            schemas: [PATCH_OP],
            Operations: [{ op: 'add', path: 'members', value: [{ value: id }] }],
          }),
        );
      }
    }),
  );
  const elapsed = (performance.now() - t0) / 1000;
  latencies.sort((a, b) => a - b);
  return { name, requests: latencies.length, failures, rps: latencies.length / elapsed, p50: pct(latencies, 50), p99: pct(latencies, 99) };
}

async function filterLatency(users: number, lookups: number): Promise<{ users: number; p50: number; p99: number; misses: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'sso-harness-bench-'));
  const s = await start('reference', { BENCH_DATA_DIR: dir, BENCH_SEED_USERS: String(users) });
  try {
    const times: number[] = [];
    let misses = 0;
    for (let i = 0; i < 50; i++) await call(s, 'GET', `/Users?filter=${encodeURIComponent(`userName eq "bench-seed-${i}@example.com"`)}`);
    for (let i = 0; i < lookups; i++) {
      const n = Math.floor(Math.random() * users);
      const t = await call(s, 'GET', `/Users?filter=${encodeURIComponent(`userName eq "BENCH-SEED-${n}@example.com"`)}`);
      if (t.body?.['totalResults'] !== 1) misses++;
      times.push(t.ms);
    }
    times.sort((a, b) => a - b);
    return { users, p50: pct(times, 50), p99: pct(times, 99), misses };
  } finally {
    await stop(s);
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function runScimBenchmark(): Promise<void> {
  const seconds = Number(process.env['BENCH_SECONDS'] ?? 5);
  const concurrency = Number(process.env['BENCH_CONCURRENCY'] ?? 8);
  const big = Number(process.env['BENCH_BIG'] ?? 100_000);
  const fmt = (n: number) => n.toFixed(n < 10 ? 2 : 0);

  console.log(`SCIM mixed workload (Entra-shaped), ${seconds}s each, concurrency ${concurrency}`);
  const results: WorkloadResult[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'sso-harness-bench-'));
  try {
    for (const [name, kind] of [
      ['reference (SQLite on disk)', 'reference'],
      ['scimmy + scimmy-routers', 'scimmy'],
      ['bare node:http (ceiling)', 'bare'],
    ] as const) {
      const s = await start(kind, { BENCH_DATA_DIR: dir });
      let result: WorkloadResult | undefined;
      try {
        result = await workload(name, s, seconds, concurrency);
      } finally {
        await stop(s);
      }
      const stats = await s.stats;
      results.push({ ...result, ...(stats ? { cpuMsPerRequest: stats.cpuMs / result.requests } : {}) });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  console.table(
    results.map((r) => ({
      server: r.name,
      requests: r.requests,
      failures: r.failures,
      'req/s': fmt(r.rps),
      'p50 ms': fmt(r.p50),
      'p99 ms': fmt(r.p99),
      'server CPU ms/req': r.cpuMsPerRequest === undefined ? '?' : r.cpuMsPerRequest.toFixed(3),
    })),
  );
  const [ref, scimmy, bare] = results;
  console.log(`reference / scimmy throughput: ${(ref!.rps / scimmy!.rps).toFixed(2)}× (goal ≥ 2×)`);
  console.log(`reference / bare node:http throughput: ${(ref!.rps / bare!.rps).toFixed(2)} (goal ≥ 0.4)`);
  if (ref!.cpuMsPerRequest !== undefined && bare!.cpuMsPerRequest !== undefined) {
    console.log(`reference server CPU per request: ${ref!.cpuMsPerRequest.toFixed(3)} ms, ${(ref!.cpuMsPerRequest / bare!.cpuMsPerRequest).toFixed(1)}× bare node:http's`);
  }

  console.log('\nFilter latency, userName eq (case-insensitive, index-served)');
  const small = await filterLatency(1_000, 500);
  const large = await filterLatency(big, 500);
  console.table([small, large].map((r) => ({ users: r.users, 'p50 ms': fmt(r.p50), 'p99 ms': fmt(r.p99), misses: r.misses })));
  console.log(`${big} vs 1,000 users p50: ${(large.p50 / small.p50).toFixed(2)}× (goal ≤ 1.5×)`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await runScimBenchmark();
}
