/*
 * Behaviour toward the endpoint (issue 5): a bound on requests in flight, shared by every driver in the process
 * (the SCIM stage, the certify EndpointDriver, the end-of-run clean-up).
 * - at most `concurrency` requests to the endpoint at once, per process (`worldParameters.scim.concurrency`,
 *   resolved by steps/support/scim/settings.ts; `--concurrency` for certify);
 * - the per-request timeout belongs to the request (http/scim-driver.ts), not to the limiter.
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

const KEY = Symbol.for('sso-harness.request-limiters');
type Global = { [KEY]?: Map<number, Semaphore> };

/**
 * The process-wide limiter for a bound. Kept on globalThis so that a module loaded twice (the CLI and
 * cucumber's support code) still shares one; one per size, so a run with another bound gets its own.
 */
export function sharedLimiter(size = 1): Semaphore {
  const g = globalThis as Global;
  g[KEY] ??= new Map();
  let limiter = g[KEY].get(size);
  if (!limiter) {
    limiter = new Semaphore(size);
    g[KEY].set(size, limiter);
  }
  return limiter;
}
