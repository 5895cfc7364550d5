import { goQuote } from './strings.ts';

/**
 * How Go prints the unstructured values kubectl's template printers walk (maps of string to
 * interface{}, slices, strings, int64 for whole numbers, float64, bool, nil).
 */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

export const isMap = (v: unknown): v is { [key: string]: JsonValue } =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

const byteOrder = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** encoding/json Marshal: compact, map keys sorted, `<`, `>` and `&` escaped. */
export function goMarshal(value: JsonValue, indent = ''): string {
  const sorted = (v: JsonValue): JsonValue =>
    Array.isArray(v)
      ? v.map(sorted)
      : isMap(v)
        ? Object.fromEntries(
            Object.keys(v)
              .sort(byteOrder)
              .map((k) => [k, sorted(v[k] ?? null)]),
          )
        : v;
  return JSON.stringify(sorted(value), null, indent === '' ? undefined : indent).replace(
    /[<>&\u2028\u2029]/g,
    (ch) => `\\u${(ch.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}`,
  );
}

/** fmt.Print of a scalar: whole numbers as int64 print, others as %v of a float64. */
export function goPrint(value: JsonValue): string {
  if (value === null) return '<nil>';
  if (typeof value === 'number') return goNumber(value);
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `[${value.map(goPrint).join(' ')}]`;
  const keys = Object.keys(value).sort(byteOrder);
  return `map[${keys.map((k) => `${k}:${goPrint(value[k] ?? null)}`).join(' ')}]`;
}

/** An unstructured number: whole ones are int64, others float64 printed as fmt's %v. */
const goNumber = (n: number): string =>
  Number.isInteger(n) && Math.abs(n) < 2 ** 63 ? String(n) : goFloat(n);

/** fmt's %v of a float64 (strconv 'g', shortest): an exponent from 1e+06 up and below 1e-04. */
export function goFloat(n: number): string {
  if (n === 0 || !Number.isFinite(n)) return n === 0 ? '0' : n > 0 ? '+Inf' : n < 0 ? '-Inf' : 'NaN';
  const exp = Math.floor(Math.log10(Math.abs(n)));
  if (exp < -4 || exp >= 6) {
    const [mantissa, e] = n.toExponential().split('e');
    const power = Number(e);
    return `${mantissa}e${power < 0 ? '-' : '+'}${String(Math.abs(power)).padStart(2, '0')}`;
  }
  return String(n);
}

/** fmt's %#v of an unstructured value, as kubectl's template errors dump the object. */
export function goSharpV(value: JsonValue): string {
  if (value === null) return 'interface {}(nil)';
  if (typeof value === 'string') return goQuote(value);
  if (typeof value === 'number') return goNumber(value);
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `[]interface {}{${value.map(goSharpV).join(', ')}}`;
  const keys = Object.keys(value).sort(byteOrder);
  return `map[string]interface {}{${keys.map((k) => `${goQuote(k)}:${goSharpV(value[k] ?? null)}`).join(', ')}}`;
}

const SIMPLE_ESCAPES: Record<string, string> = {
  a: '\x07',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  '\\': '\\',
};

/**
 * strconv.Unquote for a "double" or 'single' quoted Go string (jsonpath's UnquoteExtend lets
 * single quotes hold a whole string). Null where Go reports invalid syntax.
 */
export function unquoteGo(raw: string): string | null {
  const quote = raw[0];
  if (raw.length < 2 || (quote !== '"' && quote !== "'") || raw.at(-1) !== quote) return null;
  const body = raw.slice(1, -1);
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const ch = body[i] ?? '';
    if (ch === quote) return null;
    if (ch !== '\\') {
      out += ch;
      continue;
    }
    const next = body[i + 1] ?? '';
    i += 1;
    if (next in SIMPLE_ESCAPES) out += SIMPLE_ESCAPES[next];
    else if (next === quote) out += quote;
    else if (next === 'x' || next === 'u' || next === 'U') {
      const width = next === 'x' ? 2 : next === 'u' ? 4 : 8;
      const hex = body.slice(i + 1, i + 1 + width);
      if (!new RegExp(`^[0-9a-fA-F]{${width}}$`).test(hex)) return null;
      const code = Number.parseInt(hex, 16);
      if (code > 0x10ffff) return null;
      out += String.fromCodePoint(code);
      i += width;
    } else if (/^[0-7]$/.test(next)) {
      const octal = body.slice(i, i + 3);
      if (!/^[0-7]{3}$/.test(octal) || Number.parseInt(octal, 8) > 255) return null;
      out += String.fromCharCode(Number.parseInt(octal, 8));
      i += 2;
    } else return null;
  }
  return out;
}
