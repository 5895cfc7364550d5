import { split } from 'shlex';
import { err, ok, type Result } from '../result.ts';

/**
 * Splits a command line as a POSIX shell would (quotes, backslashes), so `-l 'env in (a,b)'`
 * arrives as one argument. Chat apps turn quotes into typographic ones; those count as plain
 * quotes here, since no member means a curly quote inside a kubectl command.
 */
export function tokenize(line: string): Result<string[], string> {
  // A command's line is split again by the guide under its reply: the last split is kept (copied
  // out, so no caller shares an array with another).
  if (line === last.line) return last.tokens === null ? err(last.error) : ok([...last.tokens]);
  const result = splitLine(line);
  last = result.ok
    ? { line, tokens: [...result.value], error: '' }
    : { line, tokens: null, error: result.error };
  return result;
}

let last: { line: string | null; tokens: string[] | null; error: string } = {
  line: null,
  tokens: null,
  error: '',
};

function splitLine(line: string): Result<string[], string> {
  const words = plainWords(line);
  if (words !== null) return ok(words);
  const plain = line
    .replace(/[\u201C\u201D\u201E\u201F\u2033]/g, '"')
    .replace(/[\u2018\u2019\u201A\u201B\u2032]/g, "'");
  try {
    return ok(split(plain));
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    return err(/quot/i.test(message) ? 'unterminated quoted string in the command line' : message);
  }
}

/** What shlex splits on: space, tab, carriage return and line feed (no other whitespace). */
const isSeparator = (c: number): boolean => c === 32 || c === 9 || c === 13 || c === 10;

/**
 * Most lines (`get po web -o yaml`) hold no quote and no backslash, the only characters that make
 * shlex do more than split on its separators (a `$` quotes only before a quote): such a line is
 * split here in one pass, as shlex would, and any other (straight or typographic quotes, which
 * become straight ones) goes to shlex. Null for those.
 */
export function plainWords(line: string): string[] | null {
  const words: string[] = [];
  let start = -1;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c === 34 || c === 39 || c === 92 || (c >= 0x2018 && c <= 0x201f) || c === 0x2032 || c === 0x2033)
      return null;
    if (isSeparator(c)) {
      if (start !== -1) words.push(line.slice(start, i));
      start = -1;
    } else if (start === -1) start = i;
  }
  if (start !== -1) words.push(line.slice(start));
  return words;
}
