/*
 * The run's interrupt state (SIGINT/SIGTERM during `sso-harness certify scim`):
 * - `interruptRun()` marks the run interrupted in this process and aborts every request in flight
 *   (`interruptSignal()`, combined with each request's timeout);
 * - cucumber workers are other processes: the runner names a stop file (`worldParameters.scim.stopFile`) and
 *   writes it on interrupt, so `isInterrupted(stopFile)` is true in every process of the run and no new scenario
 *   starts.
 * Kept on globalThis so the CLI and cucumber's support code see the same state even if loaded twice.
 */
import { existsSync } from 'node:fs';

const KEY = Symbol.for('sso-harness.interrupt');
type State = { controller: AbortController; reason: string | undefined };
type Global = { [KEY]?: State };

function state(): State {
  const g = globalThis as Global;
  g[KEY] ??= { controller: new AbortController(), reason: undefined };
  return g[KEY];
}

/** Marks the run interrupted and aborts requests in flight. Idempotent. */
export function interruptRun(reason: string): void {
  const s = state();
  if (s.reason !== undefined) return;
  s.reason = reason;
  s.controller.abort(new InterruptedError(reason));
}

/** Whether this run was interrupted, in this process or (through its stop file) in the runner's. */
export function isInterrupted(stopFile?: string): boolean {
  if (state().reason !== undefined) return true;
  return stopFile !== undefined && stopFile !== '' && existsSync(stopFile);
}

/** Why the run was interrupted, if it was. */
export function interruptReason(stopFile?: string): string | undefined {
  if (state().reason !== undefined) return state().reason;
  return isInterrupted(stopFile) ? 'interrupted (stop file)' : undefined;
}

/** Aborted when the run is interrupted in this process. */
export function interruptSignal(): AbortSignal {
  return state().controller.signal;
}

/** Clears the state for the next run in this process (the runner calls it once a run is over). */
export function resetInterrupt(): void {
  (globalThis as Global)[KEY] = { controller: new AbortController(), reason: undefined };
}

export class InterruptedError extends Error {
  readonly code = 'certify/interrupted';
  constructor(readonly reason: string) {
    super(`the run was interrupted (${reason})`);
    this.name = 'InterruptedError';
  }
}
