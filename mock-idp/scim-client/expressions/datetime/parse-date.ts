/*
 * Lenient date parsing for CDate (and for date strings handed to DateAdd/DateDiff/NumFromDate), standing in for
 * .NET's DateTime.Parse under the invariant culture. Accepted shapes (all documented examples use them):
 * - ISO 8601 dates with an optional offset:           2020-03-16   2020-03-16-07:00   2021-06-30+08:00
 * - ISO 8601 date-times (T or space), fraction, zone:  2009-06-15T01:45:30-07:00   2020-12-31 23:59:59-08:00   …Z
 * - Entra's own output, US order with AM/PM:           8/25/2021 5:41:18 PM   3/16/2020
 * A value with an offset is converted to UTC; a value without one is taken as UTC.
 */
import { utcInstant } from './dotnet-format.ts';

const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,7}))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;
const US = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,7}))?)?(?:\s*(AM|PM))?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

function offset(zone: string | undefined): number {
  if (!zone || zone.toUpperCase() === 'Z') return 0;
  const m = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone)!;
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? 0));
}

/** Returns the UTC instant in ms, or null when the text is not a date this parser knows. */
export function parseDate(input: string): number | null {
  const text = input.trim();
  let m = ISO.exec(text);
  if (m) {
    const fraction = m[7] ? Number(`0.${m[7]}`) : 0;
    return utcInstant(+m[1]!, +m[2]!, +m[3]!, +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0), fraction, offset(m[8]));
  }
  m = US.exec(text);
  if (m) {
    let hour = +(m[4] ?? 0);
    if (m[8]) {
      if (hour < 1 || hour > 12) return null;
      hour = (hour % 12) + (m[8].toUpperCase() === 'PM' ? 12 : 0);
    }
    const fraction = m[7] ? Number(`0.${m[7]}`) : 0;
    return utcInstant(+m[3]!, +m[1]!, +m[2]!, hour, +(m[5] ?? 0), +(m[6] ?? 0), fraction, offset(m[9]));
  }
  return null;
}
