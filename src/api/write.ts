import { apiObject } from '../cluster/api-object.ts';
import { applyToCluster, type Change } from '../cluster/changes.ts';
import type { Ids } from '../cluster/ids.ts';
import type { Cluster, CreatedVia } from '../cluster/model.ts';
import { namespaceDeleteRequest } from '../cluster/namespace-deletion.ts';
import { createNamespace } from '../cluster/namespaces.ts';
import { createPod } from '../cluster/pods.ts';
import { serviceDeletion } from '../cluster/services.ts';
import { badRequest, forbidden, invalid, notFound, type Status } from '../cluster/status.ts';
import { podDeleteRequest } from '../cluster/terminating.ts';
import type { JsonObject } from '../go/json-value.ts';
import type { KubectlError } from '../kubectl/errors.ts';
import type { ManifestObject } from '../kubectl/manifest.ts';
import { type FieldValidation, namespaceFromManifest, podFromManifest } from '../kubectl/manifest-objects.ts';
import { err, ok, type Result } from '../result.ts';
import type { Json } from './types.ts';

/**
 * POST and DELETE on the kinds the sandbox keeps, with the cluster's own rules
 * (src/cluster: admission, validation, uniqueness, quota, scheduling), so an object written
 * over HTTP is the object chat would have written. Each returns the stored object's JSON and
 * the changes for the store's transaction; nothing is written here.
 */
export interface Written {
  object: Json;
  changes: Change[];
  warnings: string[];
  created: boolean;
}

/** kubectl's field manager says which command made the pod, as `/lab check` asks. */
export function createdViaOf(fieldManager: string | null): CreatedVia {
  if (fieldManager === 'kubectl-run') return 'run';
  if (fieldManager === 'kubectl-client-side-apply' || fieldManager === 'kubectl') return 'apply';
  return 'create';
}

export function validationOf(value: string | null): FieldValidation {
  return value === 'Strict' || value === 'Ignore' ? value : 'Warn';
}

function manifestOf(body: Json, fallbackNamespace: string): ManifestObject {
  const meta = (typeof body.metadata === 'object' && body.metadata !== null ? body.metadata : {}) as Json;
  return {
    source: '',
    raw: body as JsonObject,
    apiVersion: typeof body.apiVersion === 'string' ? body.apiVersion : '',
    kind: typeof body.kind === 'string' ? body.kind : '',
    name: typeof meta.name === 'string' ? meta.name : '',
    namespace: typeof meta.namespace === 'string' ? meta.namespace : fallbackNamespace,
  };
}

/** A decoding refusal as the server sends it: strict decoding is a 400, validation a 422. */
function fromDecoding(error: KubectlError, kind: string, name: string): Status {
  if (error.code === 'invalid') return invalid(kind, name, error.params.causes);
  // The decoder's own words come after the kind it was decoding (reference/kubectl.md: `Pod in
  // version "v1" cannot be handled as a Pod: strict decoding error: unknown field "…"`).
  if (error.code === 'cannotBeHandled')
    return badRequest(
      `${error.params.kind} in version "v1" cannot be handled as a ${error.params.kind}: ${error.params.message}`,
    );
  return badRequest(`the object could not be decoded as a ${kind}`);
}

export function createPodFrom(
  cluster: Cluster,
  namespace: string,
  body: Json,
  ids: Ids,
  q: URLSearchParams,
): Result<Written, Status> {
  const object = manifestOf(body, namespace);
  if (object.namespace !== namespace)
    return err(
      badRequest('the namespace of the provided object does not match the namespace sent on the request'),
    );
  const decoded = podFromManifest(object, namespace, validationOf(q.get('fieldValidation')));
  if (!decoded.ok) return err(fromDecoding(decoded.error, 'Pod', object.name));
  const input = { ...decoded.value.input, createdVia: createdViaOf(q.get('fieldManager')) };
  const prefix = generateNameOf(body);
  if (input.name === '' && prefix !== '') input.name = prefix + ids.suffix(5);
  const created = createPod(cluster, input, ids);
  if (!created.ok) return err(created.error);
  const after = { ...cluster, pods: [...cluster.pods, created.value.pod] };
  return ok({
    object: apiObject(created.value.pod, after),
    changes: created.value.changes,
    warnings: [...decoded.value.warnings, ...created.value.warnings],
    created: true,
  });
}

