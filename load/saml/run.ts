/*
 * The engine of `sso-harness load saml` (docs/load.md): resolves the SP as certify does (certify/saml/target.ts),
 * mints with certify's IdP (certify/saml/idp.ts: keys and entity ID of `npm start`'s IdP, whose metadata it also
 * serves so the SP can trust it), and drives rate × duration SP-initiated sign-ins (./sign-in.ts), each by a fresh
 * virtual user with its own cookies, over one undici connection pool (./virtual-user.ts).
 * - bounded: at most connections × 4 sign-ins in flight (an arrival beyond is counted load/backlog, not queued: past its
 *   capacity an SP then still completes what it can, instead of every sign-in waiting in a queue until it times out);
 *   figures in histograms and one row per second (./stats.ts)
 * - after the last arrival, sign-ins in flight get timeoutMs to finish, then count as load/timeout
 * - `signal` (SIGINT) stops arrivals and aborts requests in flight; those count as interrupted, the report is
 *   still made
 * - the harness's own CPU: the event loop's utilisation over the run is reported; near 1 the harness, not the SP,
 *   was the limit (minting signs every response with RSA in this process)
 */
import { performance } from 'node:perf_hooks';
import type { SamlCertifyTarget } from '../../certify/saml/contract.ts';
import { certifyIdp, serveIdpMetadata, type ServedIdp } from '../../certify/saml/idp.ts';
import { resolveSp } from '../../certify/saml/target.ts';
import { scheduleArrivals } from './arrivals.ts';
import { signIn, type Leg, type LoadContext } from './sign-in.ts';
import { LoadStats, type LegSummary, type SecondRow } from './stats.ts';
import { connectionPool, VirtualUser } from './virtual-user.ts';

/** The sign-ins a run may have in flight per connection before an arrival is refused as load/backlog. */
export const IN_FLIGHT_PER_CONNECTION = 4;

export interface LoadSamlOptions {
  /** The SP as certify describes it, with the login URL (SP-initiated) and optionally the whoami oracle. */
  readonly target: SamlCertifyTarget & { readonly loginUrl: string };
  /** Sign-ins started per second. */
  readonly rate: number;
  readonly durationMs: number;
  /** Keep-alive connections per origin. */
  readonly connections: number;
  /** Fraction of sign-ins (0..1) that may fail before the run fails. */
  readonly maxErrorRate: number;
  /** Serve the IdP's metadata on target.idp.port during the run (default true). */
  readonly serveIdp?: boolean;
  readonly signal?: AbortSignal;
  readonly onIdpReady?: (idp: { readonly metadataUrl: string; readonly entityId: string }) => void;
  /** Once a second: progress so far. */
  readonly onProgress?: (p: { readonly second: number; readonly offered: number; readonly completed: number; readonly errors: number; readonly inFlight: number }) => void;
}

export interface LoadResult {
  readonly startedAt: string;
  readonly finishedAt: string;
  readonly sp: { readonly entityId: string; readonly loginUrl: string; readonly acs: string; readonly whoami: string | null };
  readonly idpEntityId: string;
  readonly plan: { readonly rate: number; readonly durationMs: number; readonly connections: number; readonly maxErrorRate: number };
  readonly elapsedMs: number;
  readonly offered: number;
  readonly completed: number;
  readonly errors: number;
  readonly interrupted: number;
  /** errors / (completed + errors); 0 when nothing finished. */
  readonly errorRate: number;
  readonly throughput: { readonly offeredPerSecond: number; readonly completedPerSecond: number };
  readonly legs: Record<Leg | 'failedSignIn', LegSummary>;
  readonly outcomes: Record<string, number>;
  readonly series: readonly SecondRow[];
  /** The harness's event-loop utilisation (0..1) over the run. */
  readonly harnessBusy: number;
  /** CPU time (user + system) this process spent over the run, minting and HTTP included. */
  readonly harnessCpuMs: number;
  readonly wasInterrupted: boolean;
  /** The error rate is at most maxErrorRate and the run was not interrupted. */
  readonly passed: boolean;
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    const wake = () => {
      clearTimeout(timer);
      resolve();
    };
    signal.addEventListener('abort', wake, { once: true });
  });
}

