/*
 * SAML state benchmark (not a test): `node --import tsx bench/saml-state.ts`, or benchSamlState() from
 * bench/run.ts. What an unauthenticated GET /saml/{tenant}/login costs now that every AuthnRequest is written to
 * SQLite (file store, WAL, group commit; the answer waits for the WAL fsync), measured over real HTTP on loopback,
 * against the physical floor measured in the same run (one 64-byte write + fsync on the same disk):
 * 1. with an empty request table;
 * 2. with the tenant at its cap of outstanding requests (MAX_OUTSTANDING_REQUESTS_PER_TENANT), where each
 *    request also evicts the one nearest to expiry: the flood case, whose table size stays bounded.
 * Reports p50/p99 latency in ms and the ratio of the login p50 to the fsync floor's p50 (the cap itself is proven in reference-sp/store/sp-state.test.ts). Knob: BENCH_SAML_STATE_N (default 1000).
 */
import { closeSync, fsyncSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { resolveConfig } from '../reference-sp/config/index.ts';
import { createSpKeys } from '../reference-sp/saml/keys.ts';
import { createReferenceSp } from '../reference-sp/server/app.ts';
import { MAX_OUTSTANDING_REQUESTS_PER_TENANT, openStore, storePathFor } from '../reference-sp/store/index.ts';
import { BENCH_IDP } from './saml-parties.ts';

const percentile = (sorted: readonly number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

export interface SamlStateBenchResult {
  readonly n: number;
  readonly loginEmpty: { readonly p50Ms: number; readonly p99Ms: number };
  readonly loginAtCap: { readonly p50Ms: number; readonly p99Ms: number };
  /** One 64-byte write + fsync in the same directory: what a durable acknowledgement cannot go below. */
  readonly fsyncFloor: { readonly p50Ms: number; readonly p99Ms: number };
}

/** p50/p99 of `n` sequential 64-byte write + fsync calls on a scratch file in `dir`. */
function fsyncFloor(dir: string, n: number): { p50Ms: number; p99Ms: number } {
  const fd = openSync(join(dir, 'fsync-floor'), 'w');
  const times: number[] = [];
  try {
    for (let i = 0; i < n; i++) {
      const start = performance.now();
      writeSync(fd, Buffer.alloc(64, i % 256));
      fsyncSync(fd);
      times.push(performance.now() - start);
    }
  } finally {
    closeSync(fd);
  }
  times.sort((a, b) => a - b);
  return { p50Ms: percentile(times, 50), p99Ms: percentile(times, 99) };
}

export function formatSamlState(r: SamlStateBenchResult): string {
  const f = (x: { p50Ms: number; p99Ms: number }) => `p50 ${x.p50Ms.toFixed(2)} ms, p99 ${x.p99Ms.toFixed(2)} ms`;
  return [
    `SAML state in SQLite: GET /saml/{tenant}/login (AuthnRequest stored and fsynced before the redirect), ${r.n} sequential`,
    `  empty request table      ${f(r.loginEmpty)}  (${(r.loginEmpty.p50Ms / r.fsyncFloor.p50Ms).toFixed(2)}× the fsync floor)`,
    `  at the per-tenant cap    ${f(r.loginAtCap)}  (${(r.loginAtCap.p50Ms / r.fsyncFloor.p50Ms).toFixed(2)}× the fsync floor)`,
    `  fsync floor (64 B write) ${f(r.fsyncFloor)}`,
  ].join('\n');
}

export async function benchSamlState(n = Number(process.env['BENCH_SAML_STATE_N'] ?? 1000)): Promise<SamlStateBenchResult> {
  const dir = mkdtempSync(join(tmpdir(), 'ssoh-bench-saml-state-'));
  const clock = { now: () => new Date() };
  const store = openStore({ path: storePathFor(dir), clock });
  const keys = createSpKeys('bench SP');
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  try {
    const config = await resolveConfig({
      baseUrl: origin,
      dataDir: ':memory:',
      tenants: [
        {
          id: 'acme',
          profile: 'generic',
          saml: { idp: { ...BENCH_IDP, signingCertificates: [keys.certificatePem] } },
        },
      ],
    });
    const { app } = createReferenceSp({ config, clock, store, spKeys: keys });
    server.on('request', app);
    const logins = async (): Promise<{ p50Ms: number; p99Ms: number }> => {
      const times: number[] = [];
      for (let i = 0; i < n; i++) {
        const start = performance.now();
        const res = await fetch(`${origin}/saml/acme/login`, { redirect: 'manual' });
        await res.arrayBuffer();
        if (res.status !== 302) throw new Error(`login answered ${res.status}`);
        times.push(performance.now() - start);
      }
      times.sort((a, b) => a - b);
      return { p50Ms: percentile(times, 50), p99Ms: percentile(times, 99) };
    };
    const loginEmpty = await logins();
    const later = new Date(Date.now() + 599_000); // the tenant's TTL is 600 s: like requests made just before
    store.transaction(() => {
      for (let i = 0; i < MAX_OUTSTANDING_REQUESTS_PER_TENANT; i++) store.rememberAuthnRequest('acme', `_fill${i}`, null, later, new Date());
    });
    await store.durable();
    const atCap = await logins();
    return { n, loginEmpty, loginAtCap: atCap, fsyncFloor: fsyncFloor(dir, n) };
  } finally {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(formatSamlState(await benchSamlState()));
}
