import { isMap, isNode, isScalar, isSeq } from 'yaml';
import {
  dns1123LabelErrors,
  dns1123SubdomainErrors,
  labelValueErrors,
  qualifiedNameErrors,
} from '../cluster/labels/validation.ts';
import { err, ok, type Result } from '../result.ts';

/**
 * Decoders from `yaml` document nodes to typed values. Each decoder knows where it is (the field
 * path and the node's offset in the file), so a bad lab file is refused with the line and the field
 * that is wrong, not with a stack trace or a silently ignored key.
 */
export interface At {
  /** The field, e.g. `checks[2].pod`. */
  path: string;
  /** Character offset of the node (or of its parent, for a missing field). */
  offset: number;
}

export interface Problem extends At {
  message: string;
}

export type Decoded<T> = Result<T, Problem>;
export type Decoder<T> = (node: unknown, at: At) => Decoded<T>;
export type DecodedBy<D> = D extends Decoder<infer T> ? T : never;

type Shape = Record<string, Decoder<unknown>>;
export type ObjectOf<R extends Shape, O extends Shape> = { [K in keyof R]: DecodedBy<R[K]> } & {
  [K in keyof O]?: DecodedBy<O[K]>;
};

export const problem = (at: At, message: string): { ok: false; error: Problem } =>
  err({ path: at.path, offset: at.offset, message });

/** The node's own position when the parser recorded one, else where its parent was. */
export const here = (node: unknown, at: At): At => ({
  path: at.path,
  offset: isNode(node) && node.range ? node.range[0] : at.offset,
});

const scalarValue = (node: unknown): unknown => (isScalar(node) ? node.value : node);

/** What was found instead, in words: `a map`, `a list`, `nothing`, `number`, ... */
function whatIs(node: unknown): string {
  if (isMap(node)) return 'a map';
  if (isSeq(node)) return 'a list';
  const value = scalarValue(node);
  return value === null || value === undefined ? 'nothing' : typeof value;
}

export const text: Decoder<string> = (node, at) => {
  const value = scalarValue(node);
  if (typeof value === 'string' && value.trim() !== '') return ok(value);
  if (typeof value === 'string') return problem(here(node, at), 'must not be empty');
  const hint = isScalar(node) && node.value !== null ? ` (quote it: "${String(node.value)}")` : '';
  return problem(here(node, at), `expected a string, found ${whatIs(node)}${hint}`);
};

/** A name the API server would accept: a namespace (DNS label) or a pod (DNS subdomain). */
function apiName(rule: (name: string) => string[]): Decoder<string> {
  return (node, at) => {
    const name = text(node, at);
    if (!name.ok) return name;
    const errors = rule(name.value);
    return errors.length === 0 ? name : problem(here(node, at), errors.join('; '));
  };
}

export const namespaceName = apiName(dns1123LabelErrors);
export const podName = apiName(dns1123SubdomainErrors);

export function oneOf<T extends string>(values: readonly T[]): Decoder<T> {
  return (node, at) => {
    const value = text(node, at);
    if (!value.ok) return value;
    const found = values.find((v) => v === value.value);
    if (found !== undefined) return ok(found);
    return problem(here(node, at), `"${value.value}" is not one of: ${values.join(', ')}`);
  };
}

export function int(min: number, max: number): Decoder<number> {
  return (node, at) => {
    const value = scalarValue(node);
    if (typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max)
      return ok(value);
    return problem(here(node, at), `expected a whole number from ${min} to ${max}`);
  };
}

/** A flag that is only ever written as `true` (leaving it out means false). */
export const isTrue: Decoder<true> = (node, at) =>
  scalarValue(node) === true ? ok(true) : problem(here(node, at), 'expected true (or leave the field out)');

/** `10s`, `2m`, `500ms`: how long a replayed route lets the sandbox clock run. */
export const duration: Decoder<number> = (node, at) => {
  const value = text(node, at);
  if (!value.ok) return value;
  const m = /^(\d+)(ms|s|m)$/.exec(value.value);
  if (m === null) return problem(here(node, at), `"${value.value}" is not a duration like 10s, 2m or 500ms`);
  return ok(Number(m[1]) * { ms: 1, s: 1000, m: 60_000 }[m[2] as 'ms' | 's' | 'm']);
};

