import { goPrint, type JsonValue } from '../go/values.ts';
import { err, ok, type Result } from '../result.ts';

type Json = Record<string, unknown>;

/**
 * The API server's merge patches, whichever door sent them (its JSON patch is the library's,
 * src/go/json-patch.ts). The two formats `kubectl label`, `annotate` and client-side `apply` send
 * (server-side apply's body is merged the second way): JSON merge patch (RFC 7386: objects
 * merge, `null` deletes, anything else replaces) and strategic merge patch, which is a merge
 * patch that also merges lists by their key
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
