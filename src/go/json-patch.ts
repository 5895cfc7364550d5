import { err, ok, type Result } from '../result.ts';
import {
  getKey,
  isJsonObject,
  type JsonObject,
  type JsonValue,
  jsonObject,
  kindOf,
  setKey,
} from './json-value.ts';
import { goAtoi } from './strconv.ts';

/**
 * An RFC 6902 JSON patch applied as gopkg.in/evanphx/json-patch.v4 v4.12.0 applies it (DecodePatch
 * and Apply), the library both kubectl 1.33 (`run --overrides --override-type=json`, `patch --local`)
 * and the 1.34 API server's patch handler (`PATCH` with application/json-patch+json) use: its error
 * texts, which each caller wraps in its own way, and its leniencies: `replace` of an absent object
 * key adds it, `copy` from an absent key copies null, negative array indices count from the end,
 * `replace` of the root with a scalar does nothing.
 * The document is changed in place; every object a path walked into is marked, since the library
 * writes those back with sorted keys (which shows in kubectl's "Object 'Kind' is missing in '…'").
 *
 *   patch     = "[" [ operation { "," operation } ] "]"    (null: no operations)
 *   operation = { "op": add|remove|replace|move|copy|test, "path": pointer, "from": pointer, "value": any }
 *   pointer   = { "/" token }    token: "~1" is "/", "~0" is "~"
 */
export interface Patched {
  doc: JsonValue;
  /** Objects the library re-encodes with sorted keys. */
  sorted: WeakSet<object>;
}

/** Go's json.Unmarshal of the patch into jsonpatch.Patch ([]map[string]*json.RawMessage). */
export function decodeJsonPatch(value: JsonValue): Result<(JsonObject | null)[], string> {
  if (value === null) return ok([]);
  if (!Array.isArray(value))
    return err(`json: cannot unmarshal ${kindOf(value)} into Go value of type jsonpatch.Patch`);
  const ops: (JsonObject | null)[] = [];
  for (const op of value) {
    if (op !== null && !isJsonObject(op))
      return err(`json: cannot unmarshal ${kindOf(op)} into Go value of type jsonpatch.Operation`);
    ops.push(op);
  }
  return ok(ops);
}

type Container = JsonObject | JsonValue[];

/** Where the copies stand: the library's accumulated copy size and its limit (AccumulatedCopySizeLimit). */
interface State extends Patched {
  copied: number;
  copyLimit: number;
}

/**
 * The operations applied in order; the first failure is the patch's error. `copyLimit` is the
 * library's AccumulatedCopySizeLimit: the API server sets it (JSONPatchMaxCopyBytes), kubectl's
 * process leaves it unlimited, which a sandbox cannot.
 */
export function applyJsonPatch(
  target: JsonObject,
  ops: readonly (JsonObject | null)[],
  copyLimit: number,
): Result<Patched, string> {
  const state: State = { doc: target, sorted: new WeakSet([target]), copied: 0, copyLimit };
  for (const op of ops) {
    const applied = applyOne(state, op ?? jsonObject());
    if (!applied.ok) return applied;
  }
  return ok({ doc: state.doc, sorted: state.sorted });
}

function applyOne(state: State, op: JsonObject): Result<true, string> {
  const kind = stringField(op, 'op');
  switch (kind.ok ? kind.value : 'unknown') {
    case 'add':
      return add(state, op);
    case 'remove':
      return remove(state, op);
    case 'replace':
      return replace(state, op);
    case 'move':
      return move(state, op);
    case 'test':
      return test(state, op);
    case 'copy':
      return copy(state, op);
    default:
      return err(`Unexpected kind: ${kind.ok ? kind.value : 'unknown'}`);
  }
}

/** A string member of the operation: absent or null is missing, another type a decoding error. */
function stringField(op: JsonObject, key: string): Result<string, string> {
  const value = getKey(op, key);
  if (value === undefined || value === null)
    return err(
      key === 'from'
        ? 'operation, missing from field: missing value'
        : `operation missing ${key} field: missing value`,
    );
  if (typeof value !== 'string')
    return err(`json: cannot unmarshal ${kindOf(value)} into Go value of type string`);
  return ok(value);
}

