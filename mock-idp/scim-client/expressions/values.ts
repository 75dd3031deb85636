/*
 * Runtime values and the conversions between them.
 * - inside the evaluator a value is a string, number, boolean, null, DateTime or an array (a multi-valued attribute)
 * - DateTime is not a native attribute type (CDate doc) but flows between date functions; when it leaves the
 *   evaluator, or meets a string function, it is printed as Entra prints it: "M/d/yyyy h:mm:ss tt", in UTC
 * - booleans print as .NET does, "True"/"False" — which is why Switch([IsSoftDeleted], , "False", …) matches
 * - a missing source attribute is null; undefined never escapes
 */
import { ExpressionError } from './errors.ts';
import { formatDotNet } from './datetime/dotnet-format.ts';
import type { ExpressionValue } from './types.ts';

/** .NET DateTime's range: 0001-01-01 to 9999-12-31, in ms since the Unix epoch. */
export const MIN_DATETIME_MS = -62_135_596_800_000;
export const MAX_DATETIME_MS = 253_402_300_799_999;

export function isValidDateTime(ms: number): boolean {
  return Number.isFinite(ms) && ms >= MIN_DATETIME_MS && ms <= MAX_DATETIME_MS;
}

/** A UTC instant, in milliseconds since the Unix epoch. */
export class DateTimeValue {
  constructor(readonly ms: number) {}
  toString(): string {
    return formatDotNet(this.ms, ENTRA_DATETIME_FORMAT);
  }
}

/** "The returned string is always in UTC and follows the format M/d/yyyy h:mm:ss tt" (CDate, DateAdd, Now). */
export const ENTRA_DATETIME_FORMAT = 'M/d/yyyy h:mm:ss tt';

export type Value = string | number | boolean | null | DateTimeValue | readonly Value[];

export function typeName(v: Value): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a multi-valued attribute';
  if (v instanceof DateTimeValue) return 'a DateTime';
  return `a ${typeof v}`;
}

/** The string form of a single value, as .NET's ToString() under the invariant culture prints it. */
export function stringForm(v: Exclude<Value, null | readonly Value[]>): string {
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : 'NaN';
  if (v instanceof DateTimeValue) return v.toString();
  return v as string;
}

export function isNullOrEmpty(v: Value): boolean {
  return v === null || v === '' || (Array.isArray(v) && v.length === 0);
}

/** Converts an attribute of the directory object. Objects other than arrays and Dates are refused. */
export function fromSource(raw: unknown, name: string, position: number): Value {
  if (raw === undefined || raw === null) return null;
  if (typeof raw === 'string' || typeof raw === 'boolean') return raw;
  if (typeof raw === 'number') return raw;
  if (typeof raw === 'bigint') return Number(raw);
  if (raw instanceof Date) return new DateTimeValue(raw.getTime());
  if (Array.isArray(raw)) return raw.map((item) => fromSource(item, name, position));
  throw new ExpressionError('expression/type', `attribute [${name}] holds an object; expressions work on strings, numbers, booleans and multi-valued attributes`, position);
}

/** Converts an evaluator value to what compiled expressions return. */
export function toExpressionValue(v: Value): ExpressionValue {
  if (v instanceof DateTimeValue) return v.toString();
  if (Array.isArray(v)) return v.map(toExpressionValue);
  return v as ExpressionValue;
}
