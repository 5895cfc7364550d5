import type { Change } from '../../src/cluster/changes.ts';
import type { Labels } from '../../src/cluster/model.ts';
import { validateLabels } from '../../src/cluster/validation.ts';
import { goQuote } from '../../src/go/strings.ts';
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
  printUpdated,
  putObject,
  renderObjectErrors,
  rescheduleAfter,
  resourceVersionFlagError,
  sameMap,
  type UpdateOptions,
  updateOptions,
  withMetadata,
} from '../../src/kubectl/metadata-update.ts';
import { namespaceOf } from '../../src/kubectl/namespace.ts';
import { type Pairs, parseLabelPairs, splitResourcesAndPairs } from '../../src/kubectl/pairs.ts';
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

export const label: KubectlVerb = {
  name: 'label',
  short: 'Update the labels on a resource',
  help: `Update the labels on a resource.

  *  A label key and value must begin with a letter or number, and may contain letters, numbers, hyphens, dots, and underscores, up to 63 characters each.
  *  Optionally, the key can begin with a DNS subdomain prefix and a single '/', like example.com/my-app.
  *  If --overwrite is true, then existing labels can be overwritten, otherwise attempting to overwrite a label will result in an error.

Examples:
  # Update pod 'foo' with the label 'unhealthy' and the value 'true'
  kubectl label pods foo unhealthy=true

  # Update pod 'foo' with the label 'status' and the value 'unhealthy', overwriting any existing value
  kubectl label --overwrite pods foo status=unhealthy

  # Update all pods in the namespace
  kubectl label pods --all status=unhealthy

  # Label the node the GPU pods should run on
  kubectl label node node01 gpu=true

  # Update pod 'foo' by removing a label named 'bar' if it exists
  # Does not require the --overwrite flag
  kubectl label pods foo bar-

Options:
    --all=false: Select all resources, in the namespace of the specified resource types
    -A, --all-namespaces=false: If true, check the specified action in all namespaces.
    --dry-run='none': Must be "none", "server", or "client".
    --list=false: If true, display the labels for a given resource.
    -o, --output='': Output format. One of: (json, yaml, name).
    --overwrite=false: If true, allow labels to be overwritten, otherwise reject label updates that overwrite existing labels.
    --resource-version='': If non-empty, the labels update will only succeed if this is the current resource-version for the object. Only valid when specifying a single resource.
    -l, --selector='': Selector (label query) to filter on, supports '=', '==', '!=', 'in', 'notin'.

Usage:
  kubectl label [--overwrite] (-f FILENAME | TYPE NAME) KEY_1=VAL_1 ... KEY_N=VAL_N [--resource-version=version] [options]`,
  flags: METADATA_UPDATE_FLAGS,
  run(ctx, line) {
    const dryRun = dryRunOf(line);
    if (!dryRun.ok) return dryRun;
    const split = splitResourcesAndPairs(line.args, 'label');
    if (!split.ok) return plain(split.error);
    const pairs = parseLabelPairs(split.value.pairs);
    if (!pairs.ok) return plain(pairs.error);
    const list = flagBool(line, 'list');
    if (list && (flagString(line, 'output') ?? '') !== '')
      return plain('--list and --output may not be specified together');
    const selector = flagString(line, 'selector');
    if (flagBool(line, 'all') && (selector ?? '') !== '')
      return plain('cannot set --all and --selector at the same time');
    if (split.value.resources.length === 0)
      return plain('one or more resources must be specified as <resource> <name> or <resource>/<name>');
    if (pairs.value.set.length === 0 && pairs.value.remove.length === 0 && !list)
      return plain('at least one label update is required');
    const selection = selectObjects(ctx.cluster, split.value.resources, {
      selector,
      all: flagBool(line, 'all'),
      namespace: namespaceOf(ctx.cluster, line),
      allNamespaces: flagBool(line, 'all-namespaces'),
    });
    if (!selection.ok) return selection;
    const locking = resourceVersionFlagError(line, selection.value);
    if (locking !== null) return plain(locking);
    return ok(visitAll(ctx, line, selection.value, pairs.value, dryRun.value));
  },
};

