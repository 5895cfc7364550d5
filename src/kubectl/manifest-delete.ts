import type { Change } from '../cluster/changes.ts';
import type { Cluster } from '../cluster/model.ts';
import type { LiveObject } from '../cluster/object-patch.ts';
import type { Result } from '../result.ts';
import { type KubectlError, kubectlError } from './errors.ts';
import { flagString, type ParsedLine } from './flags.ts';
import { commit, fail, finish, newBatch, readFiles, say } from './manifest-batch.ts';
import { mapKind, namespaceFor } from './manifest-objects.ts';
import { contextNamespace } from './namespace.ts';
import type { AnyObject } from './query.ts';
import type { Outcome, VerbContext } from './verb.ts';

/**
 * `kubectl delete -f FILE`: the objects a manifest names, found by kind, namespace and name and
 * deleted one by one (a missing one is `error when deleting "FILE": ...`); the deletion itself
 * is the delete verb's, passed in, so pods and namespaces go exactly as `delete po|ns` does.
 */
export type DeleteOne = (
  cluster: Cluster,
  object: AnyObject,
) => Result<{ line: string; changes: Change[] }, string>;

export const RESOURCE = { Pod: 'pods', Namespace: 'namespaces', Node: 'nodes' } as const;

export function deleteFromFiles(
  ctx: VerbContext,
  line: ParsedLine,
  deleteOne: DeleteOne,
): Result<Outcome, KubectlError> {
  const files = readFiles(ctx, line);
  if (!files.ok) return files;
  const batch = newBatch(ctx.cluster);
  for (const file of files.value) {
    for (const object of file.objects) {
      const kind = mapKind(object);
      if (!kind.ok) {
        fail(batch, kind.error);
        continue;
      }
      const namespace =
        kind.value === 'Pod'
          ? namespaceFor(object, flagString(line, 'namespace'), contextNamespace(line))
          : undefined;
      if (namespace !== undefined && !namespace.ok) {
        fail(batch, namespace.error);
        continue;
      }
      const live = findLive(batch.cluster, kind.value, object.name, namespace?.value ?? '');
      if (live === undefined) {
        const params = {
          resource: RESOURCE[kind.value],
          name: object.name,
          verb: 'deleting',
          source: object.source,
        };
        fail(batch, kubectlError('notFoundWhen', params));
        continue;
      }
      const deleted = deleteOne(batch.cluster, live);
      if (!deleted.ok) {
        fail(batch, kubectlError('rawText', { text: deleted.error }));
        continue;
      }
      commit(batch, deleted.value.changes);
      say(batch, deleted.value.line);
    }
    if (file.error !== null) fail(batch, file.error);
  }
  if (batch.output.length === 0 && batch.errors.length === 0) say(batch, 'No resources found');
  return finish(batch);
}

/** The stored object a manifest object names, found by kind, namespace and name. */
export function findLive(
  cluster: Cluster,
  kind: keyof typeof RESOURCE,
  name: string,
  namespace: string,
): LiveObject | undefined {
  if (kind === 'Pod')
    return cluster.pods.find((p) => p.metadata.namespace === namespace && p.metadata.name === name);
  if (kind === 'Namespace') return cluster.namespaces.find((n) => n.metadata.name === name);
  return cluster.nodes.find((n) => n.metadata.name === name);
}