export async function runLoadSaml(options: LoadSamlOptions): Promise<LoadResult> {
  const { target } = options;
  const sp = await resolveSp(target);
  const ctx: LoadContext = { target, sp, idp: certifyIdp(target, sp) };
  const served: ServedIdp | undefined = options.serveIdp === false ? undefined : await serveIdpMetadata(target);
  if (served) options.onIdpReady?.({ metadataUrl: served.metadataUrl, entityId: served.entityId });
  const pool = connectionPool(options.connections, target.timeoutMs);
  // Aborted by SIGINT (interrupted) or after the drain's grace period (the rest time out).
  const stop = new AbortController();
  const interrupted = () => options.signal?.aborted === true;
  const onInterrupt = () => stop.abort();
  options.signal?.addEventListener('abort', onInterrupt, { once: true });
  // Destroying the pool ends every request in flight at once (./virtual-user.ts keeps no per-request signal).
  stop.signal.addEventListener('abort', () => void pool.destroy().catch(() => undefined), { once: true });

  const now = () => performance.now();
  const t0 = now();
  const elu0 = performance.eventLoopUtilization();
  const cpu0 = process.cpuUsage();
  const stats = new LoadStats(t0);
  const inFlight = new Set<Promise<void>>();
  const maxInFlight = options.connections * IN_FLIGHT_PER_CONNECTION;
  const counts = { offered: 0, completed: 0, errors: 0 };
  let unexpected: unknown;
  const progress = setInterval(() => options.onProgress?.({ second: Math.round((now() - t0) / 1000), ...counts, inFlight: inFlight.size }), 1000);

  const arrive = (at: number) => {
    counts.offered++;
    stats.offered(at);
    if (inFlight.size >= maxInFlight) {
      counts.errors++;
      stats.record(at, { outcome: 'load/backlog', legs: {} });
      return;
    }
    const attempt = signIn(ctx, new VirtualUser(pool, target.timeoutMs, stop.signal), now)
      .then(
        (result) => {
          if (result.outcome === 'ok') counts.completed++;
          else counts.errors++;
          stats.record(now(), result);
        },
        (error: unknown) => {
          // Only an aborted request ends a sign-in without a LoadError (SIGINT, or the drain's end); anything
          // else is a defect of the harness: the run stops and fails with it instead of counting it as the SP's.
          if (!stop.signal.aborted) {
            unexpected ??= error;
            return stop.abort();
          }
          if (interrupted()) return stats.record(now(), { outcome: 'interrupted' });
          counts.errors++;
          stats.record(now(), { outcome: 'load/timeout', legs: {} });
        },
      )
      .finally(() => inFlight.delete(attempt));
    inFlight.add(attempt);
  };

  const startedAt = new Date().toISOString();
  try {
    await scheduleArrivals({ rate: options.rate, durationMs: options.durationMs, now, signal: stop.signal }, arrive);
    const drained = Promise.all(inFlight).then(() => undefined);
    await Promise.race([drained, sleep(target.timeoutMs, stop.signal)]);
    stop.abort();
    await Promise.all(inFlight);
  } finally {
    clearInterval(progress);
    options.signal?.removeEventListener('abort', onInterrupt);
    await pool.destroy().catch(() => undefined);
    await served?.close();
  }
  if (unexpected !== undefined) throw unexpected;
  const end = now();
  const harnessBusy = performance.eventLoopUtilization(elu0).utilization;
  const cpu = process.cpuUsage(cpu0);
  const figures = stats.snapshot(end);
  const finished = counts.completed + counts.errors;
  const errorRate = finished === 0 ? 0 : counts.errors / finished;
  const elapsedMs = end - t0;
  return {
    startedAt,
    finishedAt: new Date().toISOString(),
    sp: { entityId: sp.entityId, loginUrl: target.loginUrl, acs: sp.defaultAcs, whoami: target.whoami?.url ?? null },
    idpEntityId: ctx.idp.entityId,
    plan: { rate: options.rate, durationMs: options.durationMs, connections: options.connections, maxErrorRate: options.maxErrorRate },
    elapsedMs: Math.round(elapsedMs),
    offered: counts.offered,
    completed: counts.completed,
    errors: counts.errors,
    interrupted: figures.outcomes['interrupted'] ?? 0,
    errorRate,
    throughput: {
      offeredPerSecond: counts.offered / (Math.min(elapsedMs, options.durationMs) / 1000),
      completedPerSecond: counts.completed / (elapsedMs / 1000),
    },
    legs: figures.legs,
    outcomes: figures.outcomes,
    series: figures.series,
    harnessBusy,
    harnessCpuMs: Math.round((cpu.user + cpu.system) / 1000),
    wasInterrupted: interrupted(),
    passed: !interrupted() && errorRate <= options.maxErrorRate,
  };
}
