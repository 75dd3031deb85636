/*
 * DateFromNum(value) and NumFromDate(value): Active Directory's date format (accountExpires, lastLogonTimestamp),
 * the number of 100-nanosecond intervals since 1601-01-01T00:00:00Z.
 * - DateFromNum(129699324000000000) is January 1, 2012 at 11:00 PM (documented example); accepts numbers and
 *   strings of digits; null → null
 * - NumFromDate takes an ISO 8601 date-time string (or a DateTime) and returns the number; values are exact to the
 *   millisecond up to the year 2057 and to the second after (IEEE doubles), sub-millisecond ticks are dropped
 */
import { DateTimeValue, isValidDateTime } from '../values.ts';
import type { FunctionDefinition } from './definition.ts';

/** Ticks between 1601-01-01 and 1970-01-01. */
const EPOCH_OFFSET_TICKS = 116_444_736_000_000_000n;
const TICKS_PER_MS = 10_000n;

export const DateFromNum: FunctionDefinition = {
  name: 'DateFromNum',
  signature: 'DateFromNum(value)',
  minArgs: 1,
  maxArgs: 1,
  call(args) {
    const v = args.value(0);
    if (v === null) return null;
    let ticks: bigint;
    if (typeof v === 'number' && Number.isInteger(v)) ticks = BigInt(v);
    else if (typeof v === 'string' && /^\s*\d+\s*$/.test(v)) ticks = BigInt(v.trim());
    else return args.fail('expression/type', 'value must be an AD date (an integer of 100-ns ticks since 1601)', 0);
    const ms = Number((ticks - EPOCH_OFFSET_TICKS) / TICKS_PER_MS);
    if (!isValidDateTime(ms)) return args.fail('expression/value', `${ticks} is outside the DateTime range`, 0);
    return new DateTimeValue(ms);
  },
};

export const NumFromDate: FunctionDefinition = {
  name: 'NumFromDate',
  signature: 'NumFromDate(value)',
  minArgs: 1,
  maxArgs: 1,
  call(args) {
    const ms = args.dateTime(0, 'value');
    if (ms === null) return null;
    return Number(BigInt(ms) * TICKS_PER_MS + EPOCH_OFFSET_TICKS);
  },
};
