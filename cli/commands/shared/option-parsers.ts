/* Value parsers for commander options: each throws InvalidArgumentError, so commander names the flag (exit 2). */
import { InvalidArgumentError } from 'commander';

export function portNumber(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n > 65535) throw new InvalidArgumentError('Must be a port number from 0 to 65535 (0 picks a free port).');
  return n;
}

export function positiveInteger(value: string): number {
  if (!/^[1-9]\d*$/.test(value)) throw new InvalidArgumentError('Must be a positive integer.');
  return Number(value);
}

export function absoluteUrl(value: string): string {
  if (!URL.canParse(value)) throw new InvalidArgumentError('Must be an absolute URL.');
  return value;
}

export function isoDateTime(value: string): Date {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) throw new InvalidArgumentError('Must be an ISO 8601 date-time.');
  return date;
}

/** Collects a repeatable option's values in order (`--attribute a=1 --attribute a=2`). */
export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}
