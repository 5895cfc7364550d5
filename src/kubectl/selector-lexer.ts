/**
 * Lexer for label-selector strings, a byte-for-byte port of the `Lexer` in
 * apimachinery `pkg/labels/selector.go` (v1.34), plus the start offset of
 * every token so errors can point at the input.
 *
 * Upstream quirks kept on purpose:
 * - Only ' ', '\t', '\r' and '\n' are whitespace; '\v', '\f' and Unicode
 *   spaces are ordinary identifier characters.
 * - A run of special symbols is split greedily: `===` is `==` then `=`,
 *   `>=` is `>` then `=`, `!==` is `!=` then `=`.
 * - `in` and `notin` are keywords only as whole lower-case words; the parser
 *   turns them back into identifiers where it expects values.
 * - `~`, `|`, `&`, `:` and so on are not special, so `a||y` is one identifier.
 * - Go's `read()` returns 0 both at the end and for a literal NUL, so a NUL
 *   character ends the string (text after it is never parsed).
 * - Upstream also has an ErrorToken for a special-symbol run that forms no
 *   token. Every single special symbol is itself a token, so it can never be
 *   produced and is omitted here.
 */

export type TokenKind =
  | 'EndOfString'
  | 'ClosedPar'
  | 'Comma'
  | 'DoesNotExist'
  | 'DoubleEquals'
  | 'Equals'
  | 'GreaterThan'
  | 'Identifier'
  | 'In'
  | 'LessThan'
  | 'NotEquals'
  | 'NotIn'
  | 'OpenPar';

export interface Token {
  readonly kind: TokenKind;
  /** The text upstream prints in `found '...'` messages; `''` for the end of string. */
  readonly literal: string;
  /** 0-based UTF-16 offset of the token's first character (input length for the end). */
  readonly offset: number;
}

const SYMBOLS: ReadonlyMap<string, TokenKind> = new Map<string, TokenKind>([
  [')', 'ClosedPar'],
  [',', 'Comma'],
  ['!', 'DoesNotExist'],
  ['==', 'DoubleEquals'],
  ['=', 'Equals'],
  ['>', 'GreaterThan'],
  ['<', 'LessThan'],
  ['!=', 'NotEquals'],
  ['(', 'OpenPar'],
]);

const KEYWORDS: ReadonlyMap<string, TokenKind> = new Map<string, TokenKind>([
  ['in', 'In'],
  ['notin', 'NotIn'],
]);

const NUL = '\u0000';

export const isWhitespace = (ch: string | undefined): boolean =>
  ch === ' ' || ch === '\t' || ch === '\r' || ch === '\n';

export const isSpecialSymbol = (ch: string | undefined): boolean =>
  ch !== undefined && '=!(),><'.includes(ch) && ch.length === 1;

/** A scanned token and where the next scan starts. */
interface Scan {
  readonly token: Token;
  readonly next: number;
}

/** Go consumes a NUL that stops a scan (it reads it and does not unread). */
const skipNul = (text: string, at: number): number => (text[at] === NUL ? at + 1 : at);

function scanSpecialSymbol(text: string, start: number): Scan {
  let end = start + 1;
  // Grow the symbol while the longer text is still a known token.
  while (isSpecialSymbol(text[end]) && SYMBOLS.has(text.slice(start, end + 1))) end++;
  const literal = text.slice(start, end);
  const kind = SYMBOLS.get(literal) ?? 'Identifier';
  return { token: { kind, literal, offset: start }, next: skipNul(text, end) };
}

function scanIdentifierOrKeyword(text: string, start: number): Scan {
  let end = start;
  while (end < text.length) {
    const ch = text[end];
    if (ch === NUL || isSpecialSymbol(ch) || isWhitespace(ch)) break;
    end++;
  }
  const literal = text.slice(start, end);
  const kind = KEYWORDS.get(literal) ?? 'Identifier';
  return { token: { kind, literal, offset: start }, next: skipNul(text, end) };
}

/** Upstream `Lexer.Lex`: skip whitespace, then one token. */
function lexOne(text: string, from: number): Scan {
  let pos = from;
  while (isWhitespace(text[pos])) pos++;
  const ch = text[pos];
  if (ch === undefined || ch === NUL) {
    return { token: { kind: 'EndOfString', literal: '', offset: pos }, next: pos + 1 };
  }
  return isSpecialSymbol(ch) ? scanSpecialSymbol(text, pos) : scanIdentifierOrKeyword(text, pos);
}

/** Upstream `Parser.scan`: every token up to and including the first end of string. */
export function lexSelector(text: string): Token[] {
  const tokens: Token[] = [];
  let pos = 0;
  for (;;) {
    const { token, next } = lexOne(text, pos);
    tokens.push(token);
    if (token.kind === 'EndOfString') return tokens;
    pos = next;
  }
}

// ---------------------------------------------------------------------------
// Go string semantics that the selector parser and printer depend on. They
// live here, next to the byte-level lexer, because they are the other places
// where Go and JavaScript strings behave differently.
// ---------------------------------------------------------------------------

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
