import { KeptBuckets } from '../../kept-buckets.ts';

/**
 * kubectl's `-o yaml` is sigs.k8s.io/yaml: the object goes through JSON and is emitted by go-yaml
 * v2 (libyaml's emitter ported to Go). This reproduces that emitter for the JSON subset kubectl
 * prints, because learners read it closely:
 * - mapping keys sorted "naturally" (digit runs as numbers; non-letters before letters);
 * - block style, 2-space indent, sequences not indented under their key;
 * - a string that would read back as another type (`"1364"`, `"True"`, `"2025-01-15T10:00:00Z"`,
 *   `""`, `"yes"`, `"12:30"`) is double-quoted; one that plain style cannot carry (`: `, ` #`, a
 *   leading indicator) is single-quoted; one with a line break is a `|` literal block;
 * - plain and quoted scalars fold at a space once the line is past 80 columns, continuing two
 *   columns deeper than their key.
 */
type Value = unknown;

const BEST_WIDTH = 80;

interface Out {
  text: string;
  column: number;
  /** Maps that never change (and nothing under them): their text is written once per indent. */
  kept: ((map: object) => boolean) | undefined;
}

export function goYaml(value: Value, kept?: (map: object) => boolean): string {
  const text = goYamlUnended(value, kept);
  return text.endsWith('\n') ? text : `${text}\n`;
}

/** The emitter's output without the final line break goYaml adds (printObjects joins pieces). */
export function goYamlUnended(value: Value, kept?: (map: object) => boolean): string {
  const out: Out = { text: '', column: 0, kept };
  if (isMap(value)) {
    const keys = Object.keys(value);
    if (keys.length > 0) {
      mapping(out, value, keys, 0, true);
      return out.text;
    }
  }
  scalarOrFlow(out, value, 0, true);
  return out.text;
}