export function list<T>(item: Decoder<T>, min = 0): Decoder<T[]> {
  return (node, at) => {
    if (!isSeq(node)) return problem(here(node, at), `expected a list, found ${whatIs(node)}`);
    if (node.items.length < min) return problem(here(node, at), `needs at least ${min} item(s)`);
    const out: T[] = [];
    for (const [i, child] of node.items.entries()) {
      const decoded = item(child, { path: `${at.path}[${i}]`, offset: here(node, at).offset });
      if (!decoded.ok) return decoded;
      out.push(decoded.value);
    }
    return ok(out);
  };
}

/** The map's entries as (key, value node, position) triples, keys as strings. */
export function entries(node: unknown, at: At): Decoded<{ key: string; value: unknown; at: At }[]> {
  if (!isMap(node)) return problem(here(node, at), `expected a map, found ${whatIs(node)}`);
  const out: { key: string; value: unknown; at: At }[] = [];
  for (const pair of node.items) {
    const key = String(scalarValue(pair.key));
    out.push({
      key,
      value: pair.value,
      at: here(pair.key, { path: join(at.path, key), offset: here(node, at).offset }),
    });
  }
  return ok(out);
}

const join = (path: string, key: string) => (path === '' ? key : `${path}.${key}`);

const fieldOf = (shape: Shape, key: string): Decoder<unknown> | undefined =>
  Object.hasOwn(shape, key) ? shape[key] : undefined;

/**
 * A map with exactly these fields: every `required` one present, `optional` ones allowed, and
 * `alsoAllowed` left for another decoder of the same map (a check's kind-specific fields).
 */
export function object<R extends Shape, O extends Shape = Record<never, never>>(
  required: R,
  optional?: O,
  alsoAllowed: readonly string[] = [],
): Decoder<ObjectOf<R, O>> {
  return (node, at) => {
    const found = entries(node, at);
    if (!found.ok) return found;
    const known = [...Object.keys(required), ...Object.keys(optional ?? {})];
    const out: Record<string, unknown> = {};
    for (const entry of found.value) {
      // Own fields only: a key such as `constructor` must not find Object.prototype's.
      const decoder = fieldOf(required, entry.key) ?? fieldOf(optional ?? {}, entry.key);
      if (decoder === undefined) {
        if (alsoAllowed.includes(entry.key)) continue;
        return problem(entry.at, `unknown field (expected one of: ${[...known, ...alsoAllowed].join(', ')})`);
      }
      const decoded = decoder(entry.value, entry.at);
      if (!decoded.ok) return decoded;
      out[entry.key] = decoded.value;
    }
    for (const key of Object.keys(required)) {
      if (!Object.hasOwn(out, key))
        return problem({ ...here(node, at), path: join(at.path, key) }, 'required field is missing');
    }
    return ok(out as ObjectOf<R, O>);
  };
}

/** Label maps: keys and values checked as the API server checks labels; `null` values only if allowed. */
export function labelMap(options: { allowNull: true }): Decoder<Record<string, string | null>>;
export function labelMap(options?: { allowNull: false }): Decoder<Record<string, string>>;
export function labelMap(options = { allowNull: false }): Decoder<Record<string, string | null>> {
  return (node, at) => {
    const found = entries(node, at);
    if (!found.ok) return found;
    const out: Record<string, string | null> = {};
    for (const entry of found.value) {
      const keyErrors = qualifiedNameErrors(entry.key);
      if (keyErrors.length > 0) return problem(entry.at, `invalid key: ${keyErrors.join('; ')}`);
      const raw = scalarValue(entry.value);
      if (raw === null && options.allowNull) {
        out[entry.key] = null;
        continue;
      }
      if (typeof raw !== 'string') {
        const shown = raw === null ? '' : ` (quote it: "${String(raw)}")`;
        return problem(here(entry.value, entry.at), `expected a string value${shown}`);
      }
      const valueErrors = labelValueErrors(raw);
      if (valueErrors.length > 0) return problem(here(entry.value, entry.at), valueErrors.join('; '));
      out[entry.key] = raw;
    }
    return ok(out);
  };
}

/** Free-form string maps (annotation values may hold spaces and any text). */
export const stringMap: Decoder<Record<string, string>> = (node, at) => {
  const found = entries(node, at);
  if (!found.ok) return found;
  const out: Record<string, string> = {};
  for (const entry of found.value) {
    const raw = scalarValue(entry.value);
    if (typeof raw !== 'string') return problem(here(entry.value, entry.at), 'expected a string value');
    out[entry.key] = raw;
  }
  return ok(out);
};

export const bilingual = object({ ko: text, en: text });
export type Bilingual = DecodedBy<typeof bilingual>;
