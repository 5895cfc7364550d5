import { apiObject } from '../cluster/api-object.ts';
import { applyToCluster, type Change } from '../cluster/changes.ts';
import type { Ids } from '../cluster/ids.ts';
import type { Cluster, CreatedVia, Labels, Namespace, Node, Pod } from '../cluster/model.ts';
import { namespaceDeleteRequest } from '../cluster/namespace-deletion.ts';
import { createNamespace } from '../cluster/namespaces.ts';
import { createPod, podWithImages } from '../cluster/pods.ts';
import { scheduleWaiting } from '../cluster/scheduler.ts';
import { serviceDeletion } from '../cluster/services.ts';
import { badRequest, forbidden, invalid, notFound, type Status } from '../cluster/status.ts';
import { podDeleteRequest } from '../cluster/terminating.ts';
import { validateAnnotations, validateLabels } from '../cluster/validation.ts';
import type { KubectlError } from '../kubectl/errors.ts';
import type { ManifestObject } from '../kubectl/manifest.ts';
import { type FieldValidation, namespaceFromManifest, podFromManifest } from '../kubectl/manifest-objects.ts';
import type { JsonObject } from '../kubectl/manifest-value.ts';
import { err, ok, type Result } from '../result.ts';
import type { Json } from './types.ts';

/**
 * POST, PUT and DELETE on the kinds the sandbox keeps, with the cluster's own rules
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

const UPDATABLE =
  '`spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)';

/**
 * An update (PUT, or a patch once applied) to a live pod: only labels, annotations and
 * container images may change, as ValidatePodUpdate allows; the status is the kubelet's and
 * whatever the client sends for it is dropped.
 */
export function updatePod(cluster: Cluster, live: Pod, next: Json, ids: Ids): Result<Written, Status> {
  const base = apiObject(live, cluster);
  const meta = metadataOf(next, live.metadata.name);
  if (!meta.ok) return meta;
  const nextSpec = (next.spec ?? {}) as Json;
  const images = containerImages(nextSpec);
  const baseSpec = base.spec as Json;
  const munged = { ...nextSpec, containers: withImages(nextSpec.containers, containerImages(baseSpec)) };
  if (canonical(munged) !== canonical(baseSpec) || images.length !== live.spec.containers.length) {
    const cause = `spec: Forbidden: pod updates may not change fields other than ${UPDATABLE}`;
    return err(invalid('Pod', live.metadata.name, [cause]));
  }
  const causes = [...validateLabels(meta.value.labels), ...validateAnnotations(meta.value.annotations)];
  images.forEach((image, i) => {
    if (image.trim() === '') causes.push(`spec.containers[${i}].image: Required value`);
  });
  if (causes.length > 0) return err(invalid('Pod', live.metadata.name, causes));
  const same =
    canonical(meta.value) ===
      canonical({ labels: live.metadata.labels, annotations: live.metadata.annotations }) &&
    images.every((image, i) => image === live.spec.containers[i]?.image);
  // As the API server does, an update that changes nothing is not written (no new resourceVersion).
  if (same) return ok({ object: base, changes: [], warnings: [], created: false });
  const updated = podWithImages(live, images);
  const pod: Pod = {
    ...updated,
    metadata: { ...live.metadata, ...meta.value, resourceVersion: ids.resourceVersion() },
  };
  const after = { ...cluster, pods: cluster.pods.map((p) => (p === live ? pod : p)) };
  return ok({
    object: apiObject(pod, after),
    changes: [{ op: 'putPod', pod }],
    warnings: [],
    created: false,
  });
}

/** Labels and annotations of an updated namespace or node (the rest is the sandbox's own). */
export function updateMetadata(
  cluster: Cluster,
  live: Namespace | Node,
  next: Json,
  ids: Ids,
): Result<Written, Status> {
  const meta = metadataOf(next, live.metadata.name);
  if (!meta.ok) return meta;
  const causes = [...validateLabels(meta.value.labels), ...validateAnnotations(meta.value.annotations)];
  if (causes.length > 0) return err(invalid(live.kind, live.metadata.name, causes));
  if (
    canonical(meta.value) ===
    canonical({ labels: live.metadata.labels, annotations: live.metadata.annotations })
  )
    return ok({ object: apiObject(live, cluster), changes: [], warnings: [], created: false });
  const metadata = { ...live.metadata, ...meta.value, resourceVersion: ids.resourceVersion() };
  if (live.kind === 'Namespace') {
    const namespace: Namespace = { ...live, metadata };
    return ok({
      object: apiObject(namespace, cluster),
      changes: [{ op: 'putNamespace', namespace }],
      warnings: [],
      created: false,
    });
  }
  const node: Node = { ...live, metadata };
  const nodes = cluster.nodes.map((n) => (n === live ? node : n));
  // New node labels may let a pending pod's nodeSelector fit: the scheduler retries them.
  const rebound = scheduleWaiting({ nodes, pods: cluster.pods }, cluster.now).map(
    (c): Change =>
      c.op === 'putPod'
        ? {
            op: 'putPod',
            pod: { ...c.pod, metadata: { ...c.pod.metadata, resourceVersion: ids.resourceVersion() } },
          }
        : c,
  );
  return ok({
    object: apiObject(node, { ...cluster, nodes }),
    changes: [{ op: 'putNode', node }, ...rebound],
    warnings: [],
    created: false,
  });
}

function metadataOf(next: Json, name: string): Result<{ labels: Labels; annotations: Labels }, Status> {
  const meta = (next.metadata ?? {}) as Json;
  if (typeof meta !== 'object' || Array.isArray(meta)) return err(badRequest('metadata must be an object'));
  if (meta.name !== undefined && meta.name !== name)
    return err(
      badRequest(
        `the name of the object (${String(meta.name)}) does not match the name on the URL (${name})`,
      ),
    );
  const labels = stringMap(meta.labels, 'labels');
  if (!labels.ok) return labels;
  const annotations = stringMap(meta.annotations, 'annotations');
  if (!annotations.ok) return annotations;
  return ok({ labels: labels.value, annotations: annotations.value });
}

function stringMap(value: unknown, field: string): Result<Labels, Status> {
  if (value === undefined || value === null) return ok({});
  if (typeof value !== 'object' || Array.isArray(value))
    return err(
      badRequest(
        `json: cannot unmarshal ${kindOf(value)} into Go struct field ObjectMeta.metadata.${field} of type map[string]string`,
      ),
    );
  const out: Labels = {};
  for (const [k, v] of Object.entries(value)) {
    if (typeof v !== 'string')
      return err(
        badRequest(
          `json: cannot unmarshal ${kindOf(v)} into Go struct field ObjectMeta.metadata.${field} of type string`,
        ),
      );
    Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
  }
  return ok(out);
}

const kindOf = (v: unknown) =>
  Array.isArray(v) ? 'array' : v === null ? 'null' : typeof v === 'object' ? 'object' : typeof v;

function containerImages(spec: Json): string[] {
  const containers = Array.isArray(spec.containers) ? spec.containers : [];
  return containers.map((c) =>
    typeof c === 'object' && c !== null && typeof c.image === 'string' ? c.image : '',
  );
}

function withImages(containers: unknown, images: readonly string[]): unknown {
  if (!Array.isArray(containers)) return containers;
  return containers.map((c, i) =>
    typeof c === 'object' && c !== null ? { ...c, image: images[i] ?? c.image } : c,
  );
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
