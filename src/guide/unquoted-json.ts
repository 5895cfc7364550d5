import { plainWords } from '../kubectl/tokenize.ts';

/**
 * Members type `kubectl patch po x -p {"metadata":{"labels":{"a":"b"}}}` in chat without quotes.
 * The line is split as a shell splits it, so the double quotes go and kubectl gets
 * `{metadata:{labels:{a:b}}}`, which is no JSON. This finds the JSON flag's value in the line as
 * typed, with a `{` outside any quotes, and the line with that value in single quotes. It only
 * reads the line; what kubectl prints is left to the verb.
 */
export interface UnquotedJson {
  /** What kubectl got as the value: `{metadata:{labels:{a:b}}}`. */
  given: string;
  /** The line (without the program) with the value as typed, in single quotes. */
  fixed: string;
}

/** The flags whose value is JSON, by verb. */
const JSON_FLAGS: Readonly<Record<string, readonly string[]>> = {
  patch: ['-p', '--patch'],
  run: ['--overrides'],
};

/** A word of the line as typed: where it is, and where its last `{` outside quotes is (-1: none). */
interface RawWord {
  start: number;
  end: number;
  brace: number;
}

/** More words than any command a member types: a longer line is not read. */
const MAX_WORDS = 200;

/** Typographic quotes, which the tokenizer takes as plain ones (one character for one). */
const plainQuotes = (line: string): string =>
  line.replace(/[\u201C\u201D\u201E\u201F\u2033]/g, '"').replace(/[\u2018\u2019\u201A\u201B\u2032]/g, "'");

export function unquotedJson(verb: string, typed: string): UnquotedJson | null {
  const flags = JSON_FLAGS[verb];
  // Most lines have no brace at all: said before the line is read word by word.
  if (flags === undefined || !typed.includes('{')) return null;
  const line = plainQuotes(typed);
  const words = rawWords(line);
  if (words === null) return null;
  // The flag given twice counts once, its last value (as pflag keeps it).
  let value: { word: RawWord; from: number } | null = null;
  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    // After `--` come the container's command and arguments, no flags.
    if (word !== undefined && line.slice(word.start, word.end) === '--') break;
    value = flagValue(line, words, i, flags) ?? value;
  }
  if (value === null || value.word.brace < value.from) return null;
  const { word, from } = value;
  const text = line.slice(from, word.end);
  // Single quotes cannot hold a single quote, nor keep a backslash's meaning: no fix to give.
  if (text.includes("'") || text.includes('\\')) return null;
  const given = plainWords(text)?.join(' ');
  if (given === undefined) return null;
  return { given, fixed: `${line.slice(0, from)}'${text}'${line.slice(word.end)}` };
}

/** The value of a JSON flag at word `i` (`-p VALUE`, `-pVALUE`, `-p=VALUE`, `--patch=VALUE`): its word and start. */
function flagValue(
  line: string,
  words: readonly RawWord[],
  i: number,
  flags: readonly string[],
): { word: RawWord; from: number } | null {
  const word = words[i];
  if (word === undefined) return null;
  const text = line.slice(word.start, word.end);
  for (const flag of flags) {
    if (!text.startsWith(flag)) continue;
    const rest = text.slice(flag.length);
    if (rest === '') {
      const next = words[i + 1];
      return next === undefined ? null : { word: next, from: next.start };
    }
    if (rest.startsWith('=')) return { word, from: word.start + flag.length + 1 };
    // Only a shorthand takes its value without `=`: `--patchX` is another flag.
    if (!flag.startsWith('--')) return { word, from: word.start + flag.length };
  }
  return null;
}

/**
 * The line's words as the shell splits them (space, tab, CR, LF outside quotes; a backslash
 * outside single quotes escapes what follows), in one pass; null for an open quote or too many.
 */
function rawWords(line: string): RawWord[] | null {
  const words: RawWord[] = [];
  let word: RawWord | null = null;
  let quote = '';
  for (let i = 0; i < line.length; i++) {
    const c = line[i] ?? '';
    const separator = c === ' ' || c === '\t' || c === '\r' || c === '\n';
    if (quote === '' && separator) {
      if (word !== null) {
        word.end = i;
        words.push(word);
        if (words.length > MAX_WORDS) return null;
      }
      word = null;
      continue;
    }
    word ??= { start: i, end: line.length, brace: -1 };
    if (quote === '') {
      if (c === '"' || c === "'") quote = c;
      else if (c === '\\') i++;
      else if (c === '{') word.brace = i;
    } else if (c === quote) quote = '';
    else if (c === '\\' && quote === '"') i++;
  }
  if (quote !== '') return null;
  if (word !== null) words.push(word);
  return words;
}
