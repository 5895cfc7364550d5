import { isRecord } from './quantity.ts';

/**
 * A JSON value printed as go-cmp prints the Go value it decodes into (the API server's
 * internal types): structs as `{Field: value}` with zero fields left out, pointers as `&v`,
 * slices as `{a, b}`, maps with sorted keys. go-cmp names a struct's, slice's or map's type only
 * on a line that differs (`+ NodeSelector: map[string]string{"disk": "ssd"},`) and never for
 * the items of a slice. The types are data: the fields of each, in Go's order, with the JSON
 * name each is read from.
 */
export type GoType =
  | { readonly kind: 'string' | 'int' | 'bool' }
  | { readonly kind: 'ptr'; readonly elem: GoType }
  | { readonly kind: 'struct'; readonly name: string; readonly fields: readonly GoField[] }
  | { readonly kind: 'slice'; readonly name: string; readonly elem: GoType }
  | { readonly kind: 'map'; readonly name: string }
  /** A type not written out here: the JSON in Go literal syntax, `zero` when absent. */
  | { readonly kind: 'raw'; readonly zero: string };

export interface GoField {
  readonly go: string;
  readonly json: string;
  readonly type: GoType;
  /** An embedded struct, read from the same JSON object as its parent (`VolumeSource`). */
  readonly inline?: true;
}

/** `identical`: a line that did not change (no type names). `diff`: a `-` or `+` line. */
export type GoMode = 'identical' | 'diff';

const MAX_DEPTH = 24;
const ZERO_TEXTS = new Set(['nil', '""', '0', 'false', '{}']);

export const str: GoType = { kind: 'string' };
export const int: GoType = { kind: 'int' };
export const bool: GoType = { kind: 'bool' };
export const ptr = (elem: GoType): GoType => ({ kind: 'ptr', elem });
export const slice = (name: string, elem: GoType): GoType => ({ kind: 'slice', name, elem });
export const struct = (name: string, fields: readonly GoField[]): GoType => ({
  kind: 'struct',
  name,
  fields,
});
export const raw = (zero = 'nil'): GoType => ({ kind: 'raw', zero });
export const stringMap: GoType = { kind: 'map', name: 'map[string]string' };
export const field = (go: string, json: string, type: GoType): GoField => ({ go, json, type });

/** The value of a field: the parent's own JSON object for an embedded struct. */
export const fieldValue = (parent: unknown, f: GoField): unknown =>
  f.inline === true ? parent : isRecord(parent) ? parent[f.json] : undefined;

export function goText(value: unknown, type: GoType, mode: GoMode, elide = false, depth = 0): string {
  if (depth > MAX_DEPTH) return '{...}';
  switch (type.kind) {
    case 'string':
      return JSON.stringify(typeof value === 'string' ? value : '');
    case 'int':
      return typeof value === 'number' ? String(value) : '0';
    case 'bool':
      return String(value === true);
    case 'ptr':
      return value === undefined || value === null
        ? 'nil'
        : `&${goText(value, type.elem, mode, false, depth + 1)}`;
    case 'struct': {
      const parts = type.fields.flatMap((f) => {
        const text = goText(fieldValue(value, f), f.type, mode, false, depth + 1);
        return isZeroText(text) ? [] : [`${f.go}: ${text}`];
      });
      return typed(`{${parts.join(', ')}}`, type.name, mode, elide);
    }
    case 'slice': {
      if (!Array.isArray(value) || value.length === 0) return 'nil';
      const items = value.map((v) => goText(v, type.elem, mode, true, depth + 1));
      return typed(`{${items.join(', ')}}`, type.name, mode, elide);
    }
    case 'map': {
      if (!isRecord(value) || Object.keys(value).length === 0) return 'nil';
      const keys = Object.keys(value).sort();
      const text = `{${keys.map((k) => `${JSON.stringify(k)}: ${JSON.stringify(value[k])}`).join(', ')}}`;
      return typed(text, type.name, mode, elide);
    }
    case 'raw':
      return value === undefined || value === null || isEmpty(value) ? type.zero : goLiteral(value, depth);
  }
}

const typed = (text: string, name: string, mode: GoMode, elide: boolean) =>
  mode === 'diff' && !elide ? `${name}${text}` : text;

/** A zero value, which go-cmp leaves out of a struct printed on one line. */
export const isZeroText = (text: string): boolean => ZERO_TEXTS.has(text) || /^[\w.[\]]+\{\}$/.test(text);

const isEmpty = (v: unknown) => isRecord(v) && Object.keys(v).length === 0;

/** JSON not described by a type, in Go literal syntax (field names capitalised). */
function goLiteral(value: unknown, depth: number): string {
  if (depth > MAX_DEPTH) return '{...}';
  if (value === undefined || value === null) return 'nil';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value !== 'object') return String(value);
  if (Array.isArray(value)) return `{${value.map((v) => goLiteral(v, depth + 1)).join(', ')}}`;
  const entries = Object.entries(value).map(([k, v]) =>
    /^[a-z]/.test(k)
      ? `${k[0]?.toUpperCase()}${k.slice(1)}: ${goLiteral(v, depth + 1)}`
      : `${JSON.stringify(k)}: ${goLiteral(v, depth + 1)}`,
  );
  return `{${entries.join(', ')}}`;
}
