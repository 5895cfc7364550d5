import { err, ok, type Result } from '../result.ts';

/**
 * Field selectors as apimachinery `fields.ParseSelector` reads them:
 *
 *   selector    := term { "," term }
 *   term        := field ( "=" | "==" | "!=" ) value
 *
 * with `\,` `\=` `\!` `\\` escapes in values. Each resource accepts its own fields (the
 * registry's field label conversion); any other field is a 400 naming it.
 */
export interface FieldTerm {
  field: string;
  negated: boolean;
  value: string;
}

const MAX_TERMS = 64;

export function parseFieldSelector(text: string): Result<FieldTerm[], string> {
  if (text.trim() === '') return ok([]);
  const parts = splitTerms(text);
  if (parts.length > MAX_TERMS) return err(`too many field selector terms (at most ${MAX_TERMS})`);
  const terms: FieldTerm[] = [];
  for (const part of parts) {
    const term = termOf(part);
    if (term === null) return err(`invalid selector: '${text}'; can't understand '${part}'`);
    terms.push(term);
  }
  return ok(terms);
}

/** Splits on unescaped commas, in one pass. */
function splitTerms(text: string): string[] {
  const parts: string[] = [];
  let current = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\\' && i + 1 < text.length) {
      current += ch + text[i + 1];
      i++;
    } else if (ch === ',') {
      parts.push(current);
      current = '';
    } else current += ch;
  }
  parts.push(current);
  return parts;
}

function termOf(part: string): FieldTerm | null {
  for (let i = 0; i < part.length; i++) {
    const ch = part[i];
    if (ch === '\\') {
      i++;
      continue;
    }
    if (ch === '!' && part[i + 1] === '=') return made(part.slice(0, i), true, part.slice(i + 2));
    if (ch === '=') {
      const skip = part[i + 1] === '=' ? 2 : 1;
      return made(part.slice(0, i), false, part.slice(i + skip));
    }
  }
  return null;
}

function made(field: string, negated: boolean, raw: string): FieldTerm | null {
  const name = field.trim();
  if (name === '') return null;
  return { field: name, negated, value: unescaped(raw) };
}

function unescaped(raw: string): string {
  let out = '';
  for (let i = 0; i < raw.length; i++) {
    const ch = raw[i] ?? '';
    if (ch === '\\' && i + 1 < raw.length) {
      out += raw[i + 1];
      i++;
    } else out += ch;
  }
  return out;
}

/** All terms hold for the object, read through `read` (undefined: not a supported field). */
export function matchesFields(terms: readonly FieldTerm[], read: (field: string) => string): boolean {
  return terms.every((t) => (read(t.field) === t.value) !== t.negated);
}

/** The server's 400 for a field the resource does not support (kubectl adds what it asked). */
export const unsupportedField = (field: string) => `field label not supported: ${field}`;
