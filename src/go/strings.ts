/**
 * Go string semantics that the API server's rules and kubectl's messages depend
 * on: the places where Go and JavaScript strings behave differently.
 */

const GO_SIMPLE_ESCAPES: ReadonlyMap<string, string> = new Map([
  ['\u0007', '\\a'],
  ['\b', '\\b'],
  ['\f', '\\f'],
  ['\n', '\\n'],
  ['\r', '\\r'],
  ['\t', '\\t'],
  ['\v', '\\v'],
  ['\\', '\\\\'],
  ['"', '\\"'],
]);

// Go's unicode.IsPrint: letters, marks, numbers, punctuation, symbols and the ASCII space.
const GO_PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u;

const hex = (n: number, width: number): string => n.toString(16).padStart(width, '0');

function goEscapeRune(ch: string): string {
  const simple = GO_SIMPLE_ESCAPES.get(ch);
  if (simple !== undefined) return simple;
  if (GO_PRINTABLE.test(ch)) return ch;
  const code = ch.codePointAt(0) ?? 0;
  if (code < 0x80) return `\\x${hex(code, 2)}`;
  return code < 0x10000 ? `\\u${hex(code, 4)}` : `\\U${hex(code, 8)}`;
}

/** Go `%q` / `strconv.Quote`, used for bad values in field errors and for selectors in kubectl messages. */
export function goQuote(text: string): string {
  return `"${Array.from(text, goEscapeRune).join('')}"`;
}

// Go's unicode.IsSpace (JS `\s` differs: it includes U+FEFF and lacks U+0085).
const GO_SPACES: ReadonlySet<string> = new Set([
  '\t',
  '\n',
  '\v',
  '\f',
  '\r',
  ' ',
  '\u0085',
  '\u00A0',
  '\u1680',
  ...Array.from({ length: 0x200a - 0x2000 + 1 }, (_, i) => String.fromCharCode(0x2000 + i)),
  '\u2028',
  '\u2029',
  '\u202F',
  '\u205F',
  '\u3000',
]);

/**
 * Go `strings.TrimSpace`: one scan inward from each end, so the cost is
 * linear in the input (a regex `\s+$` retried at every space is quadratic:
 * 200,000 spaces took 53 s). Every Go space is one UTF-16 unit.
 */
export function goTrimSpace(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && GO_SPACES.has(text.charAt(start))) start++;
  while (end > start && GO_SPACES.has(text.charAt(end - 1))) end--;
  return text.slice(start, end);
}

/** Go string order (`sort.Strings`) is UTF-8 byte order, which equals code-point order. */
export function compareGoStrings(a: string, b: string): number {
  const left = Array.from(a, (ch) => ch.codePointAt(0) ?? 0);
  const right = Array.from(b, (ch) => ch.codePointAt(0) ?? 0);
  for (let i = 0; i < Math.min(left.length, right.length); i++) {
    const diff = (left[i] ?? 0) - (right[i] ?? 0);
    if (diff !== 0) return diff;
  }
  return left.length - right.length;
}

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/** Go `strconv.ParseInt(s, 10, 64)`: optional sign, ASCII digits, int64 range; otherwise undefined. */
export function parseGoInt64(text: string): bigint | undefined {
  if (!/^[+-]?[0-9]+$/.test(text)) return undefined;
  const value = BigInt(text);
  return value < INT64_MIN || value > INT64_MAX ? undefined : value;
}
