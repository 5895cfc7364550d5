import { apiObject } from '../cluster/api-object.ts';
import type { Change } from '../cluster/changes.ts';
import type { Ids } from '../cluster/ids.ts';
import type { Cluster, Namespace, Pod } from '../cluster/model.ts';
import { updatePod } from '../cluster/pod-update.ts';
import { resourceVersionOf, resourceVersionPrecondition } from '../cluster/preconditions.ts';
import { validateAnnotations, validateLabels } from '../cluster/validation.ts';
import {
  deepEqual,
  getKey,
  goJson,
  isJsonObject,
  type JsonObject,
  type JsonValue,
  jsonObject,
  setKey,
} from '../go/json-value.ts';
import { err, ok, type Result } from '../result.ts';
import { type KubectlError, kubectlError, renderError } from './errors.ts';
import type { ManifestObject } from './manifest.ts';
import { MERGE_KEYS, namespaceJson, threeWayMerge } from './manifest-merge.ts';
import { type FieldValidation, podFromManifest } from './manifest-objects.ts';
import { fromStatus } from './status-error.ts';

/**
 * `kubectl apply` on an object that exists: merge the manifest into the live object (three-way,
 * against the last applied manifest kept in an annotation), then PATCH. Labels, annotations and
 * container images may change; any other change to a pod's spec is refused by the server's
 * ValidatePodUpdate, with its Go-struct diff.
 */
export const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

/** The manifest as kubectl sends it: `metadata.namespace` filled in, maybe with last-applied. */
export function submittedObject(object: ManifestObject, namespace: string, annotate: boolean): JsonObject {
  const meta = getKey(object.raw, 'metadata');
  const metadata = jsonObject(isJsonObject(meta) ? Object.entries(meta) : []);
  if (namespace !== '') setKey(metadata, 'namespace', namespace);
  if (annotate) {
    const annotations = getKey(metadata, 'annotations');
    setKey(
      metadata,
      'annotations',
      jsonObject([
        ...(isJsonObject(annotations) ? Object.entries(annotations) : []),
        [LAST_APPLIED, lastAppliedJson(object, namespace)],
      ]),
    );
  }
  const out = jsonObject(Object.entries(object.raw));
  setKey(out, 'metadata', metadata);
  return out;
}

/** What kubectl stores (GetModifiedConfiguration): the object without this annotation, compact, sorted, newline. */
export function lastAppliedJson(object: ManifestObject, namespace: string): string {
  const submitted = submittedObject(object, namespace, false);
  const metadata = getKey(submitted, 'metadata');
  if (isJsonObject(metadata)) {
    const annotations = getKey(metadata, 'annotations');
    const kept = isJsonObject(annotations)
      ? Object.entries(annotations).filter(([k]) => k !== LAST_APPLIED)
      : [];
    setKey(metadata, 'annotations', jsonObject(kept));
  }
  return `${goJson(submitted)}\n`;
}

export const lastAppliedAnnotation = (object: ManifestObject, namespace: string): Record<string, string> => ({
  [LAST_APPLIED]: lastAppliedJson(object, namespace),
});

export const missingAnnotationWarning = (resource: string, name: string) =>
  `resource ${resource}/${name} is missing the ${LAST_APPLIED} annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.`;

export function nodeCreationError(object: ManifestObject): KubectlError {
  return kubectlError('forbidden', {
    message: `error when creating "${object.source}": nodes "${object.name}" is forbidden: this sandbox's nodes are fixed; label the existing nodes instead`,
  });
}

export interface ApplyUpdate {
  operation: 'configured' | 'unchanged';
  changes: Change[];
  warnings: string[];
}

/** A refused PATCH, with the warnings kubectl printed before it sent it. */
export interface ApplyFailure {
  error: KubectlError;
  warnings: string[];
}

function refused(merge: Merge, object: ManifestObject, error: KubectlError, namespace: string) {
  const [resource, kind] = object.kind === 'Pod' ? ['pods', 'Pod'] : ['namespaces', 'Namespace'];
  return err({
    error: patchError(error, merge.patch, object, resource, kind, namespace),
    warnings: merge.warnings,
  });
}

export function applyToPod(
  cluster: Cluster,
  live: Pod,
  object: ManifestObject,
  validation: FieldValidation,
  ids: Ids,
): Result<ApplyUpdate, ApplyFailure> {
  const namespace = live.metadata.namespace;
  // As kubectl does, the merge is against the live object as the server returns it.
  const current = apiObject(live, cluster) as JsonObject;
  const merge = mergeWithLive(object, namespace, current, live.metadata.annotations);
  const checked = podFromManifest(object, namespace, validation, 'patching');
  if (!checked.ok) return refused(merge, object, checked.error, namespace);
  const warnings = [...merge.warnings, ...checked.value.warnings];
  if (merge.unchanged) return ok({ operation: 'unchanged', changes: [], warnings });
  const update = updatePod(cluster, live, merge.merged, ids);
  if (!update.ok)
    return refused(merge, object, fromStatus(update.error, object.source, 'patching'), namespace);
  const { pod, changed } = update.value;
  return ok({ operation: 'configured', changes: changed ? [{ op: 'putPod', pod }] : [], warnings });
}

