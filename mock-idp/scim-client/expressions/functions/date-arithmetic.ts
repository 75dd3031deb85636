/*
 * DateAdd(interval, value, dateTime) and DateDiff(interval, date1, date2), with VBA's intervals:
 *   yyyy Year, m Month, d Day, ww Week, h Hour, n Minute, s Second
 * - DateAdd returns a DateTime ("M/d/yyyy h:mm:ss tt"); adding months or years keeps the day of month when it
 *   exists and otherwise clamps to the month's last day (1/31 + 1 month = 2/28 or 2/29), as VBA/.NET do
 * - DateDiff counts interval boundaries crossed from date1 to date2, as VBA does: calendar years and months,
 *   midnights for d, Sundays for ww, and hour/minute/second boundaries — positive when date2 > date1
 *   (documented table: 8/25/2021 5:41:18 PM → 2012-03-16-07:00 is -3449 d, -493 ww, -113 m, -9 yyyy)
 * - dates may be DateTimes (CDate, Now, DateFromNum) or date strings; null → null
 * - an unknown interval is expression/value — at compile time when it is written as a string constant
 */
import type { CallNode } from '../ast.ts';
import { ExpressionError } from '../errors.ts';
import type { Args } from '../runtime.ts';
import { DateTimeValue, isValidDateTime } from '../values.ts';
import type { FunctionDefinition } from './definition.ts';

const INTERVALS = ['yyyy', 'm', 'd', 'ww', 'h', 'n', 's'] as const;
type Interval = (typeof INTERVALS)[number];
const MS = { d: 86_400_000, h: 3_600_000, n: 60_000, s: 1000 } as const;

function checkInterval(call: CallNode): void {
  const arg = call.args[0]!;
  if (arg.kind === 'string' && !(INTERVALS as readonly string[]).includes(arg.value)) {
    throw new ExpressionError('expression/value', `${call.name}: unknown interval "${arg.value}" (${INTERVALS.join(', ')})`, arg.pos);
  }
}

function interval(args: Args): Interval | null {
  const s = args.string(0, 'interval');
  if (s === null) return null;
  if (!(INTERVALS as readonly string[]).includes(s)) {
    return args.fail('expression/value', `unknown interval "${s}" (${INTERVALS.join(', ')})`, 0);
  }
  return s as Interval;
}

function addMonths(ms: number, months: number): number {
  const d = new Date(ms);
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + months);
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, last));
  return d.getTime();
}

export const DateAdd: FunctionDefinition = {
  name: 'DateAdd',
  signature: 'DateAdd(interval, value, dateTime)',
  minArgs: 3,
  maxArgs: 3,
  check: checkInterval,
  call(args) {
    const unit = interval(args);
    const amount = args.integer(1, 'value');
    const at = args.dateTime(2, 'dateTime');
    if (unit === null || amount === null || at === null) return null;
    const ms = unit === 'yyyy' ? addMonths(at, 12 * amount) : unit === 'm' ? addMonths(at, amount) : unit === 'ww' ? at + 7 * amount * MS.d : at + amount * MS[unit];
    if (!isValidDateTime(ms)) return args.fail('expression/value', 'the result is outside the DateTime range', 1);
    return new DateTimeValue(ms);
  },
};

/** Days since the Unix epoch (a Thursday) of the instant's UTC calendar date. */
const dayNumber = (ms: number): number => Math.floor(ms / MS.d);

export const DateDiff: FunctionDefinition = {
  name: 'DateDiff',
  signature: 'DateDiff(interval, date1, date2)',
  minArgs: 3,
  maxArgs: 3,
  check: checkInterval,
  call(args) {
    const unit = interval(args);
    const a = args.dateTime(1, 'date1');
    const b = args.dateTime(2, 'date2');
    if (unit === null || a === null || b === null) return null;
    const da = new Date(a);
    const db = new Date(b);
    switch (unit) {
      case 'yyyy':
        return db.getUTCFullYear() - da.getUTCFullYear();
      case 'm':
        return (db.getUTCFullYear() - da.getUTCFullYear()) * 12 + (db.getUTCMonth() - da.getUTCMonth());
      case 'ww': {
        // Sunday boundaries: day 0 (1970-01-01) is a Thursday, so day + 4 counts from a Sunday.
        const week = (ms: number): number => Math.floor((dayNumber(ms) + 4) / 7);
        return week(b) - week(a);
      }
      default:
        return Math.floor(b / MS[unit]) - Math.floor(a / MS[unit]);
    }
  },
};
