import { goPrint, type JsonValue } from '../go/values.ts';
import { err, ok, type Result } from '../result.ts';

type Json = Record<string, unknown>;

/**
 * The API server's patches, whichever door sent them. The two formats `kubectl label`,
 * `annotate` and client-side `apply` send (server-side apply's body is merged the second way):
 * JSON merge patch (RFC 7386: objects merge, `null` deletes, anything else replaces) and
 * strategic merge patch, which is a merge patch that also merges lists by their key
 * (`containers` by `name`, `ports` by `containerPort`) and reads the `$`-directives
 * (`$patch`, `$setElementOrder/<list>`, `$retainKeys`, `$deleteFromPrimitiveList/<list>`).
 * Depth is capped: a patch deeper than any Pod is refused, not recursed into.
 */
const MAX_DEPTH = 32;

/** Strategic merge keys of the core/v1 lists a Pod has (x-kubernetes-patch-merge-key). */
const MERGE_KEYS: Readonly<Record<string, string>> = {
  containers: 'name',
  initContainers: 'name',
  ephemeralContainers: 'name',
  ports: 'containerPort',
  env: 'name',
  volumeMounts: 'mountPath',
  volumeDevices: 'devicePath',
  volumes: 'name',
  imagePullSecrets: 'name',
  hostAliases: 'ip',
  resourceClaims: 'name',
  conditions: 'type',
  ownerReferences: 'uid',
};

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Own-property copy, so `__proto__` in a patch is only ever a key. */
function copy(o: Json): Json {
  const out: Json = {};
  for (const [k, v] of Object.entries(o)) define(out, k, v);
  return out;
}

function define(o: Json, key: string, value: unknown): void {
  Object.defineProperty(o, key, { value, writable: true, enumerable: true, configurable: true });
}

export function mergePatch(target: unknown, patch: unknown, depth = 0): Result<unknown, string> {
  if (depth > MAX_DEPTH) return err('the patch is nested too deeply');
  if (!isObject(patch)) return ok(patch);
  const out = isObject(target) ? copy(target) : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) {
      delete out[key];
      continue;
    }
    const merged = mergePatch(Object.hasOwn(out, key) ? out[key] : undefined, value, depth + 1);
    if (!merged.ok) return merged;
    define(out, key, merged.value);
  }
  return ok(out);
}

export function strategicMergePatch(target: unknown, patch: unknown, depth = 0): Result<unknown, string> {
  if (depth > MAX_DEPTH) return err('the patch is nested too deeply');
  if (!isObject(patch)) return ok(patch);
  const directive = patch.$patch;
  if (directive === 'delete') return ok(undefined);
  if (directive === 'replace') {
    const { $patch: _, ...rest } = patch;
    return ok(rest);
  }
  if (directive !== undefined)
    return err(`unknown patch type: ${String(directive)} in map: ${goPrint(patch as JsonValue)}`);
  const out = isObject(target) ? copy(target) : {};
  const retain = patch.$retainKeys;
  for (const [key, value] of Object.entries(patch)) {
    if (key.startsWith('$setElementOrder/') || key === '$retainKeys') continue;
    if (key.startsWith('$deleteFromPrimitiveList/')) {
      const list = key.slice('$deleteFromPrimitiveList/'.length);
      const current = out[list];
      if (Array.isArray(current) && Array.isArray(value))
        define(
          out,
          list,
          current.filter((x) => !value.includes(x)),
        );
      continue;
    }
    if (key.startsWith('$')) return err(`unknown patch directive: ${key}`);
    if (value === null) {
      delete out[key];
      continue;
    }
    const current = Object.hasOwn(out, key) ? out[key] : undefined;
    const mergeKey = MERGE_KEYS[key];
    const merged =
      Array.isArray(value) && mergeKey !== undefined && Array.isArray(current)
        ? mergeList(current, value, mergeKey, orderOf(patch, key), depth)
        : strategicMergePatch(current, value, depth + 1);
    if (!merged.ok) return merged;
    if (merged.value === undefined) delete out[key];
    else define(out, key, merged.value);
  }
  if (Array.isArray(retain)) for (const key of Object.keys(out)) if (!retain.includes(key)) delete out[key];
  return ok(out);
}

