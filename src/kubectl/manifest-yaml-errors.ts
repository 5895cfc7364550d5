import type { YAMLError } from 'yaml';

/**
 * kubectl reports YAML mistakes in go-yaml v2's words, not ours: `yaml: line 4: mapping values
 * are not allowed in this context`. The `yaml` library finds the same mistakes but names them
 * differently and at its own position, so this table translates the first error. The line rules
 * follow go-yaml's parser.fail(): a *scanner* error names the 1-based line where scanning
 * stopped (none when that is the first); a *parser* error names the 0-based line of the offending token, which reads as the
 * line before it (and no line at all when that is 0). Checked case by case against kubectl.
 */
type GoError = { kind: 'scanner' | 'parser' | 'end'; message: string; line: number };

export function goYamlError(errors: readonly YAMLError[], text: string): string {
  const [first, second] = errors;
  if (first === undefined) return 'yaml: did not find expected key';
  const e = translate(first, second, text);
  // A scanner error's 0-based mark is counted up to 1-based, except on the first line (mark 0).
  const line =
    e.kind === 'end'
      ? e.line
      : e.kind === 'parser'
        ? contentLineFrom(text, e.line) - 1
        : e.line > 1
          ? e.line
          : 0;
  return line > 0 ? `yaml: line ${line}: ${e.message}` : `yaml: ${e.message}`;
}

function translate(first: YAMLError, second: YAMLError | undefined, text: string): GoError {
  const line = lineOf(text, first.pos[0]);
  const parser = (message: string): GoError => ({ kind: 'parser', message, line });
  const scanner = (message: string, at = line): GoError => ({ kind: 'scanner', message, line: at });
  const m = first.message;
  // An open flow collection wants an entry after `[`, `{` or `,`, and a separator after one.
  const wantsNode = /[[{,]$/.test(text.slice(0, first.pos[0]).trimEnd());
  const flow = (close: string): GoError => {
    const message = wantsNode
      ? 'did not find expected node content'
      : `did not find expected ',' or '${close}'`;
    // Stopped by the end of the text: go-yaml's STREAM-END token, whose mark moves to a new line
    // when the last one is unfinished, so `[1` alone is "line 1".
    if (text.slice(first.pos[0]).trim() === '') return { kind: 'end', message, line: streamEndLine(text) };
    return parser(message);
  };
  switch (first.code) {
    case 'TAB_AS_INDENT':
      return scanner(
        afterPlainValue(text, line)
          ? 'found a tab character that violates indentation'
          : 'found character that cannot start any token',
      );
    case 'BAD_SCALAR_START':
      return scanner('found character that cannot start any token');
    case 'BAD_DQ_ESCAPE':
      return scanner('found unknown escape character');
    case 'BLOCK_AS_IMPLICIT_KEY':
      if (/Nested mappings/.test(m)) {
        // `name: kubia: x`, or a value continued on a deeper line: go-yaml stops at the second ':'.
        const end = second?.code === 'MULTILINE_IMPLICIT_KEY' ? lineOf(text, second.pos[1]) : line;
        return scanner('mapping values are not allowed in this context', end);
      }
      return parser('did not find expected key');
    case 'MULTILINE_IMPLICIT_KEY':
      if (second?.code === 'UNEXPECTED_TOKEN') return parser('did not find expected key');
      return scanner("could not find expected ':'", line + 1);
    case 'MISSING_CHAR':
      if (/closing .*quote/.test(m))
        return scanner('found unexpected end of stream', lineOf(text, text.length));
      if (/Implicit map keys need to be followed/.test(m))
        return scanner("could not find expected ':'", line + 1);
      if (/Flow sequence/.test(m)) return flow(']');
      if (/Flow map/.test(m)) return flow('}');
      return parser('did not find expected key');
    case 'BAD_INDENT':
      if (/Flow sequence/.test(m)) return flow(']');
      if (/Flow map/.test(m)) return flow('}');
      return parser('did not find expected key');
    case 'UNEXPECTED_TOKEN':
      return parser(
        rootIsSequence(text) && columnOf(text, first.pos[0]) === 1
          ? "did not find expected '-' indicator"
          : 'did not find expected key',
      );
    default:
      return parser('did not find expected key');
  }
}

/** go-yaml's 0-based line of STREAM-END: past the last line break, or past an unfinished last line. */
function streamEndLine(text: string): number {
  let breaks = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) breaks++;
  return breaks + (text === '' || text.endsWith('\n') ? 0 : 1);
}

const lineOf = (text: string, offset: number): number => text.slice(0, offset).split('\n').length;

function columnOf(text: string, offset: number): number {
  return offset - text.lastIndexOf('\n', offset - 1);
}

/** The first line at or after `line` that holds a token (go-yaml's parser skips blanks and comments). */
function contentLineFrom(text: string, line: number): number {
  const lines = text.split('\n');
  for (let n = line; n <= lines.length; n++) {
    const body = (lines[n - 1] ?? '').trim();
    if (body !== '' && !body.startsWith('#')) return n;
  }
  return line;
}

/** A tab after a plain scalar is scanned as its continuation; after `key:` it starts a token. */
function afterPlainValue(text: string, line: number): boolean {
  const lines = text.split('\n');
  for (let n = line - 1; n >= 1; n--) {
    const body = (lines[n - 1] ?? '').trim();
    if (body === '' || body.startsWith('#')) continue;
    return !body.endsWith(':');
  }
  return false;
}

function rootIsSequence(text: string): boolean {
  for (const line of text.split('\n')) {
    const body = line.trim();
    if (body === '' || body.startsWith('#')) continue;
    return line.startsWith('-');
  }
  return false;
}
