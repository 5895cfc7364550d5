import type { Change } from '../../src/cluster/changes.ts';
import { validateAnnotations } from '../../src/cluster/validation.ts';
import { type Selection, selectObjects, type Visit } from '../../src/kubectl/builder.ts';
import { type DryRun, dryRunOf } from '../../src/kubectl/dry-run-flag.ts';
import { kubectlError } from '../../src/kubectl/errors.ts';
import { flagBool, flagString, type ParsedLine } from '../../src/kubectl/flags.ts';
import {
  applyPairs,
  dryRunSuffix,
  listLines,
  lockError,
  METADATA_UPDATE_FLAGS,
  type ObjectError,
  outputFormatError,
  printFormatOf,
  printUpdated,
  putObject,
  renderObjectErrors,
  resourceVersionFlagError,
  sameMap,
  type UpdateOptions,
  updateOptions,
  withMetadata,
} from '../../src/kubectl/metadata-update.ts';
import { namespaceOf } from '../../src/kubectl/namespace.ts';
import {
  annotationConflicts,
  type Pairs,
  parseAnnotationPairs,
  splitResourcesAndPairs,
} from '../../src/kubectl/pairs.ts';
import { qualifiedName } from '../../src/kubectl/resources.ts';
import {
  type KubectlVerb,
  type OutputLine,
  outcome,
  stdout,
  type VerbContext,
} from '../../src/kubectl/verb.ts';
import { err, ok } from '../../src/result.ts';

const plain = (message: string) => err(kubectlError('plain', { message }));

/** `kubectl rollout` records the change cause here; annotate may always overwrite it. */
const CHANGE_CAUSE = 'kubernetes.io/change-cause';

export const annotate: KubectlVerb = {
  name: 'annotate',
  short: 'Update the annotations on a resource',
  help: `Update the annotations on one or more resources.

 All Kubernetes objects support the ability to store additional data with the object as annotations. Annotations are key/value pairs that can be larger than labels and include arbitrary string values such as structured JSON. Tools and system extensions may use annotations to store their own data.

 Attempting to set an annotation that already exists will fail unless --overwrite is set.

Examples:
  # Update pod 'foo' with the annotation 'description' and the value 'my frontend'
  # If the same annotation is set multiple times, only the last value will be applied
  kubectl annotate pods foo description='my frontend'

  # Update pod 'foo' with the annotation 'description' and the value 'my frontend running nginx', overwriting any existing value
  kubectl annotate --overwrite pods foo description='my frontend running nginx'

  # Update all pods in the namespace
  kubectl annotate pods --all description='my frontend running nginx'

  # Update pod 'foo' by removing an annotation named 'description' if it exists
  # Does not require the --overwrite flag
  kubectl annotate pods foo description-

Options:
    --all=false: Select all resources, in the namespace of the specified resource types.
    -A, --all-namespaces=false: If true, check the specified action in all namespaces.
    --dry-run='none': Must be "none", "server", or "client".
    --list=false: If true, display the annotations for a given resource.
    -o, --output='': Output format. One of: (json, yaml, name).
    --overwrite=false: If true, allow annotations to be overwritten, otherwise reject annotation updates that overwrite existing annotations.
    --resource-version='': If non-empty, the annotation update will only succeed if this is the current resource-version for the object. Only valid when specifying a single resource.
    -l, --selector='': Selector (label query) to filter on, supports '=', '==', '!=', 'in', 'notin'.

Usage:
  kubectl annotate [--overwrite] (-f FILENAME | TYPE NAME) KEY_1=VAL_1 ... KEY_N=VAL_N [--resource-version=version] [options]`,
  flags: METADATA_UPDATE_FLAGS,
  // The order of checks is annotate.go's ToOptions: printer, pairs, --all/-l, resources, updates.
  run(ctx, line) {
    const dryRun = dryRunOf(line);
    if (!dryRun.ok) return dryRun;
    const printed = printFormatOf(line);
    const formatError = printed.formatError ?? outputFormatError(printed.format, ctx.cluster.files);
    if (formatError !== null) return plain(formatError);
    const split = splitResourcesAndPairs(line.args, 'annotation');
    if (!split.ok) return plain(split.error);
    const pairs = parseAnnotationPairs(split.value.pairs);
    const selector = flagString(line, 'selector');
    if (flagBool(line, 'all') && (selector ?? '') !== '')
      return plain('cannot set --all and --selector at the same time');
    if (split.value.resources.length === 0)
      return plain('one or more resources must be specified as <resource> <name> or <resource>/<name>');
    if (pairs.set.length === 0 && pairs.remove.length === 0 && !flagBool(line, 'list'))
      return plain('at least one annotation update is required');
    const conflict = annotationConflicts(pairs);
    if (conflict !== null) return plain(conflict);
    const selection = selectObjects(ctx.cluster, split.value.resources, {
      selector,
      all: flagBool(line, 'all'),
      namespace: namespaceOf(ctx.cluster, line),
      allNamespaces: flagBool(line, 'all-namespaces'),
    });
    if (!selection.ok) return selection;
    const locking = resourceVersionFlagError(line, selection.value);
    if (locking !== null) return plain(locking);
    return ok(visitAll(ctx, line, selection.value, pairs, dryRun.value));
  },
};

