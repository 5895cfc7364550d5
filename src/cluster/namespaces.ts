import { type KubectlError, kubectlError } from '../kubectl/errors.ts';
import { err, ok, type Result } from '../result.ts';
import type { Change } from './changes.ts';
import type { Ids } from './ids.ts';
import { LIMITS } from './limits.ts';
import type { Cluster, Labels, Namespace } from './model.ts';
import { iso } from './seed.ts';
import { validateAnnotations, validateLabels, validateObjectName } from './validation.ts';

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
  source?: string,
): Result<CreatedNamespace, KubectlError> {
  const causes = [
    ...validateObjectName(input.name, 'label'),
    ...validateLabels(input.labels),
    ...validateAnnotations(input.annotations),
  ];
  if (causes.length > 0) return err(kubectlError('invalid', { kind: 'Namespace', name: input.name, causes }));
  if (cluster.namespaces.some((n) => n.metadata.name === input.name)) {
    return err(
      kubectlError('alreadyExists', {
        resource: 'namespaces',
        name: input.name,
        ...(source === undefined ? {} : { source }),
      }),
    );
  }
  if (userNamespaces(cluster).length >= LIMITS.namespacesPerSandbox) {
    const prefix = source === undefined ? '' : `error when creating "${source}": `;
    return err(
      kubectlError('limit', {
        message: `${prefix}namespaces "${input.name}" is forbidden: exceeded quota: sandbox, requested: namespaces=1, used: namespaces=${LIMITS.namespacesPerSandbox}, limited: namespaces=${LIMITS.namespacesPerSandbox}`,
      }),
    );
  }
  const namespace: Namespace = {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: {
      name: input.name,
      uid: ids.uid(),
      resourceVersion: ids.resourceVersion(),
      creationTimestamp: iso(cluster.now),
      labels: { ...input.labels, 'kubernetes.io/metadata.name': input.name },
      annotations: input.annotations,
    },
    status: { phase: 'Active' },
  };
  return ok({ namespace, changes: [{ op: 'putNamespace', namespace }] });
}
