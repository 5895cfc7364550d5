import { err, ok, type Result } from '../result.ts';

/**
 * Go's `time.Parse(time.RFC3339, s)` (and so kubectl's util.ParseRFC3339, which tries
 * RFC3339Nano first: the same times): the instant in milliseconds since the epoch, or Go's own
 * error text. The general parser is walked element by element as Go walks the layout
 * `2006-01-02T15:04:05Z07:00`, so it is as lenient as Go's (a one-digit hour, any fraction of a
 * second after the seconds) and fails with the same words:
 * `parsing time "x" as "2006-01-02T15:04:05Z07:00": cannot parse "x" as "2006"`, or
 * `parsing time "x": month out of range`. Linear in the input.
 */
const LAYOUT = '2006-01-02T15:04:05Z07:00';

type Step =
  | { literal: string }
  | { std: 'year' | 'month' | 'day' | 'hour' | 'minute' | 'second' | 'zone'; text: string };

const STEPS: readonly Step[] = [
  { std: 'year', text: '2006' },
  { literal: '-' },
  { std: 'month', text: '01' },
  { literal: '-' },
  { std: 'day', text: '02' },
  { literal: 'T' },
  { std: 'hour', text: '15' },
  { literal: ':' },
  { std: 'minute', text: '04' },
  { literal: ':' },
  { std: 'second', text: '05' },
  { std: 'zone', text: 'Z07:00' },
];

interface Fields {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millis: number;
  offsetSeconds: number;
}

class Bad {
  constructor(readonly message: string) {}
}

export function parseRfc3339(value: string): Result<number, string> {
  const f: Fields = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0, millis: 0, offsetSeconds: 0 };
  let rest = value;
  for (const step of STEPS) {
    if ('literal' in step) {
      if (!rest.startsWith(step.literal)) return err(cannotParse(value, rest, step.literal));
      rest = rest.slice(step.literal.length);
      continue;
    }
    const read = element(step.std, rest, f);
    if (read instanceof Bad) return err(`parsing time ${goTimeQuote(value)}: ${read.message} out of range`);
    if (read === null) return err(cannotParse(value, rest, step.text));
    rest = read;
  }
  if (rest !== '') return err(`parsing time ${goTimeQuote(value)}: extra text: ${goTimeQuote(rest)}`);
  if (f.day < 1 || f.day > daysIn(f.month, f.year))
    return err(`parsing time ${goTimeQuote(value)}: day out of range`);
  const utc = Date.UTC(f.year, f.month - 1, f.day, f.hour, f.minute, f.second, f.millis);
  // Date.UTC reads years 0-99 as 1900-1999.
  const year = new Date(utc);
  year.setUTCFullYear(f.year);
  return ok(year.getTime() - f.offsetSeconds * 1000);
}

/** One layout element: what is left after it, null when it cannot be read, Bad when out of range. */
function element(std: Extract<Step, { std: string }>['std'], value: string, f: Fields): string | null | Bad {
  switch (std) {
    case 'year': {
      // stdLongYear: four characters, the first a digit, read by atoi (so all digits).
      if (!/^\d{4}/.test(value)) return null;
      f.year = Number(value.slice(0, 4));
      return value.slice(4);
    }
    case 'month':
      return field(
        value,
        true,
        13,
        'month',
        (n) => {
          f.month = n;
        },
        1,
      );
    case 'day':
      return field(value, true, 100, 'day', (n) => {
        f.day = n;
      });
    case 'hour':
      return field(value, false, 24, 'hour', (n) => {
        f.hour = n;
      });
    case 'minute':
      return field(value, true, 60, 'minute', (n) => {
        f.minute = n;
      });
    case 'second': {
      const rest = field(value, true, 60, 'second', (n) => {
        f.second = n;
      });
      if (typeof rest !== 'string') return rest;
      // A fraction the layout does not name is still read: `.` or `,` and digits.
      if (rest.length < 2 || !(rest[0] === '.' || rest[0] === ',') || !isDigit(rest, 1)) return rest;
      let n = 2;
      while (n < rest.length && isDigit(rest, n)) n++;
      f.millis = Math.floor(Number(`0.${rest.slice(1, Math.min(n, 10))}`) * 1000);
      return rest.slice(n);
    }
    case 'zone':
      return zone(value, f);
  }
}

/**
 * Go's getnum (one or two digits, exactly two when `fixed`) and the element's range check
 * (`min` to below `end`): what is left, null when unreadable, Bad when out of range.
 */
function field(
  value: string,
  fixed: boolean,
  end: number,
  name: string,
  set: (n: number) => void,
  min = 0,
): string | null | Bad {
  if (!isDigit(value, 0)) return null;
  const two = isDigit(value, 1);
  if (!two && fixed) return null;
  const n = two ? Number(value.slice(0, 2)) : Number(value[0]);
  if (n < min || n >= end) return new Bad(name);
  set(n);
  return value.slice(two ? 2 : 1);
}

/**
 * `Z`, or `±hh:mm`: Go reads both numbers (each exactly two digits), checks their ranges
 * (minutes last, so they win), and only then the parse errors and the sign.
 */
function zone(value: string, f: Fields): string | null | Bad {
  if (value.startsWith('Z')) return value.slice(1);
  if (value.length < 6 || value[3] !== ':') return null;
  const hours = twoDigits(value.slice(1, 3));
  const minutes = hours === null ? null : twoDigits(value.slice(4, 6));
  if (minutes !== null && minutes > 60) return new Bad('time zone offset minute');
  if (hours !== null && hours > 24) return new Bad('time zone offset hour');
  const sign = value[0];
  if (hours === null || minutes === null || (sign !== '+' && sign !== '-')) return null;
  f.offsetSeconds = (sign === '-' ? -1 : 1) * (hours * 60 + minutes) * 60;
  return value.slice(6);
}

const twoDigits = (text: string): number | null => (/^\d\d/.test(text) ? Number(text.slice(0, 2)) : null);

const isDigit = (s: string, i: number) => i < s.length && s[i] !== undefined && s[i] >= '0' && s[i] <= '9';

function daysIn(month: number, year: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

const cannotParse = (value: string, rest: string, element: string) =>
  `parsing time ${goTimeQuote(value)} as ${goTimeQuote(LAYOUT)}: cannot parse ${goTimeQuote(rest)} as ${goTimeQuote(element)}`;

/** The time package's quote: `"` and `\` escaped, bytes outside printable ASCII as `\xhh`. */
function goTimeQuote(text: string): string {
  let out = '"';
  for (const byte of Buffer.from(text, 'utf8')) {
    if (byte >= 0x80 || byte < 0x20) out += `\\x${byte.toString(16).padStart(2, '0')}`;
    else {
      const c = String.fromCharCode(byte);
      out += c === '"' || c === '\\' ? `\\${c}` : c;
    }
  }
  return `${out}"`;
}