const isMap = (v: Value): v is Record<string, Value> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * Fast paths skip work whose result is known at sight: a plain ASCII word's style and a string
 * of digits' (no lookup, no analysis), the width of ASCII text (its length, not a count of code
 * points), the written form of a short scalar seen before, and the order of keys already in
 * natural order (most of an API object's maps are built in it).
 * `withoutFastPaths` runs the straightforward emitter, which tests compare them with.
 */
let fastPaths = true;

export function withoutFastPaths<T>(run: () => T): T {
  fastPaths = false;
  try {
    return run();
  } finally {
    fastPaths = true;
  }
}

/** Appends text known to be ASCII without a line break: its width is its length. */
function putAscii(out: Out, text: string): void {
  if (!fastPaths) {
    put(out, text);
    return;
  }
  out.text += text;
  out.column += text.length;
}

/** Appends `text`; the column counts code points since the last line break. */
function put(out: Out, text: string): void {
  const lastBreak = text.lastIndexOf('\n');
  out.text += text;
  out.column = (lastBreak === -1 ? out.column : 0) + codePoints(text, lastBreak + 1);
}

function codePoints(text: string, from: number): number {
  let count = 0;
  for (let i = from; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    const low = text.charCodeAt(i + 1);
    if (unit >= 0xd800 && unit <= 0xdbff && low >= 0xdc00 && low <= 0xdfff) i++;
    count++;
  }
  return count;
}

function newline(out: Out, indent: number): void {
  // As put('\n') then put(indent spaces), in one append, without measuring what is known.
  out.text += out.column > 0 ? lineStart(indent) : spaces(indent);
  out.column = indent;
}

/** Indents made once, alone and after a line break (every line of every object starts with one). */
const INDENTS: string[] = [];
const LINE_STARTS: string[] = [];

function spaces(n: number): string {
  if (n > 256) return ' '.repeat(n);
  let run = INDENTS[n];
  if (run === undefined) {
    run = ' '.repeat(n);
    INDENTS[n] = run;
  }
  return run;
}

function lineStart(n: number): string {
  if (n > 256) return `\n${' '.repeat(n)}`;
  let run = LINE_STARTS[n];
  if (run === undefined) {
    run = `\n${' '.repeat(n)}`;
    LINE_STARTS[n] = run;
  }
  return run;
}

/** A map with at least one key; `keys` are its own keys, as Object.keys lists them. */
function mapping(
  out: Out,
  map: Record<string, Value>,
  keys: string[],
  indent: number,
  inline: boolean,
): void {
  const ordered = naturalOrder(keys);
  for (let i = 0; i < ordered.length; i++) {
    const key = ordered[i] as string;
    const first = inline && i === 0;
    const line = first ? undefined : keyLine(out, key, indent);
    if (line !== undefined) {
      out.text += line;
      out.column = indent + key.length + 1;
    } else {
      if (!first) newline(out, indent);
      if (fastPaths && plainAtSight(key)) {
        out.text += key;
        out.column += key.length;
      } else put(out, keyText(key));
      out.text += ':';
      out.column += 1;
    }
    value(out, map[key], indent);
  }
}

/**
 * A line's start up to its plain key's colon (`\n    name:`), kept by indent (a bounded number
 * in all): one append for what took three, and no look at the key. After a line break already
 * written (a `|` block's), or at the document's start, the line is started as before.
 */
const KEY_LINES: Map<string, string>[] = [];
let keyLinesKept = 0;

function keyLine(out: Out, key: string, indent: number): string | undefined {
  if (!fastPaths || out.column === 0 || indent > KEPT_INDENTS) return undefined;
  let lines = KEY_LINES[indent];
  if (lines === undefined) {
    lines = new Map();
    KEY_LINES[indent] = lines;
  }
  const known = lines.get(key);
  if (known !== undefined || key.length > WHOLE_LONGEST || !plainAtSight(key)) return known;
  if (keyLinesKept >= ORDERS_KEPT) {
    for (const kept of KEY_LINES) kept?.clear();
    keyLinesKept = 0;
  }
  const line = `${lineStart(indent)}${key}:`;
  lines.set(key, line);
  keyLinesKept++;
  return line;
}

/**
 * Objects of one kind share their key lists (every pod has the same `metadata`, `spec`, ...):
 * each list's natural order is worked out once, for a bounded number of lists. Most lists are
 * already in order (the API objects are built key by key in it): those are seen to be in one
 * pass (a third of a cold pod's emitting went to looking their orders up). The others (a pod's
 * metadata) are kept by their first key, a few each, and found by comparing keys one by one:
 * property names are interned, so each comparison is of two pointers, where a joined signature
 * had to be made, flattened and hashed (0.45 against 0.1 µs for a pod's metadata).
 */
interface KeptOrder {
  keys: readonly string[];
  sorted: string[];
}

const ORDERS_KEPT = 4096;
const ORDERS_PER_FIRST_KEY = 16;
const orders = new KeptBuckets<string, KeptOrder>(ORDERS_KEPT, ORDERS_PER_FIRST_KEY);
const ORDER_KEYS_LONGEST = 64;

function naturalOrder(keys: string[]): string[] {
  if (keys.length < 2 || (fastPaths && inNaturalOrder(keys))) return keys;
  if (keys.length > ORDER_KEYS_LONGEST) return naturalSort(keys);
  const first = keys[0] as string;
  const known = orders.find(first, (order) => sameKeys(order.keys, keys));
  if (known !== undefined) return known.sorted;
  const sorted = naturalSort(keys);
  orders.add(first, { keys, sorted });
  return sorted;
}

function sameKeys(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * Whether no key sorts before the one ahead of it: then naturalSort leaves the list as it is
 * (V8's sort is a stable TimSort, which finds such a list to be one ascending run).
 */
function inNaturalOrder(keys: string[]): boolean {
  let previous = keys[0] as string;
  for (let i = 1; i < keys.length; i++) {
    const key = keys[i] as string;
    if (sortsBefore(key, previous)) return false;
    previous = key;
  }
  return true;
}

/**
 * naturalLess, decided at sight when the keys first differ in two ASCII letters (they compare
 * as those alone, in both of its forms) or one is the other's start (the shorter first).
 */
function sortsBefore(a: string, b: string): boolean {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  if (i === n) return a.length < b.length;
  const x = a.charCodeAt(i);
  const y = b.charCodeAt(i);
  return asciiLetter(x) && asciiLetter(y) ? x < y : naturalLess(a, b);
}

/** The value after `key:`: nested collections on the next lines, scalars on the same line. */
function value(out: Out, v: Value, keyIndent: number): void {
  if (typeof v === 'string') {
    stringScalar(out, v, keyIndent + 2, ' ');
    return;
  }
  if (v !== null && typeof v === 'object') {
    if (Array.isArray(v)) {
      if (v.length > 0) {
        if (out.kept?.(v) === true) keptCollection(out, v, keyIndent);
        else sequence(out, v, keyIndent, false);
        return;
      }
    } else if (out.kept?.(v) === true) {
      // Kept: its keys are only listed if its text is not (hasKeys makes no array).
      if (hasKeys(v)) {
        keptCollection(out, v as Record<string, Value>, keyIndent + 2);
        return;
      }
    } else {
      const keys = Object.keys(v);
      if (keys.length > 0) {
        mapping(out, v as Record<string, Value>, keys, keyIndent + 2, false);
        return;
      }
    }
  }
  scalarOrFlow(out, v, keyIndent + 2, false);
}

function hasKeys(map: object): boolean {
  for (const key in map) if (Object.hasOwn(map, key)) return true;
  return false;
}

/**
 * A kept map's or list's text after its key, by indent. It starts with a line break (the key is
 * on the line before), so it is the same wherever the key is; the column after it is kept beside it.
 */
const KEPT_INDENTS = 64;
const keptTexts: WeakMap<object, { text: string; column: number }>[] = [];

function keptCollection(out: Out, collection: Record<string, Value> | Value[], indent: number): void {
  if (indent > KEPT_INDENTS) {
    collectionAfterKey(out, collection, indent);
    return;
  }
  let texts = keptTexts[indent];
  if (texts === undefined) {
    texts = new WeakMap();
    keptTexts[indent] = texts;
  }
  let known = texts.get(collection);
  if (known === undefined) {
    const own: Out = { text: '', column: out.column, kept: out.kept };
    collectionAfterKey(own, collection, indent);
    // Reading a character makes V8 flatten the text (built from hundreds of appends) in place:
    // left as appends, every document holding it would walk them all again when flattened.
    own.text.charCodeAt(0);
    known = { text: own.text, column: own.column };
    texts.set(collection, known);
  }
  out.text += known.text;
  out.column = known.column;
}

function collectionAfterKey(out: Out, collection: Record<string, Value> | Value[], indent: number): void {
  if (Array.isArray(collection)) sequence(out, collection, indent, false);
  else mapping(out, collection, Object.keys(collection), indent, false);
}

function sequence(out: Out, items: Value[], indent: number, inline: boolean): void {
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    if (!(inline && i === 0)) newline(out, indent);
    if (item !== null && typeof item === 'object') {
      if (Array.isArray(item)) {
        if (item.length > 0) {
          out.text += '- ';
          out.column += 2;
          sequence(out, item, indent + 2, true);
          continue;
        }
      } else {
        const keys = Object.keys(item);
        if (keys.length > 0) {
          out.text += '- ';
          out.column += 2;
          mapping(out, item as Record<string, Value>, keys, indent + 2, true);
          continue;
        }
      }
    }
    out.text += '-';
    out.column += 1;
    scalarOrFlow(out, item, indent + 2, false);
  }
}

/** A scalar, `{}` or `[]`, preceded by one space unless it starts the document. */
function scalarOrFlow(out: Out, v: Value, indent: number, first: boolean): void {
  const lead = first ? '' : ' ';
  if (typeof v === 'string') stringScalar(out, v, indent, lead);
  else if (typeof v === 'number' || typeof v === 'boolean' || v === null)
    putAscii(out, `${lead}${flowText(v)}`);
  else put(out, `${lead}${flowText(v)}`);
}

function flowText(v: Value): string {
  if (Array.isArray(v)) return '[]';
  if (isMap(v)) return '{}';
  if (v === null || v === undefined) return 'null';
  return String(v);
}

/** Keys repeat in every object: their written form is kept (short ones, a bounded number). */
const keyTexts = new Map<string, string>();

function keyText(key: string): string {
  const known = keyTexts.get(key);
  if (known !== undefined) return known;
  const text = keyTextOf(key);
  if (key.length <= 256) {
    if (keyTexts.size >= ORDERS_KEPT) keyTexts.clear();
    keyTexts.set(key, text);
  }
  return text;
}

function keyTextOf(key: string): string {
  const style = styleOf(key);
  if (style === 'plain') return key;
  // A key is a "simple key": never a block scalar.
  if (style === 'single') return `'${key.replaceAll("'", "''")}'`;
  return `"${escaped(key)}"`;
}

type Style = 'plain' | 'single' | 'double' | 'literal';

/** Short values repeat too (`Running`, `IfNotPresent`, image names): their style is kept. */
const styles = new Map<string, Style>();

function styleOf(s: string): Style {
  if (s.length > 64) return styleOfText(s);
  const known = styles.get(s);
  if (known !== undefined) return known;
  const style = styleOfText(s);
  if (styles.size >= ORDERS_KEPT) styles.clear();
  styles.set(s, style);
  return style;
}

/**
 * A word plain style writes as it is, seen in one pass without a lookup: an ASCII letter, then
 * letters, digits and `._/-@`, or `:` not last (plain unless followed by a space), and not a word
 * that reads back as another type (`yes`, `null`, `True`: none is longer than 5).
 */
export function plainAtSight(s: string): boolean {
  const n = s.length;
  if (n === 0) return false;
  const first = s.charCodeAt(0);
  if (!asciiLetter(first)) return asciiDigit(first) && digitLedString(s);
  for (let i = 1; i < n; i++) {
    const c = s.charCodeAt(i);
    if (asciiLetter(c) || asciiDigit(c) || c === 46 || c === 95 || c === 47 || c === 45 || c === 64) continue;
    if (c === 58 && i < n - 1) continue;
    return false;
  }
  return n > NON_STRING_LONGEST || !NON_STRINGS.has(s);
}

/**
 * A word led by a digit that still reads back as a string, seen in one pass (an IP, a uid: new
 * in every pod, each took a style analysis and seven regular expressions): letters, digits and
 * `._/-@` only (no `:`, so not sexagesimal), with two dots (an int or a float has at most one) or
 * two dashes (an int has none, a float one at most, its exponent's sign) and not a date's
 * `dddd-` start. None of these characters is an indicator after the first.
 */
function digitLedString(s: string): boolean {
  let dots = 0;
  let dashes = 0;
  for (let i = 1; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 46) dots++;
    else if (c === 45) dashes++;
    else if (!(asciiLetter(c) || asciiDigit(c) || c === 95 || c === 47 || c === 64)) return false;
  }
  if (dots >= 2) return true;
  const dateStart =
    asciiDigit(s.charCodeAt(1)) &&
    asciiDigit(s.charCodeAt(2)) &&
    asciiDigit(s.charCodeAt(3)) &&
    s.charCodeAt(4) === 45;
  return dashes >= 2 && !dateStart;
}

export function digitsAtSight(s: string): boolean {
  if (s.length === 0) return false;
  for (let i = 0; i < s.length; i++) if (!asciiDigit(s.charCodeAt(i))) return false;
  return true;
}

function styleOfText(s: string): Style {
  const analysis = analyze(s);
  if (s.includes('\n')) return analysis.blockAllowed ? 'literal' : 'double';
  if (!resolvesToString(s)) return 'double';
  if (analysis.plainAllowed) return 'plain';
  return analysis.singleAllowed ? 'single' : 'double';
}

/**
 * Short scalars without a space (timestamps, `"True"`, IPs, paths, ids) come back in every pod:
 * what each is written as is kept, a bounded number, when it is ASCII (its width its length).
 */
const wholeTexts = new Map<string, string>();
const WHOLE_LONGEST = 64;

function stringScalar(out: Out, s: string, indent: number, lead: string): void {
  if (fastPaths) {
    if (plainAtSight(s)) {
      out.text += lead === '' ? s : ` ${s}`;
      out.column += lead.length + s.length;
      return;
    }
    // Digits alone read back as an integer: always double-quoted (a resourceVersion, a port).
    if (digitsAtSight(s)) {
      putAscii(out, `${lead}"${s}"`);
      return;
    }
    const known = s.length <= WHOLE_LONGEST ? wholeTexts.get(s) : undefined;
    if (known !== undefined) {
      out.text += lead === '' ? known : ` ${known}`;
      out.column += lead.length + known.length;
      return;
    }
  }
  const style = styleOf(s);
  if (style === 'literal') {
    literal(out, s, indent, lead);
    return;
  }
  // No space, no fold: the scalar goes out in one piece.
  if (!s.includes(' ')) {
    const body = style === 'single' ? s.replaceAll("'", "''") : style === 'double' ? escaped(s) : s;
    const quote = style === 'single' ? "'" : style === 'double' ? '"' : '';
    const whole = `${quote}${body}${quote}`;
    if (fastPaths && s.length <= WHOLE_LONGEST && isAscii(whole)) {
      if (wholeTexts.size >= ORDERS_KEPT) wholeTexts.clear();
      wholeTexts.set(s, whole);
    }
    put(out, `${lead}${whole}`);
    return;
  }
  const quote = style === 'single' ? "'" : style === 'double' ? '"' : '';
  const body = style === 'single' ? s.replaceAll("'", "''") : style === 'double' ? escaped(s) : s;
  // Ending by column 80, it folds nowhere: one piece (a crash-looping container's reason).
  if (fastPaths && out.column + lead.length + body.length + 2 * quote.length <= BEST_WIDTH && isAscii(body)) {
    putAscii(out, `${lead}${quote}${body}${quote}`);
    return;
  }
  if (fastPaths && isAscii(s)) {
    putAscii(out, `${lead}${quote}`);
    foldAscii(out, s, indent, style);
    putAscii(out, quote);
    return;
  }
  put(out, lead);
  const chars = [...s];
  if (style === 'single') put(out, "'");
  if (style === 'double') put(out, '"');
  let spaces = false;
  // Characters between spaces are put as one run (one string append, not one per character:
  // a 255 KB annotation took 2 s and 60 MB); only a space can fold the line.
  let run = '';
  const flush = () => {
    if (run !== '') put(out, run);
    run = '';
  };
  chars.forEach((ch, i) => {
    const next = chars[i + 1];
    if (ch === ' ') {
      flush();
      const fold =
        !spaces &&
        out.column > BEST_WIDTH &&
        (style === 'plain'
          ? next !== ' '
          : style === 'single'
            ? i > 0 && i < chars.length - 1 && next !== ' '
            : i !== 0 && i !== chars.length - 1);
      if (fold) {
        newline(out, indent);
        if (style === 'double' && next === ' ') put(out, '\\');
      } else put(out, ' ');
      spaces = true;
      return;
    }
    spaces = false;
    if (style === 'single') run += ch === "'" ? "''" : ch;
    else if (style === 'double') run += escapeChar(ch);
    else run += ch;
  });
  flush();
  if (style === 'single') put(out, "'");
  if (style === 'double') put(out, '"');
}

/**
 * The fold below for ASCII text, by code unit: the characters between spaces are put as slices
 * of the text (its width their length), where the loop below spreads it into an array of
 * characters and appends each through a closure. A crash-looping container's back-off message
 * (107 characters, past column 80) took 10 of the 20 µs of writing its pod's status.
 */
function foldAscii(out: Out, s: string, indent: number, style: 'plain' | 'single' | 'double'): void {
  const n = s.length;
  let spaces = false;
  let start = 0;
  for (let i = 0; i < n; i++) {
    if (s.charCodeAt(i) !== SPACE) {
      spaces = false;
      continue;
    }
    if (i > start) putAsciiRun(out, s.slice(start, i), style);
    const next = i + 1 < n ? s.charCodeAt(i + 1) : -1;
    const fold =
      !spaces &&
      out.column > BEST_WIDTH &&
      (style === 'plain'
        ? next !== SPACE
        : style === 'single'
          ? i > 0 && i < n - 1 && next !== SPACE
          : i !== 0 && i !== n - 1);
    if (fold) {
      newline(out, indent);
      if (style === 'double' && next === SPACE) putAscii(out, '\\');
    } else putAscii(out, ' ');
    spaces = true;
    start = i + 1;
  }
  if (n > start) putAsciiRun(out, s.slice(start), style);
}

function putAsciiRun(out: Out, run: string, style: 'plain' | 'single' | 'double'): void {
  putAscii(out, style === 'single' ? run.replaceAll("'", "''") : style === 'double' ? escaped(run) : run);
}

function literal(out: Out, s: string, indent: number, lead: string): void {
  const lines = s.split('\n');
  const trailing = s.length - s.replace(/\n+$/, '').length;
  const chomp = trailing === 0 ? '-' : trailing === 1 && s !== '\n' ? '' : '+';
  const indentHint = s.startsWith(' ') || s.startsWith('\n') ? '2' : '';
  put(out, `${lead}|${indentHint}${chomp}`);
  const body = trailing === 0 ? lines : lines.slice(0, lines.length - 1);
  for (const line of body) {
    put(out, '\n');
    if (line !== '') put(out, ' '.repeat(indent) + line);
  }
  put(out, '\n');
}

/** A double-quoted scalar's body: unchanged when every character is printable ASCII but `"` and `\`. */
function escaped(s: string): string {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || c > 0x7e || c === 34 || c === 92) return [...s].map(escapeChar).join('');
  }
  return s;
}