const orderOf = (patch: Json, key: string): unknown[] | undefined => {
  const order = patch[`$setElementOrder/${key}`];
  return Array.isArray(order) ? order : undefined;
};

function mergeList(
  current: unknown[],
  patch: unknown[],
  mergeKey: string,
  order: unknown[] | undefined,
  depth: number,
): Result<unknown[], string> {
  const keyOf = (v: unknown) => (isObject(v) ? v[mergeKey] : undefined);
  let out = [...current];
  for (const item of patch) {
    const key = keyOf(item);
    if (key === undefined)
      return err(`map: ${goPrint(item as JsonValue)} does not contain declared merge key: ${mergeKey}`);
    const at = out.findIndex((c) => keyOf(c) === key);
    if (isObject(item) && item.$patch === 'delete') {
      out = out.filter((c) => keyOf(c) !== key);
      continue;
    }
    const merged = strategicMergePatch(at === -1 ? undefined : out[at], item, depth + 1);
    if (!merged.ok) return merged;
    if (at === -1) out.push(merged.value);
    else out[at] = merged.value;
  }
  if (order === undefined) return ok(patchOrdered(out, current, patch, keyOf));
  const rank = (v: unknown) => {
    const i = order.findIndex((o) => keyOf(o) === keyOf(v));
    return i === -1 ? order.length : i;
  };
  return ok([...out].sort((a, b) => rank(a) - rank(b)));
}

/**
 * JSON patch (RFC 6902, `kubectl patch --type=json`): a list of operations applied in order to
 * a copy of the object, each at a JSON pointer (RFC 6901: `/`-separated, `~1` is `/`, `~0` is
 * `~`, `-` is past the end of a list). A failed operation fails the whole patch. The number of
 * operations is capped, as the server caps them.
 */
const MAX_OPERATIONS = 10_000;

type Container = Json | unknown[];

export function jsonPatch(target: unknown, patch: unknown): Result<unknown, string> {
  if (!Array.isArray(patch))
    return err('json: cannot unmarshal object into Go value of type jsonpatch.Patch');
  if (patch.length > MAX_OPERATIONS)
    return err(`The allowed maximum operations in a JSON patch is ${MAX_OPERATIONS}, got ${patch.length}`);
  let doc: unknown = structuredClone(target);
  for (const op of patch) {
    if (!isObject(op)) return err('json: cannot unmarshal operation');
    const next = applyOperation(doc, op);
    if (!next.ok) return next;
    doc = next.value;
  }
  return ok(doc);
}

function applyOperation(doc: unknown, op: Json): Result<unknown, string> {
  const kind = op.op;
  const path = pointer(op.path);
  if (path === null) return err(`Unexpected kind: ${String(kind)}`);
  switch (kind) {
    case 'add':
      return put(doc, path, op.value, 'add');
    case 'replace':
      return put(doc, path, op.value, 'replace');
    case 'remove':
      return remove(doc, path).ok ? ok(doc) : err(missing('remove', op.path));
    case 'test': {
      const found = get(doc, path);
      return found.ok && JSON.stringify(found.value) === JSON.stringify(op.value)
        ? ok(doc)
        : err(`testing value ${String(op.path)} failed: test failed`);
    }
    case 'move':
    case 'copy': {
      const from = pointer(op.from);
      if (from === null) return err(missing(kind, op.from));
      const found = get(doc, from);
      if (!found.ok) return err(missing(kind, op.from));
      if (kind === 'move') remove(doc, from);
      return put(doc, path, structuredClone(found.value), 'add');
    }
    default:
      return err(`Unexpected kind: ${String(kind)}`);
  }
}

const missing = (op: string, path: unknown) =>
  `${op} operation does not apply: doc is missing path: "${String(path)}": missing value`;