/** The operation's value; absent is Go's nil node, which is written as null. */
const opValue = (op: JsonObject): JsonValue => getKey(op, 'value') ?? null;

function add(state: Patched, op: JsonObject): Result<true, string> {
  const path = stringField(op, 'path');
  if (!path.ok) return err('add operation failed to decode path: missing value');
  const found = findObject(state, path.value);
  if (found === null)
    return err(`add operation does not apply: doc is missing path: "${path.value}": missing value`);
  const added = addTo(found.container, found.key, opValue(op));
  return added.ok ? added : err(`error in add for path: '${path.value}': ${added.error}`);
}

function remove(state: Patched, op: JsonObject): Result<true, string> {
  const path = stringField(op, 'path');
  if (!path.ok) return err('remove operation failed to decode path: missing value');
  const found = findObject(state, path.value);
  if (found === null)
    return err(`remove operation does not apply: doc is missing path: "${path.value}": missing value`);
  const removed = removeFrom(found.container, found.key);
  return removed.ok ? ok(true) : err(`error in remove for path: '${path.value}': ${removed.error}`);
}

function replace(state: Patched, op: JsonObject): Result<true, string> {
  const path = stringField(op, 'path');
  if (!path.ok) return err(`replace operation failed to decode path: ${path.error}`);
  if (path.value === '') {
    const value = opValue(op);
    if (isJsonObject(value) || Array.isArray(value)) state.doc = value;
    return ok(true);
  }
  const found = findObject(state, path.value);
  if (found === null)
    return err(`replace operation does not apply: doc is missing path: ${path.value}: missing value`);
  if (!getFrom(found.container, found.key).ok)
    return err(`replace operation does not apply: doc is missing key: ${path.value}: missing value`);
  setIn(found.container, found.key, opValue(op));
  return ok(true);
}

function move(state: Patched, op: JsonObject): Result<true, string> {
  const from = stringField(op, 'from');
  if (!from.ok) return err(`move operation failed to decode from: ${from.error}`);
  const source = findObject(state, from.value);
  if (source === null)
    return err(`move operation does not apply: doc is missing from path: ${from.value}: missing value`);
  const value = getFrom(source.container, source.key);
  if (!value.ok) return err(`error in move for path: '${source.key}': ${value.error}`);
  const removed = removeFrom(source.container, source.key);
  if (!removed.ok) return err(`error in move for path: '${source.key}': ${removed.error}`);
  const path = stringField(op, 'path');
  if (!path.ok) return err(`move operation failed to decode path: ${path.error}`);
  const found = findObject(state, path.value);
  if (found === null)
    return err(
      `move operation does not apply: doc is missing destination path: ${path.value}: missing value`,
    );
  const added = addTo(found.container, found.key, value.value);
  return added.ok ? added : err(`error in move for path: '${path.value}': ${added.error}`);
}

function test(state: Patched, op: JsonObject): Result<true, string> {
  const path = stringField(op, 'path');
  if (!path.ok) return err(`test operation failed to decode path: ${path.error}`);
  const failed = err(`testing value ${path.value} failed: test failed`);
  if (path.value === '') return sameJson(state.doc, opValue(op)) ? ok(true) : failed;
  const found = findObject(state, path.value);
  if (found === null)
    return err(`test operation does not apply: is missing path: ${path.value}: missing value`);
  const value = getFrom(found.container, found.key);
  if (!value.ok) return err(`error in test for path: '${path.value}': ${value.error}`);
  if (getKey(op, 'value') === undefined) return failed;
  return sameJson(value.value, opValue(op)) ? ok(true) : failed;
}