const SHORT_ESCAPES: Readonly<Record<number, string>> = {
  0: '0',
  7: 'a',
  8: 'b',
  9: 't',
  10: 'n',
  11: 'v',
  12: 'f',
  13: 'r',
  27: 'e',
  34: '"',
  92: '\\',
  133: 'N',
  8232: 'L',
  8233: 'P',
};

function escapeChar(ch: string): string {
  const cp = ch.codePointAt(0) ?? 0;
  const named = SHORT_ESCAPES[cp];
  if (named !== undefined) return `\\${named}`;
  if (isPrintable(cp) && cp !== 0xfeff) return ch;
  const hex = cp.toString(16).toUpperCase();
  if (cp <= 0xff) return `\\x${hex.padStart(2, '0')}`;
  if (cp <= 0xffff) return `\\u${hex.padStart(4, '0')}`;
  return `\\U${hex.padStart(8, '0')}`;
}

/** libyaml's is_printable, by code point (4-byte UTF-8 characters do not count). */
const isPrintable = (cp: number): boolean =>
  cp === 0x0a ||
  (cp >= 0x20 && cp <= 0x7e) ||
  (cp >= 0xa0 && cp <= 0xd7ff) ||
  (cp >= 0xe000 && cp <= 0xfffd && cp !== 0xfeff);

