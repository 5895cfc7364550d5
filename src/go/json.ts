import { err, ok, type Result } from '../result.ts';
import { type JsonObject, type JsonValue, jsonObject, setKey } from './json-value.ts';

/**
 * A JSON manifest, read as kubectl's decoder reads it: a stream of values separated by white
 * space, each checked by Go's encoding/json scanner, whose errors kubectl prints verbatim:
 * `json: offset 36: invalid character ',' looking for beginning of object key string`. The offset
 * counts UTF-8 bytes from the end of the previous value up to and including the bad character; an
 * input that stops mid-value is `unexpected EOF`.
 *
 *   stream  = ws { value ws }
 *   value   = object | array | string | number | "true" | "false" | "null"
 *   object  = "{" ws [ string ws ":" ws value ws { "," ws string ws ":" ws value ws } ] "}"
 *   array   = "[" ws [ value ws { "," ws value ws } ] "]"
 */
export type StreamItem = { value: JsonValue } | { error: string };

/** Go allows 10000 levels; the sandbox allows fewer, which real manifests never approach. */
export const MAX_DEPTH = 64;

class SyntaxFailure {
  constructor(
    readonly at: number,
    readonly message: string,
  ) {}
}
class UnexpectedEnd {}

/** Values one at a time; the first error (as kubectl prints it after `error parsing FILE: `) ends them. */
export function* jsonValues(text: string): Generator<StreamItem> {
  let start = 0;
  for (;;) {
    const p = new Parser(text, start);
    p.skipSpace();
    if (p.i >= text.length) return;
    try {
      const value = p.value(0);
      start = p.i;
      yield { value };
    } catch (e) {
      if (e instanceof UnexpectedEnd) return yield { error: 'unexpected EOF' };
      if (!(e instanceof SyntaxFailure)) throw e;
      const offset = Buffer.byteLength(text.slice(start, e.at + 1));
      return yield { error: `json: offset ${offset}: ${e.message}` };
    }
  }
}

/**
 * One JSON document as Go's json.Unmarshal reads it (a `--overrides` value): the scanner's errors
 * without an offset, `unexpected end of JSON input`, and nothing but space after the value.
 */
export function jsonDocument(text: string): Result<JsonValue, string> {
  const p = new Parser(text, 0);
  try {
    const value = p.value(0);
    p.skipSpace();
    if (p.i < text.length)
      return err(`invalid character ${quoteChar(text[p.i] ?? '')} after top-level value`);
    return ok(value);
  } catch (e) {
    if (e instanceof UnexpectedEnd) return err('unexpected end of JSON input');
    if (e instanceof SyntaxFailure) return err(e.message);
    throw e;
  }
}

class Parser {
  constructor(
    readonly text: string,
    public i: number,
  ) {}

  skipSpace(): void {
    while (this.i < this.text.length && ' \t\r\n'.includes(this.text[this.i] ?? '')) this.i++;
  }

  private peek(): string {
    if (this.i >= this.text.length) throw new UnexpectedEnd();
    return this.text[this.i] ?? '';
  }

  private fail(context: string): never {
    throw new SyntaxFailure(this.i, `invalid character ${quoteChar(this.peek())} ${context}`);
  }

  value(depth: number): JsonValue {
    this.skipSpace();
    const c = this.peek();
    if (c === '{' || c === '[') {
      if (depth >= MAX_DEPTH) this.fail('exceeded max depth');
      return c === '{' ? this.object(depth + 1) : this.array(depth + 1);
    }
    if (c === '"') return this.string();
    if (c === '-' || (c >= '0' && c <= '9')) return this.number();
    for (const [word, result] of [
      ['true', true],
      ['false', false],
      ['null', null],
    ] as const) {
      if (c === word[0]) return this.literal(word, result);
    }
    return this.fail('looking for beginning of value');
  }

  private object(depth: number): JsonObject {
    const out = jsonObject();
    this.i++;
    this.skipSpace();
    if (this.peek() === '}') {
      this.i++;
      return out;
    }
    for (;;) {
      this.skipSpace();
      if (this.peek() !== '"') this.fail('looking for beginning of object key string');
      const key = this.string();
      this.skipSpace();
      if (this.peek() !== ':') this.fail('after object key');
      this.i++;
      setKey(out, key, this.value(depth));
      this.skipSpace();
      const c = this.peek();
      this.i++;
      if (c === '}') return out;
      if (c !== ',') {
        this.i--;
        this.fail('after object key:value pair');
      }
    }
  }

  private array(depth: number): JsonValue[] {
    const out: JsonValue[] = [];
    this.i++;
    this.skipSpace();
    if (this.peek() === ']') {
      this.i++;
      return out;
    }
    for (;;) {
      out.push(this.value(depth));
      this.skipSpace();
      const c = this.peek();
      this.i++;
      if (c === ']') return out;
      if (c !== ',') {
        this.i--;
        this.fail('after array element');
      }
    }
  }

  private string(): string {
    const begin = this.i;
    this.i++;
    for (;;) {
      const c = this.peek();
      if (c === '"') break;
      if (c < ' ') this.fail('in string literal');
      if (c === '\\') {
        this.i++;
        const e = this.peek();
        if (e === 'u') {
          for (let k = 0; k < 4; k++) {
            this.i++;
            if (!/[0-9a-fA-F]/.test(this.peek())) this.fail('in \\u hexadecimal character escape');
          }
        } else if (!'"\\/bfnrt'.includes(e)) this.fail('in string escape code');
      }
      this.i++;
    }
    this.i++;
    return JSON.parse(this.text.slice(begin, this.i)) as string;
  }

  private number(): number {
    const begin = this.i;
    if (this.peek() === '-') {
      this.i++;
      if (!/[0-9]/.test(this.peek())) this.fail('in numeric literal');
    }
    if (this.peek() === '0') this.i++;
    else this.digits();
    if (this.at('.')) {
      this.i++;
      if (!/[0-9]/.test(this.peek())) this.fail('after decimal point in numeric literal');
      this.digits();
    }
    if (this.at('e') || this.at('E')) {
      this.i++;
      if (this.at('+') || this.at('-')) this.i++;
      if (!/[0-9]/.test(this.peek())) this.fail('in exponent of numeric literal');
      this.digits();
    }
    return Number(this.text.slice(begin, this.i));
  }

  private digits(): void {
    while (this.i < this.text.length && /[0-9]/.test(this.text[this.i] ?? '')) this.i++;
  }

  private at(c: string): boolean {
    return this.i < this.text.length && this.text[this.i] === c;
  }

  private literal(word: string, result: boolean | null): boolean | null {
    for (let k = 0; k < word.length; k++) {
      if (this.peek() !== word[k]) this.fail(`in literal ${word} (expecting ${quoteChar(word[k] ?? '')})`);
      this.i++;
    }
    return result;
  }
}

/** Go's quoteChar: the character in single quotes, escaped as strconv.Quote would. */
function quoteChar(c: string): string {
  if (c === "'") return "'\\''";
  if (c === '"') return `'"'`;
  const quoted = JSON.stringify(c);
  return `'${quoted.slice(1, -1).replace(/\\u00([0-9a-f]{2})/g, '\\x$1')}'`;
}
