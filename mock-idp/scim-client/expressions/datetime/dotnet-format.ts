/*
 * .NET custom date and time format strings, invariant culture, UTC — formatting and exact parsing.
 * Reference: learn.microsoft.com/dotnet/standard/base-types/custom-date-and-time-format-strings
 * - specifiers: yyyy yyy yy y, MMMM MMM MM M, dddd ddd dd d, HH H, hh h, mm m, ss s, f…fffffff, F…FFFFFFF, tt t,
 *   z zz zzz, K, g/gg (era), ':' and '/' (invariant separators)
 * - literals: 'quoted', "quoted", \x escapes, %x (single specifier); every other character is itself
 *   (so the "Z" in "yyyyMMddHHmmss.fZ" is a literal, as in .NET)
 * - all instants are UTC: z/zzz print +00:00, K prints Z; a parsed offset converts the value to UTC (Entra's
 *   servers run in UTC, so .NET's conversion to local time lands on the same instant)
 */
export type FormatToken = { kind: 'literal'; text: string } | { kind: 'field'; letter: string; count: number };

const LETTERS = new Set(['y', 'M', 'd', 'H', 'h', 'm', 's', 'f', 'F', 't', 'z', 'K', 'g']);
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

export function tokenizeFormat(format: string): FormatToken[] {
  const out: FormatToken[] = [];
  let i = 0;
  const literal = (text: string): void => {
    const last = out[out.length - 1];
    if (last?.kind === 'literal') last.text += text;
    else out.push({ kind: 'literal', text });
  };
  while (i < format.length) {
    const c = format[i]!;
    if (c === "'" || c === '"') {
      const close = format.indexOf(c, i + 1);
      if (close < 0) throw new FormatError(`unterminated quoted literal in format "${format}"`);
      literal(format.slice(i + 1, close));
      i = close + 1;
    } else if (c === '\\') {
      if (i + 1 >= format.length) throw new FormatError(`format "${format}" ends with an escape`);
      literal(format[i + 1]!);
      i += 2;
    } else if (c === '%' && LETTERS.has(format[i + 1] ?? '')) {
      out.push({ kind: 'field', letter: format[i + 1]!, count: 1 });
      i += 2;
    } else if (LETTERS.has(c)) {
      let n = 1;
      while (format[i + n] === c) n++;
      if ((c === 'f' || c === 'F') && n > 7) throw new FormatError(`"${c.repeat(n)}" has more than 7 fraction digits`);
      out.push({ kind: 'field', letter: c, count: n });
      i += n;
    } else {
      literal(c);
      i++;
    }
  }
  return out;
}

export class FormatError extends Error {}

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/** Formats a UTC instant (ms since epoch) with a .NET custom format string. */
export function formatDotNet(ms: number, format: string): string {
  const d = new Date(ms);
  const year = d.getUTCFullYear();
  const hour = d.getUTCHours();
  let out = '';
  for (const t of tokenizeFormat(format)) {
    if (t.kind === 'literal') {
      out += t.text;
      continue;
    }
    const n = t.count;
    switch (t.letter) {
      case 'y':
        out += n === 2 ? pad(year % 100, 2) : n === 1 ? String(year % 100) : pad(year, n);
        break;
      case 'M':
        out += n >= 4 ? MONTHS[d.getUTCMonth()] : n === 3 ? MONTHS[d.getUTCMonth()]!.slice(0, 3) : pad(d.getUTCMonth() + 1, n);
        break;
      case 'd':
        out += n >= 4 ? DAYS[d.getUTCDay()] : n === 3 ? DAYS[d.getUTCDay()]!.slice(0, 3) : pad(d.getUTCDate(), n);
        break;
      case 'H':
        out += pad(hour, Math.min(n, 2));
        break;
      case 'h':
        out += pad(hour % 12 === 0 ? 12 : hour % 12, Math.min(n, 2));
        break;
      case 'm':
        out += pad(d.getUTCMinutes(), Math.min(n, 2));
        break;
      case 's':
        out += pad(d.getUTCSeconds(), Math.min(n, 2));
        break;
      case 'f':
      case 'F': {
        const digits = pad(d.getUTCMilliseconds(), 3).padEnd(7, '0').slice(0, n);
        out += t.letter === 'F' ? digits.replace(/0+$/, '') : digits;
        if (t.letter === 'F' && out.endsWith('.') && digits.replace(/0+$/, '') === '') out = out.slice(0, -1);
        break;
      }
      case 't':
        out += (hour < 12 ? 'AM' : 'PM').slice(0, n === 1 ? 1 : 2);
        break;
      case 'z':
        out += n === 1 ? '+0' : n === 2 ? '+00' : '+00:00';
        break;
      case 'K':
        out += 'Z';
        break;
      case 'g':
        out += 'A.D.';
        break;
    }
  }
  return out;
}