function pointer(path: unknown): string[] | null {
  if (typeof path !== 'string' || (path !== '' && !path.startsWith('/'))) return null;
  if (path === '') return [];
  return path
    .slice(1)
    .split('/')
    .map((p) => p.replaceAll('~1', '/').replaceAll('~0', '~'));
}

/** The container holding the last segment of `path`, or null when a step is missing. */
function parentOf(doc: unknown, path: readonly string[]): Container | null {
  let at: unknown = doc;
  for (const part of path.slice(0, -1)) {
    if (Array.isArray(at)) at = at[Number(part)];
    else if (isObject(at) && Object.hasOwn(at, part)) at = at[part];
    else return null;
  }
  return isObject(at) || Array.isArray(at) ? at : null;
}

function get(doc: unknown, path: readonly string[]): Result<unknown, null> {
  if (path.length === 0) return ok(doc);
  const parent = parentOf(doc, path);
  const last = path[path.length - 1] ?? '';
  if (Array.isArray(parent)) {
    const i = index(last, parent.length - 1);
    return i === null ? err(null) : ok(parent[i]);
  }
  return parent !== null && Object.hasOwn(parent, last) ? ok(parent[last]) : err(null);
}

function put(
  doc: unknown,
  path: readonly string[],
  value: unknown,
  op: 'add' | 'replace',
): Result<unknown, string> {
  if (path.length === 0) return ok(value);
  const parent = parentOf(doc, path);
  const last = path[path.length - 1] ?? '';
  const where = `/${path.join('/')}`;
  if (Array.isArray(parent)) {
    const i =
      last === '-' && op === 'add'
        ? parent.length
        : index(last, op === 'add' ? parent.length : parent.length - 1);
    if (i === null) return err(missing(op, where));
    parent.splice(i, op === 'add' ? 0 : 1, value);
    return ok(doc);
  }
  if (parent === null || (op === 'replace' && !Object.hasOwn(parent, last))) return err(missing(op, where));
  define(parent, last, value);
  return ok(doc);
}

function remove(doc: unknown, path: readonly string[]): Result<null, null> {
  const parent = parentOf(doc, path);
  const last = path[path.length - 1] ?? '';
  if (Array.isArray(parent)) {
    const i = index(last, parent.length - 1);
    if (i === null) return err(null);
    parent.splice(i, 1);
    return ok(null);
  }
  if (parent === null || !Object.hasOwn(parent, last)) return err(null);
  delete parent[last];
  return ok(null);
}

const index = (part: string, max: number): number | null => {
  if (!/^(0|[1-9]\d{0,8})$/.test(part)) return null;
  const i = Number(part);
  return i <= max ? i : null;
};

/**
 * The merged list's order without `$setElementOrder` (apimachinery normalizeElementOrder): the
 * items the patch names in the patch's order, and each item only the server had slipped in
 * before the first patch item it precedes in the server's list (mergeSortedSlice).
 */
function patchOrdered(
  merged: unknown[],
  server: unknown[],
  patch: unknown[],
  keyOf: (v: unknown) => unknown,
): unknown[] {
  const patchIndex = (v: unknown) => patch.findIndex((p) => keyOf(p) === keyOf(v));
  const serverIndex = (v: unknown) => server.findIndex((s) => keyOf(s) === keyOf(v));
  const named = merged.filter((v) => patchIndex(v) !== -1).sort((a, b) => patchIndex(a) - patchIndex(b));
  const serverOnly = merged.filter((v) => patchIndex(v) === -1);
  const out: unknown[] = [];
  let i = 0;
  let j = 0;
  while (i < serverOnly.length || j < named.length) {
    const left = serverOnly[i];
    const right = named[j];
    const l = serverIndex(left);
    const r = serverIndex(right);
    const leftFirst = j >= named.length || (i < serverOnly.length && l >= 0 && r >= 0 && l < r);
    if (leftFirst) {
      out.push(left);
      i++;
    } else {
      out.push(right);
      j++;
    }
  }
  return out;
}
