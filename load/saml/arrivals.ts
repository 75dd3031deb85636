/*
 * The open-model arrival clock of the load run: `rate` sign-ins per second for `durationMs`, started on
 * schedule whether or not earlier ones finished (a login storm does not wait for the SP). It only says when;
 * the HTTP work, connection reuse and queueing are undici's (./virtual-user.ts).
 * Timers are coarse (≥ 1 ms), so each tick starts every arrival that is due by now: the count started by time t is
 * floor(t × rate), never more, and the run ends with exactly rate × duration arrivals unless stopped.
 */

export interface ArrivalPlan {
  readonly rate: number;
  readonly durationMs: number;
  readonly now: () => number;
  /** Stops further arrivals (SIGINT). */
  readonly signal: AbortSignal;
}

/** Calls `arrive(at)` on schedule; resolves with the number of arrivals once the last is due or on stop. */
export function scheduleArrivals(plan: ArrivalPlan, arrive: (at: number) => void): Promise<number> {
  const total = Math.round((plan.rate * plan.durationMs) / 1000);
  const tickMs = Math.min(10, Math.max(1, 1000 / plan.rate));
  const start = plan.now();
  let started = 0;
  return new Promise((resolve) => {
    let timer: NodeJS.Timeout | undefined;
    const finish = () => {
      clearTimeout(timer);
      plan.signal.removeEventListener('abort', finish);
      resolve(started);
    };
    const tick = () => {
      if (plan.signal.aborted) return finish();
      const now = plan.now();
      const due = Math.min(total, Math.floor(((now - start) * plan.rate) / 1000) + 1);
      for (; started < due; started++) arrive(now);
      if (started >= total) return finish();
      timer = setTimeout(tick, tickMs);
    };
    plan.signal.addEventListener('abort', finish);
    tick();
  });
}
