import { jsonDocument } from '../go/json.ts';
import { applyJsonPatch, decodeJsonPatch } from '../go/json-patch.ts';
import type { JsonObject, JsonValue } from '../go/json-value.ts';
import { err, ok, type Result } from '../result.ts';
import { apiObject } from './api-object.ts';
import type { Change } from './changes.ts';
import type { Ids } from './ids.ts';
import type { Cluster, Namespace, Node, Pod } from './model.ts';
import { updatedMetaOf, updateNamespaceOrNode } from './object-meta-update.ts';
import { mergePatch, strategicMergePatch } from './patch.ts';
import { updatePod } from './pod-update.ts';
import { resourceVersionOf, resourceVersionPrecondition } from './preconditions.ts';
import { badRequest, requestEntityTooLarge, type Status, unprocessableEntity } from './status.ts';

/**
 * The API server's PATCH of a live object, whichever door sent it (the HTTP door's PATCH request,
 * chat's `kubectl patch`): the patch of one type applied to the object as the server returns it,
 * then the update rules of its kind (src/cluster/pod-update.ts for pods, object-meta-update.ts
 * for namespaces and nodes), so both doors refuse and write exactly the same.
 */
export type PatchType = 'json' | 'merge' | 'strategic';

/** The Content-Type of each patch type (what kubectl's `--type` sends). */
export const PATCH_CONTENT_TYPES: Readonly<Record<PatchType, string>> = {
  json: 'application/json-patch+json',
  merge: 'application/merge-patch+json',
  strategic: 'application/strategic-merge-patch+json',
};

export function patchTypeOf(contentType: string): PatchType | undefined {
  for (const [type, content] of Object.entries(PATCH_CONTENT_TYPES))
    if (content === contentType) return type as PatchType;
  return undefined;
}

type Json = Record<string, unknown>;

/** An update once the server is done: the object it answers with, and what the store writes. */
export interface ObjectUpdate {
  object: Json;
  changes: Change[];
  /** False when the update said what the object already says: nothing is written. */
  changed: boolean;
}

export type LiveObject = Pod | Namespace | Node;

/**
 * A server-side dry run of an update (`dryRun=All`, dryrun.go's GuaranteedUpdate): the update
 * runs over the current object and answers with its result, still at the current
 * resourceVersion, since nothing reaches etcd; it writes nothing.
 */
export function dryRunUpdate(update: ObjectUpdate, live: LiveObject): ObjectUpdate {
  const metadata = { ...(update.object.metadata as Json), resourceVersion: live.metadata.resourceVersion };
  return { object: { ...update.object, metadata }, changes: [], changed: update.changed };
}

/** PATCH: the live object with the patch applied, then updated by its kind's rules. */
export function patchObject(
  cluster: Cluster,
  live: LiveObject,
  type: PatchType,
  body: string,
  ids: Ids,
): Result<ObjectUpdate, Status> {
  const next = patchedJson(apiObject(live, cluster), type, body);
  if (!next.ok) return next;
  return updateObject(cluster, live, next.value, ids);
}

/** The object a patch of `type` (the request body, as sent) leaves of `base`. */
export function patchedJson(base: Json, type: PatchType, body: string): Result<Json, Status> {
  // The patch handler reads the body with Go's encoding/json: JSON patch (jsonpatch.DecodePatch)
  // and strategic merge patch (json.Unmarshal into a map) refuse bad JSON in its words; JSON merge
  // patch (jsonpatch.MergePatch) says only ErrBadJSONPatch.
  const parsed = jsonDocument(body);
  if (!parsed.ok) return err(badRequest(type === 'merge' ? 'Invalid JSON Patch' : parsed.error));
  if (type === 'json') return jsonPatched(base, parsed.value);
  const patch = objectBody(parsed.value);
  if (!patch.ok) return patch;
  return leftObject(
    type === 'merge' ? mergePatch(base, patch.value) : strategicMergePatch(base, patch.value),
  );
}

/** patch.go's maxJSONPatchOperations. */
const MAX_JSON_PATCH_OPERATIONS = 10_000;

