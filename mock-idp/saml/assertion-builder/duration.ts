/* Durations for deviations such as `.expiredBy('10m')`: a number of milliseconds, or "<n>ms|s|m|h|d". */
import { idpError } from '../errors.ts';

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

export type Duration = number | string;

export function durationMs(value: Duration): number {
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || value < 0) throw idpError('builder/invalid', `bad duration ${value}`);
    return value;
  }
  const m = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)\s*$/.exec(value);
  if (!m) throw idpError('builder/invalid', `bad duration "${value}" (expected e.g. 30s, 10m, 2h)`);
  return Number(m[1]) * UNIT_MS[m[2]!]!;
}

/** xs:dateTime in UTC without milliseconds, as IdPs usually write it (saml-core §1.3.3). */
export function xsDateTime(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
