import { err, ok, type Result } from '../result.ts';

const UNITS: Record<string, number> = {
  ns: 1e-6,
  us: 1e-3,
  µs: 1e-3,
  μs: 1e-3,
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
};

const MAX_NANOSECONDS = 2 ** 63 - 1;

/**
 * Go's time.ParseDuration, in milliseconds (`--since=1h30m`, `--since=90s`, `--since=1.5h`).
 * The error is Go's own text, which pflag prints after `invalid argument`.
 */
export function parseGoDuration(text: string): Result<number, string> {
  const invalid = err(`time: invalid duration ${JSON.stringify(text)}`);
  let rest = text;
  let sign = 1;
  if (rest.startsWith('-') || rest.startsWith('+')) {
    sign = rest.startsWith('-') ? -1 : 1;
    rest = rest.slice(1);
  }
  if (rest === '0') return ok(0);
  if (rest === '') return invalid;
  let total = 0;
  while (rest !== '') {
    const m = /^(\d*(?:\.\d*)?)([^\d.]*)/.exec(rest);
    const number = m?.[1] ?? '';
    const unit = m?.[2] ?? '';
    if (number === '' || number === '.') return invalid;
    // Go reads the whole-number part as an int64 before it looks at the unit.
    if (Number(number.split('.')[0]) > MAX_NANOSECONDS) return invalid;
    if (unit === '') return err(`time: missing unit in duration ${JSON.stringify(text)}`);
    const scale = UNITS[unit];
    if (scale === undefined)
      return err(`time: unknown unit ${JSON.stringify(unit)} in duration ${JSON.stringify(text)}`);
    total += Number(number) * scale;
    rest = rest.slice(number.length + unit.length);
    // Go's Duration is int64 nanoseconds (about 292 years): past it, the whole text is invalid.
    if (total * 1e6 > MAX_NANOSECONDS) return invalid;
  }
  return ok(sign * total);
}

/** Go's time.Duration String() for whole milliseconds: "10s", "5m0s", "645ms", "2.1s", "1m2.5s". */
export function goDuration(ms: number): string {
  if (ms < 1000) return `${ms}ms`;
  const minutes = Math.floor(ms / 60_000);
  const rest = ms - minutes * 60_000;
  const seconds = `${Math.floor(rest / 1000)}${
    rest % 1000 === 0
      ? ''
      : `.${String(rest % 1000)
          .padStart(3, '0')
          .replace(/0+$/, '')}`
  }s`;
  return minutes === 0 ? seconds : `${minutes}m${seconds}`;
}