/** The server's JSONPatchMaxCopyBytes (genericapiserver NewConfig), set as the library's copy limit. */
const JSON_PATCH_MAX_COPY_BYTES = 3 * 1024 * 1024;

/**
 * patch.go applyJSPatch for application/json-patch+json: jsonpatch.DecodePatch's error is a 400
 * in its words, more than 10000 operations a 413, and any error of Apply (a failed test, a missing
 * path, a bad index) a 422 from NewGenericServerResponse, which drops the library's words.
 */
function jsonPatched(base: Json, body: JsonValue): Result<Json, Status> {
  const ops = decodeJsonPatch(body);
  if (!ops.ok) return err(badRequest(ops.error));
  if (ops.value.length > MAX_JSON_PATCH_OPERATIONS)
    return err(
      requestEntityTooLarge(
        `The allowed maximum operations in a JSON patch is ${MAX_JSON_PATCH_OPERATIONS}, got ${ops.value.length}`,
      ),
    );
  const doc = structuredClone(base) as JsonObject;
  const applied = applyJsonPatch(doc, ops.value, JSON_PATCH_MAX_COPY_BYTES);
  if (!applied.ok) return err(unprocessableEntity());
  return leftObject(ok(applied.value.doc));
}

function leftObject(patched: Result<unknown, string>): Result<Json, Status> {
  if (!patched.ok) return err(badRequest(patched.error));
  const value = patched.value;
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return err(badRequest('the patch left no object'));
  return ok(value as Json);
}

/** A JSON request body, which must be an object, as the server decodes it. */
export function jsonObjectBody(text: string): Result<Json, Status> {
  const parsed = jsonDocument(text);
  if (!parsed.ok) return err(badRequest(`couldn't get version/kind; json parse error: ${parsed.error}`));
  return objectBody(parsed.value);
}

/** A decoded body that is not an object cannot be an object's JSON. */
export function objectBody(parsed: unknown): Result<Json, Status> {
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    return err(
      badRequest(
        "couldn't get version/kind; json parse error: json: cannot unmarshal into Go value of type struct",
      ),
    );
  return ok(parsed as Json);
}

/**
 * An update of a live object to `next` (a PUT body, a patched object, a server-side apply's
 * result), by its kind's rules; answered with the stored object as it now is.
 */
export function updateObject(
  cluster: Cluster,
  live: LiveObject,
  next: Json,
  ids: Ids,
): Result<ObjectUpdate, Status> {
  if (live.kind !== 'Pod') {
    const update = updateNamespaceOrNode(cluster, live, next, ids);
    if (!update.ok) return update;
    const { object, changes, after } = update.value;
    return ok({ object: apiObject(object, after), changes, changed: changes.length > 0 });
  }
  const update = updatePod(cluster, live, next, ids);
  if (!update.ok) return update;
  const { pod, changed } = update.value;
  // As the API server does, an update that changes nothing is not written (no new resourceVersion).
  if (!changed) return ok({ object: apiObject(live, cluster), changes: [], changed: false });
  const after = { ...cluster, pods: cluster.pods.map((p) => (p === live ? pod : p)) };
  return ok({ object: apiObject(pod, after), changes: [{ op: 'putPod', pod }], changed: true });
}

const RESOURCES = { Pod: 'pods', Namespace: 'namespaces', Node: 'nodes' } as const;

/**
 * A PUT through the status subresource (`kubectl replace --subresource=status`): the status
 * strategy keeps the stored spec, and this sandbox derives an object's status from its
 * lifecycle (what a member wrote there the kubelet would overwrite at once), so after the
 * resourceVersion and name checks nothing is written: the answer is the object as stored.
 */
export function updateStatus(cluster: Cluster, live: LiveObject, next: Json): Result<ObjectUpdate, Status> {
  const locked = resourceVersionPrecondition(RESOURCES[live.kind], live.metadata, resourceVersionOf(next));
  if (!locked.ok) return locked;
  const meta = updatedMetaOf(next, live.metadata.name);
  if (!meta.ok) return meta;
  return ok({ object: apiObject(live, cluster), changes: [], changed: false });
}
