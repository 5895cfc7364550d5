import type { Namespace } from '../cluster/model.ts';
import {
  getKey,
  isJsonObject,
  type JsonObject,
  type JsonValue,
  jsonObject,
  setKey,
} from '../go/json-value.ts';

/**
 * Client-side apply's three-way merge (strategic merge patch, reduced to what pods use): a
 * field in the new manifest is set; a field that the last applied manifest had and the new one
 * has not is removed; anything else the live object has (server defaults, labels added with
 * `kubectl label`) stays. Lists of containers, ports, env and mounts merge by their key.
 */
export const MERGE_KEYS: Readonly<Record<string, string>> = {
  'spec.containers': 'name',
  'spec.initContainers': 'name',
  'spec.containers[].ports': 'containerPort',
  'spec.containers[].env': 'name',
  'spec.containers[].volumeMounts': 'mountPath',
  'spec.volumes': 'name',
};

export function threeWayMerge(
  original: JsonValue | undefined,
  modified: JsonValue,
  current: JsonValue | undefined,
  path = '',
): JsonValue {
  if (isJsonObject(modified) && isJsonObject(current)) {
    const out = jsonObject(Object.entries(current));
    for (const [key, value] of Object.entries(modified)) {
      const here = path === '' ? key : `${path}.${key}`;
      const live = getKey(current, key);
      const before = isJsonObject(original) ? getKey(original, key) : undefined;
      setKey(out, key, live === undefined ? value : threeWayMerge(before, value, live, here));
    }
    if (isJsonObject(original)) {
      for (const key of Object.keys(original)) if (!Object.hasOwn(modified, key)) delete out[key];
    }
    return out;
  }
  const mergeKey = MERGE_KEYS[path];
  if (mergeKey !== undefined && Array.isArray(modified) && Array.isArray(current))
    return mergeList(original, modified, current, path, mergeKey);
  return modified;
}

function mergeList(
  original: JsonValue | undefined,
  modified: JsonValue[],
  current: JsonValue[],
  path: string,
  mergeKey: string,
): JsonValue[] {
  const keyOf = (v: JsonValue | undefined) => (isJsonObject(v) ? getKey(v, mergeKey) : undefined);
  const before = Array.isArray(original) ? original : [];
  const out = [...current];
  for (const item of modified) {
    const at = out.findIndex((c) => keyOf(c) === keyOf(item));
    const was = before.find((o) => keyOf(o) === keyOf(item));
    if (at === -1) out.push(item);
    else out[at] = threeWayMerge(was, item, out[at], `${path}[]`);
  }
  const dropped = before.filter((o) => !modified.some((m) => keyOf(m) === keyOf(o)));
  return out.filter((c) => !dropped.some((d) => keyOf(d) === keyOf(c)));
}

export function namespaceJson(namespace: Namespace): JsonObject {
  return jsonObject([
    ['apiVersion', 'v1'],
    ['kind', 'Namespace'],
    ['metadata', metaJson(namespace.metadata, '')],
  ]);
}

function metaJson(
  meta: { name: string; labels: Record<string, string>; annotations: Record<string, string> },
  ns: string,
) {
  const out = jsonObject([['name', meta.name]]);
  if (ns !== '') setKey(out, 'namespace', ns);
  if (Object.keys(meta.labels).length > 0) setKey(out, 'labels', labels(meta.labels));
  if (Object.keys(meta.annotations).length > 0) setKey(out, 'annotations', labels(meta.annotations));
  return out;
}

const labels = (map: Record<string, string>): JsonObject => jsonObject(Object.entries(map));