const FLOW_START = new Set([...'#,[]{}&*!|>\'"%@`'].map((ch) => ch.charCodeAt(0)));
const SPACE = 32;
const TAB = 9;
const BREAK = 10;

/**
 * yaml_emitter_analyze_scalar, reduced to block context. It walks code points (a pair of
 * surrogates is one; a lone surrogate is one too, and not printable).
 */
function analyze(s: string): { plainAllowed: boolean; singleAllowed: boolean; blockAllowed: boolean } {
  if (s === '') return { plainAllowed: false, singleAllowed: true, blockAllowed: false };
  let indicators = s.startsWith('---') || s.startsWith('...');
  let special = false;
  let spaceBreak = false;
  let breakSpace = false;
  let previousSpace = false;
  let previousBreak = false;
  let precededByWhitespace = true;
  for (let i = 0; i < s.length; ) {
    const cp = s.codePointAt(i) ?? 0;
    const next = i + (cp > 0xffff ? 2 : 1);
    const after = next < s.length ? s.charCodeAt(next) : -1;
    const followedByWhitespace = after === -1 || after === SPACE || after === TAB;
    if (i === 0) {
      if (FLOW_START.has(cp)) indicators = true;
      if ((cp === 63 || cp === 58 || cp === 45) && followedByWhitespace) indicators = true;
    } else if ((cp === 58 && followedByWhitespace) || (cp === 35 && precededByWhitespace)) {
      indicators = true;
    }
    if (!isPrintable(cp)) special = true;
    if (cp === SPACE) {
      if (previousBreak) breakSpace = true;
      previousSpace = true;
      previousBreak = false;
    } else if (cp === BREAK) {
      if (previousSpace) spaceBreak = true;
      previousSpace = false;
      previousBreak = true;
    } else {
      previousSpace = false;
      previousBreak = false;
    }
    precededByWhitespace = cp === SPACE || cp === TAB || cp === BREAK;
    i = next;
  }
  const edgeSpace = s.startsWith(' ') || s.endsWith(' ') || s.startsWith('\n') || s.endsWith('\n');
  const lineBreaks = s.includes('\n');
  return {
    plainAllowed: !(edgeSpace || lineBreaks || indicators || special || breakSpace || spaceBreak),
    singleAllowed: !(breakSpace || spaceBreak || special),
    blockAllowed: !(s.endsWith(' ') || spaceBreak || special),
  };
}