function visitAll(ctx: VerbContext, line: ParsedLine, selection: Selection, pairs: Pairs, dryRun: DryRun) {
  const output: OutputLine[] = [];
  const errors: ObjectError[] = [];
  const changes: Change[] = [];
  const opts = updateOptions(line, dryRun);
  for (const visit of selection.visits) {
    const result = labelOne(ctx, visit, pairs, opts, selection.singleItemImplied);
    output.push(...result.output);
    errors.push(...result.errors);
    changes.push(...result.changes);
  }
  changes.push(...rescheduleAfter(ctx.cluster, changes, () => ctx.ids.resourceVersion()));
  return outcome([...output, ...renderObjectErrors(errors)], changes, errors.length > 0 ? 1 : 0);
}

interface Step {
  output: OutputLine[];
  errors: ObjectError[];
  changes: Change[];
}

/** One object, as label.go's visitor does it: report missing keys, refuse overwrites, patch, print. */
function labelOne(ctx: VerbContext, visit: Visit, pairs: Pairs, opts: UpdateOptions, single: boolean): Step {
  const step: Step = { output: [], errors: [], changes: [] };
  const { object } = visit;
  if (object === undefined) {
    step.errors.push({ kind: 'notFound', resource: qualifiedName(visit.resource), name: visit.name });
    return step;
  }
  const old = object.metadata.labels;
  // Only the path that talks to the server says which removed keys were missing.
  const local = opts.dryRun === 'client' || opts.list;
  if (!local)
    for (const key of pairs.remove)
      if (!(key in old)) step.output.push(stdout(`label ${goQuote(key)} not found.`));
  if (!opts.overwrite) {
    for (const [key, value] of pairs.set) {
      const current = old[key];
      if (current !== undefined && current !== value)
        step.errors.push({
          kind: 'client',
          message: `'${key}' already has a value (${current}), and --overwrite is false`,
        });
    }
    if (step.errors.length > 0) return step;
  }
  const next = applyPairs(old, pairs);
  if (opts.list) {
    step.output.push(...listLines(visit, next, single, 'labels').map(stdout));
    return step;
  }
  const message = changeMessage(old, next, opts.overwrite, opts.resourceVersion) + dryRunSuffix(opts.dryRun);
  const printed = withMetadata(object, 'labels', next, object.metadata.resourceVersion);
  const locked = local ? null : lockError(object, visit.resource, opts);
  if (locked !== null) {
    step.errors.push(locked);
    return step;
  }
  if (!local && !sameMap(old, next)) {
    const causes = validateLabels(next);
    if (causes.length > 0) {
      step.errors.push({ kind: 'invalid', objectKind: object.kind, name: object.metadata.name, causes });
      return step;
    }
    if (opts.dryRun === 'none')
      step.changes.push(putObject(withMetadata(object, 'labels', next, ctx.ids.resourceVersion())));
  }
  // label.go builds its printer only now, after the patch: a bad -o fails once the object changed.
  const formatError = opts.formatError ?? outputFormatError(opts.format, ctx.cluster.files);
  if (formatError !== null) step.errors.push({ kind: 'client', message: formatError });
  else {
    const shown = printUpdated(printed, opts, message, ctx.cluster);
    step.output.push(...shown.output);
    if (shown.error !== null) step.errors.push(shown.error);
  }
  return step;
}

/**
 * kubectl ≤ v1.34 decides the word by comparing the object's JSON before and after: equal is
 * `not labeled`, shorter (without --overwrite) is `unlabeled`, anything else `labeled`. A pod
 * without labels has no `labels` key at all, and gains `"labels":{}` even when a key is removed.
 * With --resource-version the version is cleared from the JSON before and set in the JSON after
 * (so the patch always carries it): the after side is longer by `"resourceVersion":"V",`.
 */
export function changeMessage(old: Labels, next: Labels, overwrite: boolean, resourceVersion = ''): string {
  const hadLabels = Object.keys(old).length > 0;
  const versionEntry =
    resourceVersion === '' ? 0 : Buffer.byteLength(`"resourceVersion":${JSON.stringify(resourceVersion)},`);
  if (hadLabels && versionEntry === 0 && sameMap(old, next)) return 'not labeled';
  if (!overwrite && hadLabels && jsonLength(next) + versionEntry < jsonLength(old)) return 'unlabeled';
  return 'labeled';
}

const jsonLength = (labels: Labels) => Buffer.byteLength(JSON.stringify(labels));
