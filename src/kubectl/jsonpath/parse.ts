import { unquoteGo } from '../../go/values.ts';
import { err, ok, type Result } from '../../result.ts';

/**
 * kubectl's JSONPath dialect (client-go util/jsonpath), which is not RFC 9535:
 *
 *   template  = { text | "{" action "}" }
 *   action    = { " " | "@" | "$" | "." field | ".." [field] | "[" index "]"
 *               | "[?(" filter ")]" | quoted | number | identifier }
 *   field     = name up to an unescaped terminator (space . , [ ] $ @ { }), "*" is a wildcard
 *   index     = "*" | slice | 'key' | index "," index            (a union)
 *   slice     = [int] [":" [int]] [":" [int]]
 *   filter    = action op action | action                         (op: == != < > <= >=)
 *   identifier = "range" | "end" | "true" | "false"
 *
 * Errors are client-go's words. The scanner moves forward only; nested parses (unions,
 * filters, 'key') work on disjoint slices of the input, so the work is linear in its length.
 */
export type JsonPathNode =
  | { type: 'text'; text: string }
  | { type: 'field'; name: string }
  | { type: 'wildcard' }
  | { type: 'recursive' }
  | { type: 'array'; params: [SliceParam, SliceParam, SliceParam] }
  | { type: 'union'; lists: JsonPathNode[][] }
  | { type: 'filter'; left: JsonPathNode[]; right: JsonPathNode[]; op: string }
  | { type: 'int'; value: number }
  | { type: 'float'; value: number }
  | { type: 'bool'; value: boolean }
  | { type: 'identifier'; name: string };

export interface SliceParam {
  value: number;
  known: boolean;
  derived: boolean;
}

/** Text outside braces, or the nodes of one `{...}` action. */
export type TemplateItem = { kind: 'text'; text: string } | { kind: 'action'; nodes: JsonPathNode[] };

export const MAX_TEMPLATE = 4096;

export function parseJsonPath(text: string): Result<TemplateItem[], string> {
  if (text.length > MAX_TEMPLATE) return err(`template longer than ${MAX_TEMPLATE} characters`);
  const items: TemplateItem[] = [];
  let pos = 0;
  while (pos < text.length) {
    const open = text.indexOf('{', pos);
    if (open === -1) {
      items.push({ kind: 'text', text: text.slice(pos) });
      break;
    }
    if (open > pos) items.push({ kind: 'text', text: text.slice(pos, open) });
    const action = parseAction(text, open + 1);
    if (!action.ok) return action;
    items.push({ kind: 'action', nodes: action.value.nodes });
    pos = action.value.end;
  }
  return ok(items);
}

/** The nodes of `{text}` as an action of their own (parser.go parseAction). */
function subAction(text: string): Result<JsonPathNode[], string> {
  const parsed = parseAction(`${text}}`, 0);
  return parsed.ok ? ok(parsed.value.nodes) : parsed;
}

const TERMINATORS = new Set([' ', '\t', '\r', '\n', '.', ',', '[', ']', '$', '@', '{', '}']);
const isAlphaNumeric = (ch: string) => ch === '_' || /^[\p{L}\p{Nd}]$/u.test(ch);
const isDigit = (ch: string) => ch >= '0' && ch <= '9';
const SLICE = /^(-?\d*)(:-?\d*)?(:-?\d*)?$/;
const DICT_KEY = /^'([^']*)'$/;
const COMPARISON = /^([^!<>=]+)([!<>=]+)(.+?)$/s;

/** One action from just after its `{` to just after its `}`. */
function parseAction(text: string, start: number): Result<{ nodes: JsonPathNode[]; end: number }, string> {
  const nodes: JsonPathNode[] = [];
  let pos = start;
  for (;;) {
    if (text.startsWith('}', pos)) return ok({ nodes, end: pos + 1 });
    if (text.startsWith('[?(', pos)) {
      const filter = parseFilter(text, pos + 3);
      if (!filter.ok) return filter;
      nodes.push(filter.value.node);
      pos = filter.value.end;
      continue;
    }
    if (text.startsWith('..', pos)) {
      if (nodes.at(-1)?.type === 'recursive') return err('invalid multiple recursive descent');
      nodes.push({ type: 'recursive' });
      pos += 2;
      const next = text[pos];
      if (next !== undefined && isAlphaNumeric(next)) pos = field(text, pos, nodes);
      continue;
    }
    const ch = String.fromCodePoint(text.codePointAt(pos) ?? 0);
    if (pos >= text.length || ch === '\r' || ch === '\n') return err('unclosed action');
    if (ch === ' ' || ch === '@' || ch === '$') pos += 1;
    else if (ch === '[') {
      const array = parseArray(text, pos + 1, nodes);
      if (!array.ok) return array;
      pos = array.value;
    } else if (ch === '"' || ch === "'") {
      const quoted = parseQuote(text, pos, ch);
      if (!quoted.ok) return quoted;
      nodes.push({ type: 'text', text: quoted.value.text });
      pos = quoted.value.end;
    } else if (ch === '.') pos = field(text, pos + 1, nodes);
    else if (ch === '+' || ch === '-' || isDigit(ch)) {
      const number = parseNumber(text, pos);
      if (!number.ok) return number;
      nodes.push(number.value.node);
      pos = number.value.end;
    } else if (isAlphaNumeric(ch)) {
      let end = pos;
      while (end < text.length && !TERMINATORS.has(text[end] ?? '')) end += 1;
      const word = text.slice(pos, end);
      nodes.push(
        word === 'true' || word === 'false'
          ? { type: 'bool', value: word === 'true' }
          : { type: 'identifier', name: word },
      );
      pos = end;
    } else return err(`unrecognized character in action: ${goRune(ch)}`);
  }
}

