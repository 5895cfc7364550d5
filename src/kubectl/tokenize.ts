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
 * Most lines (`get po web -o yaml`, `get po -l 'env in (prod)'`) hold no backslash, the one
 * character that makes shlex do more than split on its separators and drop quotes: such a line is
 * split here in one pass, as shlex would. In it, a quoted part (`'...'` or `"..."`) is taken as
 * written, up to the same quote, into the word it is part of (`-l'a b'` is one word, `''` an
 * empty one). Anything else goes to shlex: a backslash, a typographic quote (made a straight one
 * first), a quote after `$` (shlex's ANSI-C and locale quoting), or a quote left open (shlex says
 * what is wrong). Null for those.
 */
export function plainWords(line: string): string[] | null {
  const words: string[] = [];
  // The word so far (undefined: between words), and where its current run of plain text began.
  let word: string | undefined;
  let start = -1;
  let quote = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c === 92 || (c >= 0x2018 && c <= 0x201f) || c === 0x2032 || c === 0x2033) return null;
    if (quote !== 0) {
      if (c === quote) {
        word = (word ?? '') + line.slice(start, i);
        start = -1;
        quote = 0;
      }
    } else if (c === 34 || c === 39) {
      if (i > 0 && line.charCodeAt(i - 1) === 36) return null;
      if (start !== -1) word = (word ?? '') + line.slice(start, i);
      quote = c;
      start = i + 1;
    } else if (isSeparator(c)) {
      if (start !== -1) word = (word ?? '') + line.slice(start, i);
      if (word !== undefined) words.push(word);
      word = undefined;
      start = -1;
    } else if (start === -1) start = i;
  }
  if (quote !== 0) return null;
  if (start !== -1) word = (word ?? '') + line.slice(start);
  if (word !== undefined) words.push(word);
  return words;
}