function visitAll(ctx: VerbContext, line: ParsedLine, selection: Selection, pairs: Pairs, dryRun: DryRun) {
  const output: OutputLine[] = [];
  const errors: ObjectError[] = [];
  const changes: Change[] = [];
  const opts = updateOptions(line, dryRun);
  for (const visit of selection.visits) {
    const result = annotateOne(ctx, visit, pairs, opts, selection.singleItemImplied);
    if (result.kind === 'error') errors.push(result.error);
    else {
      output.push(...result.output);
      changes.push(...result.changes);
      if (result.printError !== null) errors.push(result.printError);
    }
  }
  return outcome([...output, ...renderObjectErrors(errors)], changes, errors.length > 0 ? 1 : 0);
}

type Step =
  | { kind: 'error'; error: ObjectError }
  /** Made, then printed; a template that failed is an error after the change. */
  | { kind: 'done'; output: OutputLine[]; changes: Change[]; printError: ObjectError | null };

/** One object: refuse overwrites (all keys in one message), patch, validate, print `annotated`. */
function annotateOne(
  ctx: VerbContext,
  visit: Visit,
  pairs: Pairs,
  opts: UpdateOptions,
  single: boolean,
): Step {
  const { object } = visit;
  if (object === undefined)
    return {
      kind: 'error',
      error: { kind: 'notFound', resource: qualifiedName(visit.resource), name: visit.name },
    };
  const old = object.metadata.annotations;
  if (!opts.overwrite) {
    const taken = pairs.set
      .filter(([key, value]) => key !== CHANGE_CAUSE && old[key] !== undefined && old[key] !== value)
      .map(([key]) => `'${key}' already has a value (${old[key]})`);
    if (taken.length > 0) {
      const message = `--overwrite is false but found the following declared annotation(s): ${taken.join('; ')}`;
      return { kind: 'error', error: { kind: 'client', message } };
    }
  }
  const next = applyPairs(old, pairs);
  if (opts.list)
    return {
      kind: 'done',
      output: listLines(visit, next, single, 'annotations').map(stdout),
      changes: [],
      printError: null,
    };
  const changes: Change[] = [];
  // annotate prints the server's answer, so -o yaml shows the new resourceVersion.
  let printed = withMetadata(object, 'annotations', next, object.metadata.resourceVersion);
  const locked = opts.dryRun === 'client' ? null : lockError(object, visit.resource, opts);
  if (locked !== null) return { kind: 'error', error: locked };
  if (opts.dryRun !== 'client' && !sameMap(old, next)) {
    const causes = validateAnnotations(next);
    if (causes.length > 0)
      return {
        kind: 'error',
        error: { kind: 'invalid', objectKind: object.kind, name: object.metadata.name, causes },
      };
    if (opts.dryRun === 'none') {
      printed = withMetadata(object, 'annotations', next, ctx.ids.resourceVersion());
      changes.push(putObject(printed));
    }
  }
  const shown = printUpdated(printed, opts, `annotated${dryRunSuffix(opts.dryRun)}`, ctx.cluster);
  return { kind: 'done', output: shown.output, changes, printError: shown.error };
}
