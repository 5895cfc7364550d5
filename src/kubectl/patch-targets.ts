import type { Cluster } from '../cluster/model.ts';
import type { LiveObject } from '../cluster/object-patch.ts';
import { err, ok, type Result } from '../result.ts';
import { selectObjects } from './builder.ts';
import { type KubectlError, kubectlError } from './errors.ts';
import { flagList, flagString, type ParsedLine } from './flags.ts';
import { readFiles } from './manifest-batch.ts';
import { mapKind, namespaceFor } from './manifest-objects.ts';
import { namespaceOf } from './namespace.ts';
import { findObject } from './query.ts';
import { qualifiedName, type ResourceInfo, resolveResource } from './resources.ts';
import type { VerbContext } from './verb.ts';

/**
 * The objects `kubectl patch` visits, as its Builder finds them: `TYPE NAME...` or `TYPE/NAME...`
 * (ResourceTypeOrNameArgs, no selector), or the objects of `-f` files, whose own content is what
 * `--local` patches and what kubectl compares the answer with. A file kubectl cannot map stops
 * the command before any object is patched.
 */
export interface PatchTarget {
  /** The resource as the server names it in a NotFound (`pods`, `deployments.apps`). */
  resource: string;
  name: string;
  /** The object stored now: looked up at each patch, since an earlier one may have changed it. */
  live(cluster: Cluster): LiveObject | undefined;
  /** From `-f`: the object as the file has it. */
  local?: Record<string, unknown>;
}

export function patchTargets(
  ctx: VerbContext,
  line: ParsedLine,
  local: boolean,
): Result<PatchTarget[], KubectlError> {
  if (flagList(line, 'filename').length > 0) return fileTargets(ctx, line);
  // --local with no files: the Builder is given no resources at all.
  if (line.args.length === 0 || local) return err(kubectlError('noResources'));
  return namedTargets(ctx.cluster, line, line.args, { selector: undefined, all: false });
}

/** `TYPE NAME...`, `TYPE/NAME...`, or with `set image`'s `-l` and `--all`, every TYPE that matches. */
export function namedTargets(
  cluster: Cluster,
  line: ParsedLine,
  args: readonly string[],
  select: { selector: string | undefined; all: boolean },
): Result<PatchTarget[], KubectlError> {
  const namespace = namespaceOf(cluster, line);
  const selection = selectObjects(cluster, args, { ...select, namespace, allNamespaces: false });
  if (!selection.ok) return selection;
  return ok(
    selection.value.visits.map(({ resource, name }) => ({
      resource: qualifiedName(resource),
      name,
      live: (cluster) => patchable(findObject(cluster, resource, namespace, name)),
    })),
  );
}

const patchable = (object: ReturnType<typeof findObject>): LiveObject | undefined =>
  object === undefined || object.kind === 'Service' ? undefined : object;

const RESOURCES = { Pod: 'pods', Namespace: 'namespaces', Node: 'nodes' } as const;

/** The objects of `-f` files; a file kubectl cannot map stops the command. */
export function fileTargets(ctx: VerbContext, line: ParsedLine): Result<PatchTarget[], KubectlError> {
  const files = readFiles(ctx, line);
  if (!files.ok) return files;
  const targets: PatchTarget[] = [];
  for (const file of files.value) {
    if (file.error !== null) return err(file.error);
    for (const object of file.objects) {
      const kind = mapKind(object);
      if (!kind.ok) return kind;
      const resource = resolveResource(RESOURCES[kind.value]) as ResourceInfo;
      const namespace = kind.value === 'Pod' ? namespaceFor(object, flagString(line, 'namespace')) : ok('');
      if (!namespace.ok) return namespace;
      targets.push({
        resource: qualifiedName(resource),
        name: object.name,
        live: (cluster) => patchable(findObject(cluster, resource, namespace.value, object.name)),
        local: object.raw as Record<string, unknown>,
      });
    }
  }
  return ok(targets);
}
