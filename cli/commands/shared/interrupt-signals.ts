/*
 * How a long-running command (certify scim, certify saml, load saml) stops on SIGINT/SIGTERM: the first signal says what stops
 * and aborts the returned signal, so the command finishes cleanly and still writes its report (exit 130); a second
 * signal exits at once. `dispose()` removes the handlers when the command is done.
 */
import type { CliIo } from './io.ts';

export interface InterruptHandle {
  readonly signal: AbortSignal;
  dispose(): void;
}

/**
 * `stopping`: what the first signal stops, e.g. "no new tests"; `exitingAtOnce`: what a second signal leaves behind,
 * e.g. "without cleaning up (resources named run-… may remain)".
 */
export function interruptOnSignals(io: CliIo, stopping: string, exitingAtOnce = 'now'): InterruptHandle {
  const interrupt = new AbortController();
  const onSignal = (signal: NodeJS.Signals): void => {
    if (interrupt.signal.aborted) {
      io.err(`\n${signal} again: exiting ${exitingAtOnce}\n`);
      process.exit(130);
    }
    io.err(`\n${signal}: stopping — ${stopping} (${signal} again to exit at once)\n`);
    interrupt.abort(signal);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return {
    signal: interrupt.signal,
    dispose() {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    },
  };
}