/** A field name up to the next unescaped terminator; backslashes are dropped from it. */
function field(text: string, start: number, nodes: JsonPathNode[]): number {
  let pos = start;
  while (pos < text.length) {
    const ch = text[pos] ?? '';
    if (ch === '\\') pos += 2;
    else if (TERMINATORS.has(ch)) break;
    else pos += 1;
  }
  pos = Math.min(pos, text.length);
  const name = text.slice(start, pos);
  nodes.push(name === '*' ? { type: 'wildcard' } : { type: 'field', name: name.replaceAll('\\', '') });
  return pos;
}

function parseNumber(text: string, start: number): Result<{ node: JsonPathNode; end: number }, string> {
  let pos = start;
  if (text[pos] === '+' || text[pos] === '-') pos += 1;
  while (pos < text.length && (text[pos] === '.' || isDigit(text[pos] ?? ''))) pos += 1;
  const value = text.slice(start, pos);
  if (/^[+-]?\d+$/.test(value)) return ok({ node: { type: 'int', value: Number(value) }, end: pos });
  if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(value))
    return ok({ node: { type: 'float', value: Number(value) }, end: pos });
  return err(`cannot parse number ${value}`);
}

function parseArray(text: string, start: number, nodes: JsonPathNode[]): Result<number, string> {
  let end = start;
  while (end < text.length && text[end] !== ']') {
    if (text[end] === '\n') break;
    end += 1;
  }
  if (end >= text.length || text[end] !== ']') return err('unterminated array');
  let inner = text.slice(start, end);
  if (inner === '*') inner = ':';
  const parts = inner.split(',');
  if (parts.length > 1) {
    const lists: JsonPathNode[][] = [];
    for (const part of parts) {
      const list = subAction(`[${part.trim()}]`);
      if (!list.ok) return list;
      lists.push(list.value);
    }
    nodes.push({ type: 'union', lists });
    return ok(end + 1);
  }
  const key = DICT_KEY.exec(inner);
  if (key !== null) {
    const list = subAction(`.${key[1] ?? ''}`);
    if (!list.ok) return list;
    nodes.push(...list.value);
    return ok(end + 1);
  }
  const slice = SLICE.exec(inner);
  if (slice === null) return err(`invalid array index ${inner}`);
  const params: [SliceParam, SliceParam, SliceParam] = [
    { value: 0, known: false, derived: false },
    { value: 0, known: false, derived: false },
    { value: 0, known: false, derived: false },
  ];
  for (let i = 0; i < 3; i++) {
    let part = slice[i + 1] ?? '';
    const param = params[i] as SliceParam;
    if (part !== '') {
      if (i > 0) part = part.slice(1);
      if (i > 0 && part === '') continue;
      if (!/^[+-]?\d+$/.test(part)) return err(`array index ${part} is not a number`);
      param.known = true;
      param.value = Number(part);
    } else if (i === 1) {
      param.known = true;
      param.value = params[0].value + 1;
      param.derived = true;
    }
  }
  nodes.push({ type: 'array', params });
  return ok(end + 1);
}

function parseFilter(text: string, start: number): Result<{ node: JsonPathNode; end: number }, string> {
  let pos = start;
  let begin = false;
  let closed = false;
  let pair = '';
  for (;;) {
    const ch = text[pos];
    pos += 1;
    if (ch === undefined || ch === '\n') return err('unterminated filter');
    if (ch === '"' || ch === "'") {
      if (!begin) {
        begin = true;
        pair = ch;
        continue;
      }
      if (text[pos - 2] !== '\\' && ch === pair) closed = true;
    } else if (ch === ')' && begin === closed) break;
  }
  if (text[pos] !== ']') return err('unclosed array expect ]');
  const inner = text.slice(start, pos - 1);
  const end = pos + 1;
  const comparison = COMPARISON.exec(inner);
  if (comparison === null) {
    const left = subAction(inner);
    return left.ok ? ok({ node: { type: 'filter', left: left.value, right: [], op: 'exists' }, end }) : left;
  }
  const left = subAction(comparison[1] ?? '');
  if (!left.ok) return left;
  const right = subAction(comparison[3] ?? '');
  if (!right.ok) return right;
  return ok({ node: { type: 'filter', left: left.value, right: right.value, op: comparison[2] ?? '' }, end });
}

function parseQuote(
  text: string,
  start: number,
  quote: string,
): Result<{ text: string; end: number }, string> {
  let pos = start + 1;
  for (;;) {
    const ch = text[pos];
    pos += 1;
    if (ch === undefined || ch === '\n') return err('unterminated quoted string');
    if (ch === quote && text[pos - 2] !== '\\') break;
  }
  const raw = text.slice(start, pos);
  const value = unquoteGo(raw);
  return value === null ? err(`unquote string ${raw} error invalid syntax`) : ok({ text: value, end: pos });
}

/** Go's %#U: `U+0023 '#'`. */
function goRune(ch: string): string {
  const code = ch.codePointAt(0) ?? 0;
  return `U+${code.toString(16).toUpperCase().padStart(4, '0')} '${ch}'`;
}