/**
 * DateTime.ParseExact for one format: returns the UTC instant, or null when the text does not match.
 * Leading/trailing white space is allowed (Entra's default styles include AllowLeadingWhite/AllowTrailingWhite).
 */
export function parseExactDotNet(input: string, format: string): number | null {
  const text = input.trim();
  let i = 0;
  let year = 1,
    month = 1,
    day = 1,
    hour = 0,
    minute = 0,
    second = 0,
    fraction = 0;
  let pm: boolean | null = null;
  let offsetMinutes = 0;
  const digits = (min: number, max: number): number | null => {
    const m = new RegExp(`^[0-9]{${min},${max}}`).exec(text.slice(i));
    if (!m) return null;
    i += m[0].length;
    return Number(m[0]);
  };
  const word = (names: string[], abbreviated: boolean): number | null => {
    for (let k = 0; k < names.length; k++) {
      const name = abbreviated ? names[k]!.slice(0, 3) : names[k]!;
      if (text.slice(i, i + name.length).toLowerCase() === name.toLowerCase()) {
        i += name.length;
        return k;
      }
    }
    return null;
  };
  for (const t of tokenizeFormat(format)) {
    if (t.kind === 'literal') {
      if (text.slice(i, i + t.text.length) !== t.text) return null;
      i += t.text.length;
      continue;
    }
    const n = t.count;
    let v: number | null;
    switch (t.letter) {
      case 'y':
        v = n <= 2 ? digits(n, 2) : digits(n, Math.max(n, 4));
        if (v === null) return null;
        year = n <= 2 ? (v <= 49 ? 2000 + v : 1900 + v) : v;
        break;
      case 'M':
        v = n >= 3 ? word(MONTHS, n === 3) : digits(n, 2);
        if (v === null) return null;
        month = n >= 3 ? v + 1 : v;
        break;
      case 'd':
        if (n >= 3) {
          if (word(DAYS, n === 3) === null) return null;
          break;
        }
        v = digits(n, 2);
        if (v === null) return null;
        day = v;
        break;
      case 'H':
      case 'h':
        v = digits(n, 2);
        if (v === null) return null;
        hour = v;
        break;
      case 'm':
        v = digits(n, 2);
        if (v === null) return null;
        minute = v;
        break;
      case 's':
        v = digits(n, 2);
        if (v === null) return null;
        second = v;
        break;
      case 'f':
      case 'F': {
        const m = new RegExp(`^[0-9]{${t.letter === 'f' ? n : 0},${n}}`).exec(text.slice(i));
        if (!m) return null;
        i += m[0].length;
        fraction = m[0] ? Number(`0.${m[0]}`) : 0;
        break;
      }
      case 't': {
        const m = (n === 1 ? /^[AP]/i : /^(AM|PM)/i).exec(text.slice(i));
        if (!m) return null;
        i += m[0].length;
        pm = m[0].toUpperCase().startsWith('P');
        break;
      }
      case 'z':
      case 'K': {
        if (t.letter === 'K' && text[i] === 'Z') {
          i++;
          break;
        }
        const m = /^([+-])([0-9]{1,2})(?::?([0-9]{2}))?/.exec(text.slice(i));
        if (!m) {
          if (t.letter === 'K') break;
          return null;
        }
        i += m[0].length;
        offsetMinutes = (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? 0));
        break;
      }
      case 'g':
        if (!/^A\.?D\.?/i.test(text.slice(i))) return null;
        i += /^A\.?D\.?/i.exec(text.slice(i))![0].length;
        break;
    }
  }
  if (i !== text.length) return null;
  if (pm !== null) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (pm ? 12 : 0);
  }
  return utcInstant(year, month, day, hour, minute, second, fraction, offsetMinutes);
}

/** Builds a UTC instant from calendar fields, refusing impossible dates (Feb 30, hour 25…). */
export function utcInstant(year: number, month: number, day: number, hour: number, minute: number, second: number, fraction: number, offsetMinutes: number): number | null {
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59 || year < 1 || year > 9999) return null;
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  d.setUTCHours(hour, minute, second, Math.round(fraction * 1000));
  if (d.getUTCDate() !== day) return null;
  return d.getTime() - offsetMinutes * 60_000;
}
