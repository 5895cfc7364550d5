import { err, ok, type Result } from '../result.ts';
import type { Change } from './changes.ts';
import type { Ids } from './ids.ts';
import type { Cluster, Labels, Namespace, Node } from './model.ts';
import { NAME_LABEL } from './namespaces.ts';
import { resourceVersionOf, resourceVersionPrecondition } from './preconditions.ts';
import { isRecord } from './quantity.ts';
import { scheduleWaiting } from './scheduler.ts';
import { badRequest, invalid, type Status } from './status.ts';
import { validateAnnotations, validateLabels } from './validation.ts';

/**
 * The metadata an update may change (labels and annotations), read from the object the update
 * leaves, as the server decodes it: a name that is not the URL's is refused, and a label map
 * that is not of strings is a decoding error.
 */
export interface UpdatedMeta {
  labels: Labels;
  annotations: Labels;
}

export function updatedMetaOf(next: Record<string, unknown>, name: string): Result<UpdatedMeta, Status> {
  const meta = next.metadata ?? {};
  if (!isRecord(meta)) return err(badRequest('metadata must be an object'));
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

/** Whether two label (or annotation) maps say the same, in any key order. */
export function sameLabels(a: Labels, b: Labels): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => Object.hasOwn(b, k) && b[k] === a[k]);
}

/**
 * An update of a namespace or a node: only its labels and annotations are the member's, after the
 * resourceVersion precondition. New node labels may let a pending pod's nodeSelector fit, so the
 * scheduler retries the waiting pods (each bound pod gets a new resourceVersion).
 */
export function updateNamespaceOrNode(
  cluster: Cluster,
  live: Namespace | Node,
  next: Record<string, unknown>,
  ids: Ids,
): Result<{ object: Namespace | Node; changes: Change[]; after: Cluster }, Status> {
  const resource = live.kind === 'Namespace' ? 'namespaces' : 'nodes';
  const locked = resourceVersionPrecondition(resource, live.metadata, resourceVersionOf(next));
  if (!locked.ok) return locked;
  const meta = updatedMetaOf(next, live.metadata.name);
  if (!meta.ok) return meta;
  const causes = [...validateLabels(meta.value.labels), ...validateAnnotations(meta.value.annotations)];
  if (causes.length > 0) return err(invalid(live.kind, live.metadata.name, causes));
  if (live.kind === 'Namespace') meta.value.labels[NAME_LABEL] = live.metadata.name;
  if (
    sameLabels(meta.value.labels, live.metadata.labels) &&
    sameLabels(meta.value.annotations, live.metadata.annotations)
  )
    return ok({ object: live, changes: [], after: cluster });
  const metadata = { ...live.metadata, ...meta.value, resourceVersion: ids.resourceVersion() };
  if (live.kind === 'Namespace') {
    const namespace: Namespace = { ...live, metadata };
    return ok({ object: namespace, changes: [{ op: 'putNamespace', namespace }], after: cluster });
  }
  const node: Node = { ...live, metadata };
  const nodes = cluster.nodes.map((n) => (n === live ? node : n));
  const rebound = scheduleWaiting({ nodes, pods: cluster.pods }, cluster.now).map(
    (c): Change =>
      c.op === 'putPod'
        ? {
            op: 'putPod',
            pod: { ...c.pod, metadata: { ...c.pod.metadata, resourceVersion: ids.resourceVersion() } },
          }
        : c,
  );
  return ok({ object: node, changes: [{ op: 'putNode', node }, ...rebound], after: { ...cluster, nodes } });
}
