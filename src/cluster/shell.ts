/**
 * The small part of `sh -c '...'` a member types in a pod: commands joined by `;`, `&&`, `||`
 * or newlines; words with single quotes, double quotes and backslashes; `$NAME`, `${NAME}`
 * and `$?`. Pipes, redirections, substitutions and compound commands are not simulated and are
 * reported as such, rather than run wrongly.
 *
 *   list    = command { ( ";" | "&&" | "||" | newline ) command }
 *   command = word { word }
 *   word    = { plain | "'" chars "'" | '"' { chars | expansion } '"' | "\" char }
 */
export type Segment = { text: string; expand: boolean; quoted: boolean };
export type Word = Segment[];
export type Joiner = ';' | '&&' | '||';

export interface Step {
  /** How this command depends on the previous one's exit status. */
  after: Joiner;
  words: Word[];
}

export type ParsedScript = { ok: true; steps: Step[] } | { ok: false; unsupported: string };

const KEYWORDS = new Set([
  'if',
  'then',
  'else',
  'elif',
  'fi',
  'for',
  'while',
  'until',
  'do',
  'done',
  'case',
  'esac',
  'function',
  '{',
  '}',
]);

export function parseScript(script: string): ParsedScript {
  const steps: Step[] = [];
  let words: Word[] = [];
  let word: Word | null = null;
  let after: Joiner = ';';
  const endWord = () => {
    if (word !== null) words.push(word);
    word = null;
  };
  const endCommand = (next: Joiner): string | null => {
    endWord();
    if (words.length > 0) {
      const first = words[0]?.map((s) => s.text).join('') ?? '';
      if (words[0]?.every((s) => !s.quoted) && KEYWORDS.has(first)) return first;
      steps.push({ after, words });
    }
    words = [];
    after = next;
    return null;
  };
  const add = (text: string, expand: boolean, quoted: boolean) => {
    word = word ?? [];
    const last = word[word.length - 1];
    // Plain characters gather into one segment, so `$NAME` is seen whole when it is expanded.
    if (!quoted && last !== undefined && !last.quoted && last.expand === expand) last.text += text;
    else word.push({ text, expand, quoted });
  };
  for (let i = 0; i < script.length; i++) {
    const c = script[i] ?? '';
    const two = script.slice(i, i + 2);
    if (two === '&&' || two === '||') {
      const bad = endCommand(two);
      if (bad !== null) return { ok: false, unsupported: bad };
      i++;
    } else if (c === ';' || c === '\n') {
      const bad = endCommand(';');
      if (bad !== null) return { ok: false, unsupported: bad };
    } else if (c === ' ' || c === '\t') endWord();
    else if (c === '#' && word === null) {
      while (i + 1 < script.length && script[i + 1] !== '\n') i++;
    } else if ('|<>&`()'.includes(c) || two === '$(')
      return { ok: false, unsupported: two === '$(' ? '$(' : c };
    else if (c === '\\') {
      add(script[i + 1] ?? '', false, true);
      i++;
    } else if (c === "'") {
      const close = script.indexOf("'", i + 1);
      if (close === -1) return { ok: false, unsupported: "'" };
      add(script.slice(i + 1, close), false, true);
      i = close;
    } else if (c === '"') {
      const close = closingQuote(script, i + 1);
      if (close === -1) return { ok: false, unsupported: '"' };
      const inner = script.slice(i + 1, close);
      if (inner.includes('$(') || inner.includes('`')) return { ok: false, unsupported: '$(' };
      add(inner.replace(/\\(["\\$`])/g, '$1'), true, true);
      i = close;
    } else add(c, true, false);
  }
  const bad = endCommand(';');
  if (bad !== null) return { ok: false, unsupported: bad };
  return { ok: true, steps };
}

function closingQuote(script: string, from: number): number {
  for (let i = from; i < script.length; i++) {
    if (script[i] === '\\') i++;
    else if (script[i] === '"') return i;
  }
  return -1;
}

/** Expands a word to its fields: unquoted expansions split on blanks, quoted ones do not. */
export function expandWord(word: Word, lookup: (name: string) => string): string[] {
  const fields: string[] = [];
  let current = '';
  let hasText = false;
  for (const segment of word) {
    const text = segment.expand ? expandVars(segment.text, lookup) : segment.text;
    if (segment.quoted || !segment.expand) {
      current += text;
      hasText = true;
      continue;
    }
    const parts = text.split(/[ \t\n]+/);
    for (const [i, part] of parts.entries()) {
      if (i > 0 && (current !== '' || hasText)) {
        fields.push(current);
        current = '';
        hasText = false;
      }
      current += part;
      if (part !== '') hasText = true;
    }
  }
  if (current !== '' || hasText) fields.push(current);
  return fields;
}

function expandVars(text: string, lookup: (name: string) => string): string {
  return text.replace(
    /\$(?:\{([A-Za-z_][A-Za-z0-9_]*)\}|([A-Za-z_][A-Za-z0-9_]*)|(\?))/g,
    (_m, braced, bare, status) => lookup((braced ?? bare ?? status ?? '') as string),
  );
}
