/*
 * Behaviour toward the endpoint (issue 5): a bound on requests in flight and a per-request timeout, shared by
 * every driver in the process (the SCIM stage, the certify EndpointDriver, the interrupt clean-up).
 * - SCIM_CONCURRENCY (default 1): at most this many requests to the endpoint at once, per process;
 * - SCIM_TIMEOUT_MS: a request without a response in time is aborted (the caller decides the default).
 * Both are read when a request is made, so the runner's environment applies to the run it starts.
 */

export class Semaphore {
  #free: number;
  readonly #waiting: Array<() => void> = [];
  #active = 0;
  #highWater = 0;

  constructor(readonly size: number) {
    this.#free = size;
  }

  /** The most tasks that ever ran at once (for tests and diagnostics). */
  get highWater(): number {
    return this.#highWater;
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.#free > 0) this.#free--;
    else await new Promise<void>((resolve) => this.#waiting.push(resolve));
    this.#active++;
    this.#highWater = Math.max(this.#highWater, this.#active);
    try {
      return await task();
    } finally {
      this.#active--;
      const next = this.#waiting.shift();
      if (next) next();
      else this.#free++;
    }
  }
}

/** SCIM_CONCURRENCY as a positive integer (default 1). */
export function concurrencyFromEnv(): number {
  const n = Number(process.env['SCIM_CONCURRENCY'] ?? 1);
  return Number.isInteger(n) && n >= 1 ? n : 1;
}

/** SCIM_TIMEOUT_MS as a positive integer, or the caller's default. */
export function timeoutFromEnv(fallback: number): number {
  const n = Number(process.env['SCIM_TIMEOUT_MS'] ?? fallback);
  return Number.isInteger(n) && n >= 1 ? n : fallback;
}

const KEY = Symbol.for('sso-harness.request-limiters');
type Global = { [KEY]?: Map<number, Semaphore> };

/**
 * The process-wide limiter for SCIM_CONCURRENCY. Kept on globalThis so that a module loaded twice (the CLI and
 * cucumber's support code) still shares one; one per size, so a run with another bound gets its own.
 */
export function sharedLimiter(size = concurrencyFromEnv()): Semaphore {
  const g = globalThis as Global;
  g[KEY] ??= new Map();
  let limiter = g[KEY].get(size);
  if (!limiter) {
    limiter = new Semaphore(size);
    g[KEY].set(size, limiter);
  }
  return limiter;
}
