import type { Cluster, Pod } from '../cluster/model.ts';
import { err, ok, type Result } from '../result.ts';
import { type KubectlError, kubectlError } from './errors.ts';
import { qualifiedName, resolveResource } from './resources.ts';

/**
 * The one-pod argument of `exec`, `logs` and `port-forward`: `NAME` or `TYPE/NAME`. kubectl
 * first gets the named object (a type the sandbox holds none of is therefore NotFound), then
 * asks polymorphichelpers for a pod of it; `logs` words that failure its own way.
 */
export function parsePodArg(
  arg: string,
  scope: { cluster: Pick<Cluster, 'services'>; namespace: string },
  use: 'attach' | 'logs' = 'attach',
): Result<string, KubectlError> {
  const slash = arg.indexOf('/');
  if (slash === -1) return ok(arg);
  const type = arg.slice(0, slash);
  const name = arg.slice(slash + 1);
  const resource = resolveResource(type);
  if (resource === undefined) return err(kubectlError('unknownResourceType', { type }));
  if (resource.type === 'pods') return ok(name);
  const service =
    resource.type === 'services'
      ? scope.cluster.services.find(
          (s) => s.metadata.namespace === scope.namespace && s.metadata.name === name,
        )
      : undefined;
  if (!resource.simulated || (resource.type === 'services' && service === undefined))
    return err(
      kubectlError('server', {
        reason: 'NotFound',
        message: `${qualifiedName(resource)} "${name}" not found`,
      }),
    );
  const cannot = use === 'logs' ? 'cannot get the logs from' : 'cannot attach to';
  // helpers.go SelectorsForObject: the default Service has no selector, so no pod behind it.
  const why =
    service !== undefined && Object.keys(service.spec.selector).length === 0
      ? `invalid service '${name}': Service is defined without a selector`
      : `selector for *v1.${resource.kind} not implemented`;
  return err(kubectlError('plain', { message: `${cannot} *v1.${resource.kind}: ${why}` }));
}

export const findPod = (cluster: Pick<Cluster, 'pods'>, namespace: string, name: string): Pod | undefined =>
  cluster.pods.find((p) => p.metadata.namespace === namespace && p.metadata.name === name);

export const DEFAULT_CONTAINER_ANNOTATION = 'kubectl.kubernetes.io/default-container';

/**
 * kubectl's container defaulting (podcmd.FindOrDefaultContainerByName): the annotated default,
 * else the first container, with a note for stderr when the pod has more than one.
 */
export function defaultContainer(pod: Pod): { index: number; note: string | null } {
  const names = pod.spec.containers.map((c) => c.name);
  const annotated = pod.metadata.annotations[DEFAULT_CONTAINER_ANNOTATION];
  // The annotation is the member's explicit choice, so kubectl says nothing about it.
  if (annotated !== undefined && names.includes(annotated))
    return { index: names.indexOf(annotated), note: null };
  const note =
    names.length > 1 ? `Defaulted container "${names[0] ?? ''}" out of: ${names.join(', ')}` : null;
  return { index: 0, note };
}

export const containerIndex = (pod: Pod, name: string): number =>
  pod.spec.containers.findIndex((c) => c.name === name);
