/*
 * How a long-running command (certify saml, load saml) stops on SIGINT/SIGTERM: the first signal says what stops
 * and aborts the returned signal, so the command finishes cleanly and still writes its report (exit 130); a second
 * signal exits at once. `dispose()` removes the handlers when the command is done.
 */
import type { CliIo } from './io.ts';

export interface InterruptHandle {
  readonly signal: AbortSignal;
  dispose(): void;
}

/** `stopping`: what the first signal stops, e.g. "no new tests". */
export function interruptOnSignals(io: CliIo, stopping: string): InterruptHandle {
  const interrupt = new AbortController();
  const onSignal = (signal: NodeJS.Signals): void => {
    if (interrupt.signal.aborted) {
      io.err(`\n${signal} again: exiting now\n`);
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
