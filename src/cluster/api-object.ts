import type { Cluster, Namespace, Node, Pod } from './model.ts';

/**
 * An object as the API server returns it (`-o yaml`): metadata without empty maps, the spec with
 * server defaults, and the status derived from the sandbox clock. The simulator's own `sim`
 * bookkeeping never appears.
 */
export function apiObject(object: Pod | Node | Namespace, _cluster: Cluster): Record<string, unknown> {
  const { labels, annotations, ...meta } = object.metadata;
  const metadata: Record<string, unknown> = { ...meta };
  if (Object.keys(labels).length > 0) metadata.labels = labels;
  if (Object.keys(annotations).length > 0) metadata.annotations = annotations;
  if (object.kind === 'Pod') return { apiVersion: 'v1', kind: 'Pod', metadata, spec: object.spec };
  if (object.kind === 'Node')
    return { apiVersion: 'v1', kind: 'Node', metadata, spec: { podCIDR: object.spec.podCIDR } };
  return {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata,
    spec: { finalizers: ['kubernetes'] },
    status: object.status,
  };
}