const NON_STRINGS = new Set([
  '~',
  'null',
  'Null',
  'NULL',
  'y',
  'Y',
  'yes',
  'Yes',
  'YES',
  'on',
  'On',
  'ON',
  'true',
  'True',
  'TRUE',
  'n',
  'N',
  'no',
  'No',
  'NO',
  'off',
  'Off',
  'OFF',
  'false',
  'False',
  'FALSE',
  '.nan',
  '.NaN',
  '.NAN',
  '.inf',
  '.Inf',
  '.INF',
  '+.inf',
  '+.Inf',
  '+.INF',
  '-.inf',
  '-.Inf',
  '-.INF',
  '<<',
]);

const NON_STRING_LONGEST = Math.max(...[...NON_STRINGS].map((w) => w.length));

/** go-yaml v2's resolve(): would this text, unquoted, read back as a string? */
export function resolvesToString(s: string): boolean {
  if (s === '' || NON_STRINGS.has(s)) return false;
  if (!/^[-+.0-9]/.test(s)) return true;
  const plain = s.replaceAll('_', '');
  if (/^[-+]?(0b[01]+|0o?[0-7]+|0x[0-9a-fA-F]+|[0-9]+)$/.test(plain)) return false;
  if (/^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/.test(plain)) return false;
  if (/^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/.test(s)) return false;
  return !isTimestamp(s);
}