function copy(state: State, op: JsonObject): Result<true, string> {
  const from = stringField(op, 'from');
  if (!from.ok) return err(`copy operation failed to decode from: ${from.error}`);
  const source = findObject(state, from.value);
  if (source === null)
    return err(`copy operation does not apply: doc is missing from path: ${from.value}: missing value`);
  const value = getFrom(source.container, source.key);
  if (!value.ok) return err(`error in copy for from: '${from.value}': ${value.error}`);
  const path = stringField(op, 'path');
  if (!path.ok) return err('copy operation failed to decode path: missing value');
  const found = findObject(state, path.value);
  if (found === null)
    return err(
      `copy operation does not apply: doc is missing destination path: ${path.value}: missing value`,
    );
  const text = JSON.stringify(value.value);
  state.copied += text.length;
  if (state.copied > state.copyLimit)
    return err(
      `Unable to complete the copy, the accumulated size increase of copy is ${state.copied}, exceeding the limit ${state.copyLimit}`,
    );
  const added = addTo(found.container, found.key, JSON.parse(text) as JsonValue);
  return added.ok ? added : err(`error while adding value during copy: ${added.error}`);
}

/** The container a pointer's last token is in, and that token; null where the library finds none. */
function findObject(state: Patched, path: string): { container: Container; key: string } | null {
  const tokens = path.split('/');
  if (tokens.length < 2 || !isContainer(state.doc)) return null;
  let here: Container = state.doc;
  for (const token of tokens.slice(1, -1)) {
    const next = getFrom(here, unescapeToken(token));
    if (!next.ok || !isContainer(next.value)) return null;
    here = next.value;
    if (!Array.isArray(here)) state.sorted.add(here);
  }
  return { container: here, key: unescapeToken(tokens[tokens.length - 1] ?? '') };
}

const isContainer = (v: JsonValue | undefined): v is Container => Array.isArray(v) || isJsonObject(v ?? null);
const unescapeToken = (token: string): string => token.replace(/~1|~0/g, (m) => (m === '~1' ? '/' : '~'));

/** strconv.Atoi, as the library reads an array index. */
function index(key: string): Result<number, string> {
  const i = goAtoi(key);
  return i.ok ? ok(Number(i.value)) : i;
}

const invalidIndex = (i: number) => err(`Unable to access invalid index: ${i}: invalid index referenced`);

function getFrom(container: Container, key: string): Result<JsonValue, string> {
  if (!Array.isArray(container)) return ok(getKey(container, key) ?? null);
  const i = index(key);
  if (!i.ok) return i;
  const at = i.value < 0 ? i.value + container.length : i.value;
  if (i.value < -container.length || at >= container.length) return invalidIndex(i.value);
  return ok(container[at] ?? null);
}

function setIn(container: Container, key: string, value: JsonValue): void {
  if (!Array.isArray(container)) {
    setKey(container, key, value);
    return;
  }
  const i = Number(key);
  container[i < 0 ? i + container.length : i] = value;
}

function addTo(container: Container, key: string, value: JsonValue): Result<true, string> {
  if (!Array.isArray(container)) {
    setKey(container, key, value);
    return ok(true);
  }
  if (key === '-') {
    container.push(value);
    return ok(true);
  }
  const i = index(key);
  if (!i.ok) return err(`value was not a proper array index: '${key}': ${i.error}`);
  const size = container.length + 1;
  if (i.value >= size || i.value < -size) return invalidIndex(i.value);
  container.splice(i.value < 0 ? i.value + size : i.value, 0, value);
  return ok(true);
}

function removeFrom(container: Container, key: string): Result<true, string> {
  if (!Array.isArray(container)) {
    if (!Object.hasOwn(container, key)) return err(`Unable to remove nonexistent key: ${key}: missing value`);
    delete container[key];
    return ok(true);
  }
  const i = index(key);
  if (!i.ok) return i;
  if (i.value >= container.length || i.value < -container.length) return invalidIndex(i.value);
  container.splice(i.value < 0 ? i.value + container.length : i.value, 1);
  return ok(true);
}

function sameJson(a: JsonValue, b: JsonValue): boolean {
  if (Array.isArray(a) || Array.isArray(b))
    return (
      Array.isArray(a) &&
      Array.isArray(b) &&
      a.length === b.length &&
      a.every((x, i) => sameJson(x, b[i] ?? null))
    );
  if (isJsonObject(a) || isJsonObject(b)) {
    if (!isJsonObject(a) || !isJsonObject(b)) return false;
    const keys = Object.keys(a);
    return (
      keys.length === Object.keys(b).length && keys.every((k) => sameJson(a[k] ?? null, getKey(b, k) ?? null))
    );
  }
  return a === b;
}
