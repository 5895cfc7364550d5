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
