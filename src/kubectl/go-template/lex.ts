import { unquoteGo } from '../../go/values.ts';
import { err, ok, type Result } from '../../result.ts';

/**
 * The lexer of Go's text/template for the forms kubectl users write: text, `{{ }}` actions with
 * `{{-`/`-}}` trim markers and comments, fields (`.a.b`), `$variables`, identifiers, strings,
 * numbers, `|`, `(`, `)`, `:=`, `=` and `,`. Errors are text/template's, after `LINE: `.
 */
export type Token =
  | { t: 'text'; pos: number; text: string }
  | { t: 'open'; pos: number }
  | { t: 'close'; pos: number }
  | { t: 'field'; pos: number; name: string }
  | { t: 'dot'; pos: number }
  | { t: 'variable'; pos: number; name: string }
  | { t: 'identifier'; pos: number; name: string }
  | { t: 'string'; pos: number; value: string; raw: string }
  | { t: 'number'; pos: number; raw: string }
  | { t: 'bool'; pos: number; value: boolean }
  | { t: 'nil'; pos: number }
  | { t: 'pipe' | 'lparen' | 'rparen' | 'declare' | 'assign' | 'comma' | 'space'; pos: number };

export const lineOf = (text: string, pos: number): number => {
  let line = 1;
  for (let i = 0; i < pos && i < text.length; i++) if (text[i] === '\n') line += 1;
  return line;
};

const isSpace = (ch: string) => ch === ' ' || ch === '\t' || ch === '\r' || ch === '\n';
const isAlnum = (ch: string) => ch === '_' || /^[\p{L}\p{Nd}]$/u.test(ch);

export function lexTemplate(text: string): Result<Token[], string> {
  const tokens: Token[] = [];
  let pos = 0;
  const fail = (at: number, message: string) => err(`${lineOf(text, at)}: ${message}`);
  while (pos < text.length) {
    const open = text.indexOf('{{', pos);
    let body = open === -1 ? text.slice(pos) : text.slice(pos, open);
    const trimLeft = open !== -1 && text[open + 2] === '-' && isSpace(text[open + 3] ?? '');
    if (trimLeft) body = body.replace(/[ \t\r\n]+$/, '');
    if (body !== '') tokens.push({ t: 'text', pos, text: body });
    if (open === -1) break;
    pos = open + 2 + (trimLeft ? 2 : 0);
    // A comment fills the whole action: {{/* ... */}}.
    if (text.startsWith('/*', pos)) {
      const end = text.indexOf('*/', pos + 2);
      if (end === -1) return fail(open, 'unclosed comment');
      pos = end + 2;
      const trimRight = text.startsWith(' -}}', pos);
      if (trimRight) pos += 1;
      if (!text.startsWith(trimRight ? '-}}' : '}}', pos))
        return fail(open, 'comment ends before closing delimiter');
      pos += trimRight ? 3 : 2;
      if (trimRight) pos = skipSpace(text, pos);
      continue;
    }
    tokens.push({ t: 'open', pos: open });
    const action = lexAction(text, pos, tokens);
    if (!action.ok) return fail(action.error.at, action.error.message);
    pos = action.value;
  }
  return ok(tokens);
}

const skipSpace = (text: string, from: number) => {
  let pos = from;
  while (pos < text.length && isSpace(text[pos] ?? '')) pos += 1;
  return pos;
};

type LexError = { at: number; message: string };

/** Tokens of one action up to and including its `}}`; returns the position after it. */
function lexAction(text: string, start: number, tokens: Token[]): Result<number, LexError> {
  let pos = start;
  for (;;) {
    if (pos >= text.length) return err({ at: pos, message: 'unclosed action' });
    const ch = text[pos] ?? '';
    if (isSpace(ch)) {
      const after = skipSpace(text, pos);
      if (text.startsWith('-}}', after)) {
        tokens.push({ t: 'close', pos: after });
        return ok(skipSpace(text, after + 3));
      }
      tokens.push({ t: 'space', pos });
      pos = after;
      continue;
    }
    if (text.startsWith('}}', pos)) {
      tokens.push({ t: 'close', pos });
      return ok(pos + 2);
    }
    if (ch === '\n') return err({ at: pos, message: 'unclosed action' });
    if (ch === '"' || ch === '`') {
      const end = scanString(text, pos, ch);
      if (end === -1)
        return err({ at: pos, message: `unterminated ${ch === '`' ? 'raw ' : ''}quoted string` });
      const raw = text.slice(pos, end);
      const value = ch === '`' ? raw.slice(1, -1) : unquoteGo(raw);
      if (value === null) return err({ at: pos, message: `invalid syntax: ${raw}` });
      tokens.push({ t: 'string', pos, value, raw });
      pos = end;
      continue;
    }
    const single: Record<string, Token['t']> = { '|': 'pipe', '(': 'lparen', ')': 'rparen', ',': 'comma' };
    const kind = single[ch];
    if (kind !== undefined) {
      tokens.push({ t: kind, pos } as Token);
      pos += 1;
      continue;
    }
    if (text.startsWith(':=', pos)) {
      tokens.push({ t: 'declare', pos });
      pos += 2;
      continue;
    }
    if (ch === '=') {
      tokens.push({ t: 'assign', pos });
      pos += 1;
      continue;
    }
    if (ch === '.' && !/[0-9]/.test(text[pos + 1] ?? '')) {
      const end = scanWord(text, pos + 1);
      tokens.push(end === pos + 1 ? { t: 'dot', pos } : { t: 'field', pos, name: text.slice(pos + 1, end) });
      pos = end;
      continue;
    }
    if (ch === '$') {
      const end = scanWord(text, pos + 1);
      tokens.push({ t: 'variable', pos, name: text.slice(pos, end) });
      pos = end;
      continue;
    }
    if (/[0-9+\-.]/.test(ch)) {
      const m = /^[+-]?(0[xX][0-9a-fA-F_]+|[0-9_]*\.?[0-9_]*([eE][+-]?[0-9_]+)?)/.exec(text.slice(pos));
      const raw = m?.[0] ?? '';
      if (raw === '' || raw === '+' || raw === '-' || isAlnum(text[pos + raw.length] ?? ''))
        return err({ at: pos, message: `bad number syntax: "${text.slice(pos, scanWord(text, pos + 1))}"` });
      tokens.push({ t: 'number', pos, raw });
      pos += raw.length;
      continue;
    }
    if (isAlnum(ch)) {
      const end = scanWord(text, pos);
      const word = text.slice(pos, end);
      tokens.push(
        word === 'true' || word === 'false'
          ? { t: 'bool', pos, value: word === 'true' }
          : word === 'nil'
            ? { t: 'nil', pos }
            : { t: 'identifier', pos, name: word },
      );
      pos = end;
      continue;
    }
    const code = ch.codePointAt(0) ?? 0;
    return err({
      at: pos,
      message: `bad character U+${code.toString(16).toUpperCase().padStart(4, '0')} '${ch}'`,
    });
  }
}

function scanWord(text: string, from: number): number {
  let pos = from;
  while (pos < text.length && isAlnum(text[pos] ?? '')) pos += 1;
  return pos;
}

function scanString(text: string, start: number, quote: string): number {
  for (let pos = start + 1; pos < text.length; pos++) {
    const ch = text[pos];
    if (quote === '"' && ch === '\\') pos += 1;
    else if (quote === '"' && ch === '\n') return -1;
    else if (ch === quote) return pos + 1;
  }
  return -1;
}
