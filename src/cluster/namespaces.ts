import { err, ok, type Result } from '../result.ts';
import type { Change } from './changes.ts';
import type { Ids } from './ids.ts';
import { LIMITS } from './limits.ts';
import type { Cluster, Labels, Namespace } from './model.ts';
import { iso } from './seed.ts';
import { alreadyExists, forbidden, invalid, type Status } from './status.ts';
import { validateAnnotations, validateLabels, validateObjectName } from './validation.ts';

/**
 * The label the namespace strategy sets to the namespace's name on create and on every update
 * (PrepareForCreate, PrepareForUpdate), whatever the object sent says.
 */
export const NAME_LABEL = 'kubernetes.io/metadata.name';

/**
 * What the API server does on POST /namespaces: validate the name (a DNS-1123 label) and
 * metadata, refuse a duplicate, and label the namespace with its own name, as every namespace
 * has been since v1.21. Each sandbox may hold a limited number of namespaces of its own.
 */
export const SYSTEM_NAMESPACES: ReadonlySet<string> = new Set([
  'default',
  'kube-node-lease',
  'kube-public',
  'kube-system',
]);

export interface NamespaceInput {
  name: string;
  labels: Labels;
  annotations: Labels;
}

export interface CreatedNamespace {
  namespace: Namespace;
  changes: Change[];
}

export const userNamespaces = (cluster: Pick<Cluster, 'namespaces'>) =>
  cluster.namespaces.filter((n) => !SYSTEM_NAMESPACES.has(n.metadata.name));

export function createNamespace(
  cluster: Cluster,
  input: NamespaceInput,
  ids: Ids,
): Result<CreatedNamespace, Status> {
  const causes = [
    ...validateObjectName(input.name, 'label'),
    ...validateLabels(input.labels),
    ...validateAnnotations(input.annotations),
  ];
  if (causes.length > 0) return err(invalid('Namespace', input.name, causes));
  const taken = cluster.namespaces.find((n) => n.metadata.name === input.name);
  if (taken !== undefined)
    return err(alreadyExists('namespaces', input.name, taken.sim?.deletion !== undefined));
  if (userNamespaces(cluster).length >= LIMITS.namespacesPerSandbox) {
    const max = LIMITS.namespacesPerSandbox;
    const why = `exceeded quota: sandbox, requested: namespaces=1, used: namespaces=${max}, limited: namespaces=${max}`;
    return err(forbidden('namespaces', input.name, why));
  }
  const namespace: Namespace = {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: {
      name: input.name,
      uid: ids.uid(),
      resourceVersion: ids.resourceVersion(),
      creationTimestamp: iso(cluster.now),
      labels: { ...input.labels, [NAME_LABEL]: input.name },
      annotations: input.annotations,
    },
    status: { phase: 'Active' },
  };
  return ok({ namespace, changes: [{ op: 'putNamespace', namespace }] });
}
