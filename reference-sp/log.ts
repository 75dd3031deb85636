/*
 * One structured JSON line per event. The reference SP logs exactly one line per ACS decision (accepted or
 * rejected with its code), so a run can be audited from its log alone.
 */

export type LogLevel = 'info' | 'warn' | 'error';

export interface LogFields {
  readonly [key: string]: unknown;
}

export interface Logger {
  log(level: LogLevel, event: string, fields?: LogFields): void;
}

/** Writes `{"level","event","time",…fields}` lines to a stream (stderr by default). */
export function createJsonLogger(write: (line: string) => void = (l) => process.stderr.write(l + '\n'), now: () => Date = () => new Date()): Logger {
  return {
    log(level, event, fields = {}) {
      write(JSON.stringify({ level, event, time: now().toISOString(), ...fields }));
    },
  };
}

/** Discards everything (tests that do not look at the log). */
export const silentLogger: Logger = { log: () => undefined };

/** Keeps every entry in memory, for tests and steps that assert on the log. */
export function createMemoryLogger(): Logger & { readonly entries: { level: LogLevel; event: string; fields: LogFields }[] } {
  const entries: { level: LogLevel; event: string; fields: LogFields }[] = [];
  return {
    entries,
    log(level, event, fields = {}) {
      entries.push({ level, event, fields });
    },
  };
}