/** The four layouts go-yaml v2 tries for timestamps. */
function isTimestamp(s: string): boolean {
  return (
    /^\d{4}-\d{1,2}-\d{1,2}$/.test(s) ||
    /^\d{4}-\d{1,2}-\d{1,2}[Tt ]\d{1,2}:\d{1,2}:\d{1,2}(\.\d{1,9})?(Z|[-+]\d{2}:\d{2})?$/.test(s)
  );
}

/** go-yaml v2's keyList.Less: letters compare as runes, digit runs as numbers, others first. */
export function naturalSort(keys: string[]): string[] {
  return [...keys].sort((x, y) => (naturalLess(x, y) ? -1 : naturalLess(y, x) ? 1 : 0));
}

const isLetter = (ch: string): boolean => /\p{L}/u.test(ch);
const isDigit = (ch: string | undefined): boolean => ch !== undefined && ch >= '0' && ch <= '9';

const isAscii = (s: string): boolean => {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return false;
  return true;
};
const asciiLetter = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const asciiDigit = (c: number): boolean => c >= 48 && c <= 57;

function naturalLess(a: string, b: string): boolean {
  return isAscii(a) && isAscii(b) ? naturalLessAscii(a, b) : naturalLessRunes(a, b);
}

/** The same comparison on code units, for ASCII keys (nearly all): no arrays, no regex. */
function naturalLessAscii(a: string, b: string): boolean {
  for (let i = 0; i < a.length && i < b.length; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    const xl = asciiLetter(x);
    const yl = asciiLetter(y);
    if (xl && yl) return x < y;
    if (xl || yl) return yl;
    let an = 0;
    let bn = 0;
    if (x === 48 || y === 48) {
      for (let j = i - 1; j >= 0 && asciiDigit(a.charCodeAt(j)); j--) {
        if (a.charCodeAt(j) !== 48) {
          an = 1;
          bn = 1;
          break;
        }
      }
    }
    let ai = i;
    for (; ai < a.length && asciiDigit(a.charCodeAt(ai)); ai++) an = an * 10 + (a.charCodeAt(ai) - 48);
    let bi = i;
    for (; bi < b.length && asciiDigit(b.charCodeAt(bi)); bi++) bn = bn * 10 + (b.charCodeAt(bi) - 48);
    if (an !== bn) return an < bn;
    if (ai !== bi) return ai < bi;
    return x < y;
  }
  return a.length < b.length;
}

