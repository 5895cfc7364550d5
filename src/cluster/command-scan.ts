/**
 * Linear scans of a container's command line for the process planner (`process.ts`). They
 * find what the planner's patterns used to find with backtracking regexes (`\bnc\b[^;&|]*?-l
 * [^;&|]*?-p\s*(\d+)` was cubic: a 12 KB `nc nc … -l -l …` made every `get po` take 26 s),
 * with the same leftmost, lazy and non-overlapping choices, but every character is looked at
 * a bounded number of times. `;`, `&` and `|` end a shell segment; a pattern never crosses one.
 */

const isSeparator = (ch: string | undefined): boolean => ch === ';' || ch === '&' || ch === '|';
const isDigit = (ch: string | undefined): boolean => ch !== undefined && ch >= '0' && ch <= '9';
const isWordChar = (ch: string | undefined): boolean => ch !== undefined && /^\w$/.test(ch);
/** JS `\s` on one UTF-16 unit (what the old patterns and `String.trim` treat as space). */
const isSpace = (ch: string | undefined): boolean => ch !== undefined && /^\s$/.test(ch);
const isLineEnd = (ch: string | undefined): boolean =>
  ch === '\n' || ch === '\r' || ch === '\u2028' || ch === '\u2029';

const skipSpaces = (text: string, at: number): number => {
  let i = at;
  while (isSpace(text[i])) i++;
  return i;
};

/** For every index, the first index at or after it where `found` holds, not crossing a `stop` character; -1 if none. */
function nextWhere(
  text: string,
  found: (at: number) => boolean,
  stop: (ch: string | undefined) => boolean,
): Int32Array {
  const next = new Int32Array(text.length + 1).fill(-1);
  for (let i = text.length - 1; i >= 0; i--) {
    if (!stop(text[i])) next[i] = found(i) ? i : (next[i + 1] ?? -1);
  }
  return next;
}

/** Indexes where `word` stands as a whole word (`\bword\b`), in order. */
function* wordsAt(text: string, word: string): Generator<number> {
  for (let i = text.indexOf(word); i !== -1; i = text.indexOf(word, i + 1)) {
    if (!isWordChar(text[i - 1]) && !isWordChar(text[i + word.length])) yield i;
  }
}

interface Port {
  readonly port: number;
  readonly end: number;
}

/**
 * `-p\s*(\d+)` at `at` (with `address`, `-p\s*(?:[\d.]+:)?(\d+)`, so `-p 0.0.0.0:80` is 80).
 * The text scanned after one `-p` holds no `-`, so the scans of all `-p`s are disjoint.
 */
function portAt(text: string, at: number, address: boolean): Port | undefined {
  if (!text.startsWith('-p', at)) return undefined;
  let start = skipSpaces(text, at + 2);
  if (address) {
    let run = start;
    while (isDigit(text[run]) || text[run] === '.') run++;
    if (run > start && text[run] === ':' && isDigit(text[run + 1])) start = run + 1;
  }
  let end = start;
  while (isDigit(text[end])) end++;
  return end === start ? undefined : { port: Number(text.slice(start, end)), end };
}

/** Every `-p` port of a segment, and for each index the next one that parses. */
function portIndex(text: string, address: boolean): { next: Int32Array; at: Map<number, Port> } {
  const at = new Map<number, Port>();
  for (let i = text.indexOf('-p'); i !== -1; i = text.indexOf('-p', i + 1)) {
    const port = portAt(text, i, address);
    if (port !== undefined) at.set(i, port);
  }
  return { next: nextWhere(text, (i) => at.has(i), isSeparator), at };
}

/**
 * Ports bound by `httpd … -f … -p P` (foreground only: the lookahead for ` -f` in the same
 * segment) and then by `nc … -l … -p P`, in the order the old global matches gave them.
 */
export function listeningPorts(line: string): number[] {
  const ports: number[] = [];
  const withAddress = portIndex(line, true);
  const foreground = nextWhere(
    line,
    (i) => isSpace(line[i]) && line.startsWith('-f', i + 1) && !isWordChar(line[i + 3]),
    isSeparator,
  );
  let from = 0;
  for (const i of wordsAt(line, 'httpd')) {
    const after = i + 'httpd'.length;
    if (i < from || foreground[after] === -1) continue;
    const port = withAddress.at.get(withAddress.next[after] ?? -1);
    if (port === undefined) continue;
    ports.push(port.port);
    from = port.end;
  }
  const plain = portIndex(line, false);
  const listen = nextWhere(line, (i) => line.startsWith('-l', i), isSeparator);
  from = 0;
  for (const i of wordsAt(line, 'nc')) {
    const flag = i < from ? -1 : (listen[i + 'nc'.length] ?? -1);
    const port = flag === -1 ? undefined : plain.at.get(plain.next[flag + 2] ?? -1);
    if (port === undefined) continue;
    ports.push(port.port);
    from = port.end;
  }
  return ports;
}

/** After `while` at `at`: `\s+(?:true|:)\s*;?\s*do`, the index after `do`. */
function loopHeaderEnd(line: string, at: number): number | undefined {
  let i = at + 'while'.length;
  if (!isSpace(line[i])) return undefined;
  i = skipSpaces(line, i);
  if (line.startsWith('true', i)) i += 4;
  else if (line[i] === ':') i += 1;
  else return undefined;
  i = skipSpaces(line, i);
  if (line[i] === ';') i = skipSpaces(line, i + 1);
  return line.startsWith('do', i) ? i + 2 : undefined;
}

export interface Loop {
  /** The loop's text (`while true; do … done`), cut out of the line to find the echoes before it. */
  readonly start: number;
  readonly end: number;
  readonly body: string;
}

/** The first `while true; do BODY done` on one line (the body is the shortest that reaches a `done`). */
export function firstLoop(line: string): Loop | undefined {
  const done = nextWhere(line, (i) => line.startsWith('done', i), isLineEnd);
  for (let i = line.indexOf('while'); i !== -1; i = line.indexOf('while', i + 1)) {
    const header = loopHeaderEnd(line, i);
    const end = header === undefined ? -1 : (done[header] ?? -1);
    if (header !== undefined && end !== -1) return { start: i, end: end + 4, body: line.slice(header, end) };
  }
  return undefined;
}

/** The text after `echo` at `space` (past its spaces): a quoted string, or up to `;`, `&` or `|`. */
function echoed(
  script: string,
  space: number,
  last: { '"': number; "'": number },
): { text: string; end: number } | undefined {
  const start = skipSpaces(script, space);
  if (start === space) return undefined;
  const ch = script[start];
  if ((ch === '"' || ch === "'") && last[ch] > start) {
    const close = script.indexOf(ch, start + 1);
    return { text: script.slice(start + 1, close), end: close + 1 };
  }
  if (start < script.length && !isSeparator(ch)) {
    let end = start;
    while (end < script.length && !isSeparator(script[end])) end++;
    return { text: script.slice(start, end), end };
  }
  // Only spaces before `;` or the end: the old pattern gave its last space back and echoed it.
  return start - space >= 2 ? { text: script.slice(start - 1, start), end: start } : undefined;
}

/** What each `echo` of a script prints, trimmed. */
export function echoesOf(script: string): string[] {
  const last = { '"': script.lastIndexOf('"'), "'": script.lastIndexOf("'") };
  const lines: string[] = [];
  let i = script.indexOf('echo');
  while (i !== -1) {
    const echo = echoed(script, i + 'echo'.length, last);
    if (echo !== undefined) lines.push(echo.text.trim());
    i = script.indexOf('echo', echo === undefined ? i + 1 : echo.end);
  }
  return lines;
}