/**
 * A PUT body decoded as the new object of its kind, as a create's is: unknown fields refused
 * (400) or warned of as the request's fieldValidation says; the server's warnings, if any.
 */
export function decodedReplacement(
  kind: 'Pod' | 'Namespace' | 'Node',
  namespace: string,
  body: Json,
  q: URLSearchParams,
): Result<string[], Status> {
  if (kind === 'Node') return ok([]);
  const object = manifestOf(body, namespace);
  const validation = validationOf(q.get('fieldValidation'));
  const decoded =
    kind === 'Pod'
      ? podFromManifest(object, namespace, validation)
      : namespaceFromManifest(object, validation);
  return decoded.ok ? ok(decoded.value.warnings) : err(fromDecoding(decoded.error, kind, object.name));
}

function generateNameOf(body: Json): string {
  const meta = body.metadata as Json | undefined;
  return typeof meta?.generateName === 'string' ? meta.generateName : '';
}

export function createNamespaceFrom(cluster: Cluster, body: Json, ids: Ids, q: URLSearchParams) {
  const object = manifestOf(body, '');
  const decoded = namespaceFromManifest(object, validationOf(q.get('fieldValidation')));
  if (!decoded.ok) return err(fromDecoding(decoded.error, 'Namespace', object.name));
  const created = createNamespace(cluster, decoded.value.input, ids);
  if (!created.ok) return err(created.error);
  return ok({
    object: apiObject(created.value.namespace, cluster),
    changes: created.value.changes,
    warnings: decoded.value.warnings,
    created: true,
  });
}

/** JSON with keys sorted at every level, to compare two objects as the server's structs would. */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    typeof v === 'object' && v !== null && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

/**
 * DELETE. A pod is deleted gracefully as chat's `kubectl delete` does (src/cluster/terminating.ts):
 * Terminating until its containers stop or `graceSeconds` (the request's DeleteOptions, else the
 * pod's own) runs out, answered with the pod as it now is (`deletionTimestamp` set); kubectl's
 * wait then watches for its DELETED event. Other kinds go at once.
 */
export function deleteObject(
  cluster: Cluster,
  kind: 'Pod' | 'Namespace' | 'Node' | 'Service',
  namespace: string,
  name: string,
  ids: Ids,
  graceSeconds?: number,
): Result<Written, Status> {
  if (kind === 'Service') {
    const service = cluster.services.find(
      (s) => s.metadata.namespace === namespace && s.metadata.name === name,
    );
    if (service === undefined) return err(notFound('services', name));
    return ok({
      object: apiObject(service, cluster),
      changes: serviceDeletion(cluster, service, ids),
      warnings: [],
      created: false,
    });
  }
  if (kind === 'Pod') {
    const pod = cluster.pods.find((p) => p.metadata.namespace === namespace && p.metadata.name === name);
    if (pod === undefined) return err(notFound('pods', name));
    const changes = podDeleteRequest(cluster, pod, ids, graceSeconds);
    const terminating = changes.find((c) => c.op === 'putPod');
    return ok({
      object: apiObject(terminating?.op === 'putPod' ? terminating.pod : pod, cluster),
      changes,
      warnings: [],
      created: false,
    });
  }
  if (kind === 'Node') {
    if (!cluster.nodes.some((n) => n.metadata.name === name)) return err(notFound('nodes', name));
    return err(forbidden('nodes', name, 'nodes of this sandbox cannot be deleted; label them instead'));
  }
  const ns = cluster.namespaces.find((n) => n.metadata.name === name);
  if (ns === undefined) return err(notFound('namespaces', name));
  const marked = namespaceDeleteRequest(cluster, ns, ids);
  if (!marked.ok) return marked;
  const after = applyToCluster(cluster, marked.value.changes);
  return ok({
    object: apiObject(marked.value.namespace, after),
    changes: marked.value.changes,
    warnings: [],
    created: false,
  });
}
