/*
 * The ceiling of `sso-harness load saml` (not a test): `node --import tsx bench/load-saml.ts`, or benchLoadSaml()
 * from bench/run.ts (BENCH_ONLY=load-saml).
 * 1. Mint ceiling: responses the load run's IdP (certify's, the same keys and registration) mints per second
 *    in-process, no HTTP, and the CPU each costs — no harness process can drive more sign-ins than this.
 * 2. The engine (load/saml/run.ts) against the bundled reference SP for BENCH_LOAD_SECONDS (default 10) at an
 *    open rate of BENCH_LOAD_RATE (default: 1.5 × the mint ceiling, so the harness or the SP saturates and the
 *    arrivals beyond capacity are shed as load/backlog): achieved sign-ins/s, per-leg p50/p99, the ratio to the
 *    mint ceiling measured in the same run.
 * 3. CPU per completed sign-in, in the harness and in the SP: CPU time, unlike wall time, stays steady on a
 *    shared machine, so 1000 / (ms per sign-in) is each side's ceiling on one core, whatever else runs.
 * The SP runs in a child process (this file with `serve-sp`): on this 2-core machine one core each, as a vendor's
 * SP never shares the harness's process. BENCH_LOAD_PROF=DIR writes the SP child's .cpuprofile into DIR (run the
 * parent with node --cpu-prof for the harness's). Speed is printed, never asserted.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import type { SamlCertifyTarget } from '../certify/saml/contract.ts';
import { certifyIdp } from '../certify/saml/idp.ts';
import { resolveSp } from '../certify/saml/target.ts';
import { runLoadSaml, type LoadResult } from '../load/saml/run.ts';

type Target = SamlCertifyTarget & { loginUrl: string };

export interface LoadSamlBenchResult {
  readonly seconds: number;
  readonly rate: number;
  readonly mint: { readonly perSecond: number; readonly cpuMs: number };
  readonly signInsPerSecond: number;
  /** signInsPerSecond / mint.perSecond. */
  readonly ratio: number;
  /** CPU milliseconds per completed sign-in. */
  readonly harnessCpuMs: number;
  readonly spCpuMs: number;
  readonly run: LoadResult;
}

/** The reference SP in its own process, asked over IPC for its target (the acme tenant) and its CPU time. */
async function spawnReferenceSp(): Promise<{ target: Target; cpuMs(): Promise<number>; stop(): Promise<void> }> {
  const prof = process.env['BENCH_LOAD_PROF'];
  const child: ChildProcess = spawn(process.execPath, [...(prof ? ['--cpu-prof', '--cpu-prof-dir', prof] : []), '--import', 'tsx', fileURLToPath(import.meta.url), 'serve-sp'], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const ask = async <T>(question: string): Promise<T> => {
    const answer = once(child, 'message') as Promise<[T]>;
    child.send(question);
    return (await answer)[0];
  };
  const [target] = (await once(child, 'message')) as [Target];
  return {
    target,
    cpuMs: () => ask<number>('cpu'),
    stop: async () => {
      child.kill('SIGTERM');
      if (child.exitCode === null) await once(child, 'exit');
    },
  };
}

function cpuMsSince(start: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

/** Responses minted per second for `ms` by the load run's IdP, in-process, and the CPU each took. */
async function mintCeiling(target: Target, ms: number): Promise<LoadSamlBenchResult['mint']> {
  const sp = await resolveSp(target);
  const idp = certifyIdp(target, sp);
  await idp.control.issue({ spEntityId: sp.entityId, user: target.user }); // warm
  let n = 0;
  const cpu = process.cpuUsage();
  const start = performance.now();
  while (performance.now() - start < ms) {
    await idp.control.issue({ spEntityId: sp.entityId, user: target.user });
    n++;
  }
  return { perSecond: n / ((performance.now() - start) / 1000), cpuMs: cpuMsSince(cpu) / n };
}

export async function benchLoadSaml(seconds = Number(process.env['BENCH_LOAD_SECONDS'] ?? 10)): Promise<LoadSamlBenchResult> {
  const sp = await spawnReferenceSp();
  try {
    const mint = await mintCeiling(sp.target, 2000);
    const rate = Number(process.env['BENCH_LOAD_RATE'] ?? Math.max(1, Math.round(mint.perSecond * 1.5)));
    const spCpu0 = await sp.cpuMs();
    const run = await runLoadSaml({ target: sp.target, rate, durationMs: seconds * 1000, connections: 16, maxErrorRate: 0.01, serveIdp: false });
    const spCpu = (await sp.cpuMs()) - spCpu0;
    const signInsPerSecond = run.completed / (run.elapsedMs / 1000);
    const per = (ms: number) => (run.completed === 0 ? Number.NaN : ms / run.completed);
    return { seconds, rate, mint, signInsPerSecond, ratio: signInsPerSecond / mint.perSecond, harnessCpuMs: per(run.harnessCpuMs), spCpuMs: per(spCpu), run };
  } finally {
    await sp.stop();
  }
}

export function formatLoadSamlBench(r: LoadSamlBenchResult): string {
  const leg = (name: 'login' | 'mint' | 'acs' | 'whoami' | 'signIn') => `${name} ${r.run.legs[name].p50.toFixed(1)}/${r.run.legs[name].p99.toFixed(1)}`;
  const failures = Object.entries(r.run.outcomes).filter(([code]) => code !== 'ok');
  const perCore = (ms: number) => (1000 / ms).toFixed(0);
  return [
    `SAML login storm (load saml) against the reference SP in a child process, ${r.seconds} s offered at ${r.rate}/s over 16 connections`,
    `  mint ceiling (in-process, no HTTP): ${r.mint.perSecond.toFixed(0)} responses/s, ${r.mint.cpuMs.toFixed(2)} ms CPU each`,
    `  achieved: ${r.signInsPerSecond.toFixed(1)} sign-ins/s = ${r.ratio.toFixed(2)}× the mint ceiling; ${r.run.completed} signed in, ${r.run.errors} failed${failures.length ? ` (${failures.map(([c, n]) => `${c} ${n}`).join(', ')})` : ''}`,
    `  p50/p99 ms per leg: ${(['login', 'mint', 'acs', 'whoami', 'signIn'] as const).map(leg).join(' · ')}`,
    // CPU ratios hold on a busy machine where wall-time ratios do not: the harness's ceiling per core is
    // 1000 / harness ms, and mint ms / harness ms is that ceiling as a fraction of the mint ceiling per core.
    `  CPU per sign-in: harness ${r.harnessCpuMs.toFixed(2)} ms (one core drives ≤ ${perCore(r.harnessCpuMs)} sign-ins/s = ${(r.mint.cpuMs / r.harnessCpuMs).toFixed(2)}× the mint ceiling of ${perCore(r.mint.cpuMs)}/s per core; event loop busy ${(r.run.harnessBusy * 100).toFixed(0)}%) · reference SP ${r.spCpuMs.toFixed(2)} ms (≤ ${perCore(r.spCpuMs)}/s per core)`,
  ].join('\n');
}

if (process.argv[2] === 'serve-sp') {
  const { startTrustingSp } = await import('../certify/saml/test-support/trusting-sp.ts');
  const sp = await startTrustingSp({ acme: {} });
  process.on('message', (question) => {
    const used = process.cpuUsage();
    if (question === 'cpu') process.send!((used.user + used.system) / 1000);
  });
  process.send!(sp.target('acme'));
  process.once('SIGTERM', () => void sp.close().then(() => process.exit(0)));
} else if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  console.log(formatLoadSamlBench(await benchLoadSaml()));
}