export function applyToNamespace(
  live: Namespace,
  object: ManifestObject,
  ids: Ids,
): Result<ApplyUpdate, ApplyFailure> {
  const merge = mergeWithLive(object, '', namespaceJson(live), live.metadata.annotations);
  if (merge.unchanged) return ok({ operation: 'unchanged', changes: [], warnings: merge.warnings });
  const locked = resourceVersionPrecondition('namespaces', live.metadata, resourceVersionOf(merge.merged));
  if (!locked.ok) return refused(merge, object, fromStatus(locked.error, object.source, 'patching'), '');
  const meta = getKey(merge.merged, 'metadata');
  const labels = stringMap(isJsonObject(meta) ? getKey(meta, 'labels') : undefined);
  const annotations = stringMap(isJsonObject(meta) ? getKey(meta, 'annotations') : undefined);
  const causes = [...validateLabels(labels), ...validateAnnotations(annotations)];
  if (causes.length > 0)
    return refused(
      merge,
      object,
      kubectlError('invalid', { kind: 'Namespace', name: live.metadata.name, causes }),
      '',
    );
  const namespace: Namespace = {
    ...live,
    metadata: { ...live.metadata, labels, annotations, resourceVersion: ids.resourceVersion() },
  };
  return ok({
    operation: 'configured',
    changes: [{ op: 'putNamespace', namespace }],
    warnings: merge.warnings,
  });
}

interface Merge {
  merged: JsonObject;
  unchanged: boolean;
  /** The fields the PATCH would carry, for error messages. */
  patch: string;
  warnings: string[];
}

function mergeWithLive(
  object: ManifestObject,
  namespace: string,
  current: JsonObject,
  annotations: Record<string, string>,
): Merge {
  const modified = submittedObject(object, namespace, true);
  const stored = annotations[LAST_APPLIED];
  const original = stored === undefined ? undefined : parseStored(stored);
  const merged = threeWayMerge(original, modified, current);
  const result = isJsonObject(merged) ? merged : current;
  const kind = object.kind === 'Pod' ? 'pods' : 'namespaces';
  return {
    merged: result,
    unchanged: deepEqual(result, current),
    patch: goJson(patchOf(current, result) ?? jsonObject()),
    warnings: stored === undefined ? [missingAnnotationWarning(kind, object.name)] : [],
  };
}

function parseStored(text: string): JsonValue | undefined {
  try {
    return JSON.parse(text) as JsonValue;
  } catch {
    return undefined;
  }
}

/**
 * The strategic merge patch apply would send: changed fields only, removed ones as null, and for
 * a list merged by key the changed items (with their key) after a `$setElementOrder` directive.
 */
function patchOf(current: JsonValue | undefined, next: JsonValue, path = ''): JsonValue | undefined {
  if (deepEqual(current, next)) return undefined;
  if (!isJsonObject(current) || !isJsonObject(next)) return next;
  const out = jsonObject();
  for (const [k, v] of Object.entries(next)) {
    const here = path === '' ? k : `${path}.${k}`;
    const live = getKey(current, k);
    const key = MERGE_KEYS[here];
    if (key !== undefined && Array.isArray(live) && Array.isArray(v)) {
      const items = listPatch(live, v, key, here);
      if (items.length === 0) continue;
      setKey(
        out,
        `$setElementOrder/${k}`,
        v.map((item) => jsonObject([[key, keyOf(item, key) ?? null]])),
      );
      setKey(out, k, items);
      continue;
    }
    const p = patchOf(live, v, here);
    if (p !== undefined) setKey(out, k, p);
  }
  for (const k of Object.keys(current)) if (!Object.hasOwn(next, k)) setKey(out, k, null);
  return out;
}

function listPatch(current: JsonValue[], next: JsonValue[], key: string, path: string): JsonValue[] {
  const items: JsonValue[] = [];
  for (const item of next) {
    const id = keyOf(item, key);
    const live = current.find((c) => keyOf(c, key) === id);
    const p = live === undefined ? item : patchOf(live, item, `${path}[]`);
    if (p === undefined) continue;
    items.push(isJsonObject(p) ? jsonObject([[key, id ?? null], ...Object.entries(p)]) : p);
  }
  return items;
}

const keyOf = (item: JsonValue | undefined, key: string) =>
  isJsonObject(item) ? getKey(item, key) : undefined;

/** A server error on PATCH, as apply reports it (the Invalid form prints by itself). */
function patchError(
  error: KubectlError,
  patch: string,
  object: ManifestObject,
  resource: string,
  kind: string,
  namespace: string,
): KubectlError {
  if (error.code === 'invalid') return error;
  const info = `Resource: "/v1, Resource=${resource}", GroupVersionKind: "/v1, Kind=${kind}"\nName: "${object.name}", Namespace: "${namespace}"`;
  const body = renderError(error).replace(/^Error from server \((\w+)\): /, '');
  const reason = /^Error from server \((\w+)\)/.exec(renderError(error))?.[1] ?? 'BadRequest';
  return kubectlError('rawText', {
    text: `Error from server (${reason}): error when applying patch:\n${patch}\nto:\n${info}\nfor: "${object.source}": ${body}`,
  });
}

const stringMap = (v: JsonValue | undefined): Record<string, string> =>
  isJsonObject(v)
    ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, typeof x === 'string' ? x : '']))
    : {};