function naturalLessRunes(a: string, b: string): boolean {
  const ar = [...a];
  const br = [...b];
  for (let i = 0; i < ar.length && i < br.length; i++) {
    const x = ar[i] ?? '';
    const y = br[i] ?? '';
    if (x === y) continue;
    const xl = isLetter(x);
    const yl = isLetter(y);
    if (xl && yl) return x < y;
    if (xl || yl) return yl;
    let an = 0;
    let bn = 0;
    if (x === '0' || y === '0') {
      for (let j = i - 1; j >= 0 && isDigit(ar[j]); j--) {
        if (ar[j] !== '0') {
          an = 1;
          bn = 1;
          break;
        }
      }
    }
    let ai = i;
    for (; ai < ar.length && isDigit(ar[ai]); ai++) an = an * 10 + Number(ar[ai]);
    let bi = i;
    for (; bi < br.length && isDigit(br[bi]); bi++) bn = bn * 10 + Number(br[bi]);
    if (an !== bn) return an < bn;
    if (ai !== bi) return ai < bi;
    return x < y;
  }
  return ar.length < br.length;
}

/** encoding/json's MarshalIndent with 4 spaces: sorted keys, and <, >, & escaped for HTML. */
export function goJson(value: Value): string {
  return goJsonInOrder(sortJson(value));
}

/**
 * The same for a typed Go struct (`run --dry-run=client -o json`): keys stay in field order.
 * Indent 0 is json.Marshal's compact form.
 */
export function goJsonInOrder(value: Value, indent = 4): string {
  return JSON.stringify(value, null, indent).replace(
    /[<>&\u2028\u2029]/g,
    (ch) => `\\u${(ch.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}`,
  );
}

function sortJson(value: Value): Value {
  if (Array.isArray(value)) return value.map(sortJson);
  if (isMap(value)) {
    const keys = Object.keys(value).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    return Object.fromEntries(keys.map((k) => [k, sortJson(value[k])]));
  }
  return value;
}
