/**
 * A manifest document as plain JSON data, the form kubectl sends to the API server. Objects are
 * built only through `jsonObject`/`setKey`, which define own properties, so a key such as
 * `__proto__` or `constructor` is just a key: it can never reach a prototype.
 */
export type JsonValue = null | boolean | number | string | JsonValue[] | JsonObject;
export interface JsonObject {
  [key: string]: JsonValue;
}

export const isJsonObject = (v: JsonValue | undefined): v is JsonObject =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** How encoding/json names a JSON value's kind in its type errors (`cannot unmarshal array into ...`). */
export function kindOf(value: JsonValue): string {
  if (Array.isArray(value)) return 'array';
  if (isJsonObject(value)) return 'object';
  if (typeof value === 'boolean') return 'bool';
  return typeof value;
}

export function jsonObject(entries: Iterable<readonly [string, JsonValue]> = []): JsonObject {
  const out: JsonObject = {};
  for (const [key, value] of entries) setKey(out, key, value);
  return out;
}

export function setKey(object: JsonObject, key: string, value: JsonValue): void {
  Object.defineProperty(object, key, { value, writable: true, enumerable: true, configurable: true });
}

/** An own property only: `get({}, 'constructor')` is undefined, as it would be in Go. */
export const getKey = (object: JsonObject, key: string): JsonValue | undefined =>
  Object.hasOwn(object, key) ? object[key] : undefined;

/** The string at `path` of an object, or '' (kubectl's metadata accessor never fails). */
export function stringAt(object: JsonObject, ...path: string[]): string {
  let here: JsonValue | undefined = object;
  for (const key of path) here = isJsonObject(here) ? getKey(here, key) : undefined;
  return typeof here === 'string' ? here : '';
}

/** Go's json.Marshal of a map: keys sorted at every level, compact, HTML characters escaped. */
export function goJson(value: JsonValue): string {
  return JSON.stringify(sorted(value))
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

export function sorted(value: JsonValue): JsonValue {
  if (Array.isArray(value)) return value.map(sorted);
  if (isJsonObject(value)) {
    return jsonObject(
      Object.keys(value)
        .sort()
        .map((k) => [k, sorted(value[k] ?? null)] as const),
    );
  }
  return value;
}

export function deepEqual(a: JsonValue | undefined, b: JsonValue | undefined): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  if (isJsonObject(a) && isJsonObject(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((k) => deepEqual(a[k], getKey(b, k)));
  }
  return false;
}
