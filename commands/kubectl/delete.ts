import type { Change } from '../../src/cluster/changes.ts';
import type { Ids } from '../../src/cluster/ids.ts';
import type { Cluster } from '../../src/cluster/model.ts';
import { namespaceDeleteRequest } from '../../src/cluster/namespace-deletion.ts';
import { serviceDeletion } from '../../src/cluster/services.ts';
import { podDeleteRequest } from '../../src/cluster/terminating.ts';
import { goTrimSpace } from '../../src/go/strings.ts';
import { selectorArgsError } from '../../src/kubectl/builder.ts';
import { cascadeOf, warnedFirst } from '../../src/kubectl/cascade-flag.ts';
import { DELETE_FLAGS } from '../../src/kubectl/delete-flags.ts';
import { deletedLine } from '../../src/kubectl/deleted-line.ts';
import { waitUntilGone } from '../../src/kubectl/deletion-wait.ts';
import { DRY_RUN_FLAG, dryRunOf } from '../../src/kubectl/dry-run-flag.ts';
import { type KubectlError, kubectlError, renderError } from '../../src/kubectl/errors.ts';
import { byFields } from '../../src/kubectl/field-selection.ts';
import {
  durationFlagError,
  durationFlagMs,
  flagBool,
  flagInt,
  flagList,
  flagString,
  type ParsedLine,
} from '../../src/kubectl/flags.ts';
import { deleteFromFiles } from '../../src/kubectl/manifest-delete.ts';
import { RECURSIVE_FLAG } from '../../src/kubectl/manifest-source.ts';
import { namespaceOf } from '../../src/kubectl/namespace.ts';
import { type AnyObject, findObject, listObjects, selectorOf } from '../../src/kubectl/query.ts';
import { qualifiedName, type ResourceInfo } from '../../src/kubectl/resources.ts';
import { fromStatus } from '../../src/kubectl/status-error.ts';
import { parseTargets } from '../../src/kubectl/targets.ts';
import {
  type KubectlVerb,
  type Outcome,
  type OutputLine,
  outcome,
  stderr,
  stdout,
  type VerbContext,
} from '../../src/kubectl/verb.ts';
import { err, ok, type Result } from '../../src/result.ts';

export const del: KubectlVerb = {
  name: 'delete',
  short: 'Delete resources by file names, stdin, resources and names, or by resources and label selector',
  help: `Delete resources by file names, stdin, resources and names, or by resources and label selector.

Examples:
  # Delete a pod, or several
  kubectl delete po kubia
  kubectl delete po kubia-manual kubia-manual-v2

  # Delete pods by label selector
  kubectl delete po -l creation_method=manual

  # Delete all pods in the current namespace
  kubectl delete po --all

  # Delete (almost) everything in the current namespace
  kubectl delete all --all

  # Delete a namespace and everything in it
  kubectl delete ns custom-namespace

Options:
    --all=false: Delete all resources, in the namespace of the specified resource types.
    -A, --all-namespaces=false: If present, list the requested object(s) across all namespaces.
    --cascade='background': Must be "background", "orphan", or "foreground". Selects the deletion cascading strategy for the dependents (e.g. Pods created by a ReplicationController). Defaults to background.
    --field-selector='': Selector (field query) to filter on, supports '=', '==', and '!='.(e.g. --field-selector key1=value1,key2=value2). The server only supports a limited number of field queries per type.
    --ignore-not-found=false: Treat "resource not found" as a successful delete. Defaults to "true" when --all is specified.
    -l, --selector='': Selector (label query) to filter on, supports '=', '==', '!=', 'in', 'notin'.
    --dry-run='none': Must be "none", "server", or "client". If client strategy, only print the object that would be sent, without sending it. If server strategy, submit server-side request without persisting the resource.
    --force=false: If true, immediately remove resources from API and bypass graceful deletion. Note that immediate deletion of some resources may result in inconsistency or data loss and requires confirmation.
    --grace-period=-1: Period of time in seconds given to the resource to terminate gracefully. Ignored if negative. Set to 1 for immediate shutdown. Can only be set to 0 when --force is true (force deletion).
    --now=false: If true, resources are signaled for immediate shutdown (same as --grace-period=1).
    -o, --output='': Output mode. Use "-o name" for shorter output (resource/name).
    --wait=true: If true, wait for resources to be gone before returning. This waits for finalizers.

Usage:
  kubectl delete ([-f FILENAME] | [-k DIRECTORY] | TYPE [(NAME | -l label | --all)]) [options]`,
  flags: [
    { name: 'selector', short: 'l', type: 'string' },
    { name: 'all', type: 'bool' },
    { name: 'all-namespaces', short: 'A', type: 'bool' },
    { name: 'filename', short: 'f', type: 'list' },
    RECURSIVE_FLAG,
    ...DELETE_FLAGS,
    { name: 'now', type: 'bool' },
    { name: 'output', short: 'o', type: 'string' },
    DRY_RUN_FLAG,
    { name: 'ignore-not-found', type: 'bool' },
    { name: 'field-selector', type: 'string' },
    { name: 'interactive', short: 'i', type: 'bool' },
  ],
  run(ctx, line) {
    const timeout = durationFlagError(line, 'timeout', 'delete');
    if (timeout !== null) return err(timeout);
    // Complete reads --cascade first; an old boolean value's warning comes before all else.
    const cascade = cascadeOf(line);
    if (!cascade.ok) return cascade;
    const { warning } = cascade.value;
    return warnedFirst(runDelete(ctx, line), warning);
  },
};

function runDelete(ctx: VerbContext, line: ParsedLine): Result<Outcome, KubectlError> {
  const dryRun = dryRunOf(line);
  if (!dryRun.ok) return dryRun;
  const format = flagString(line, 'output') ?? '';
  if (format !== '' && format !== 'name')
    return err(
      kubectlError('plain', { message: `unexpected -o output mode: ${format}. We only support '-o name'` }),
    );
  const grace = graceCheck(line);
  if (!grace.ok) return grace;
  if (flagList(line, 'filename').length > 0) {
    const fromFiles = deleteFromFiles(ctx, line, (cluster, object) =>
      deleteOne(cluster, object, line, ctx.ids),
    );
    return fromFiles.ok
      ? ok(finish(ctx.cluster, withWarning(fromFiles.value, grace.value), line))
      : fromFiles;
  }
  const selectorText = flagString(line, 'selector');
  const all = flagBool(line, 'all');
  const fieldText = flagString(line, 'field-selector') ?? '';
  if (all && (goTrimSpace(selectorText ?? '') !== '' || goTrimSpace(fieldText) !== '')) {
    return err(
      kubectlError('plain', { message: "setting 'all' parameter but found a non empty selector. " }),
    );
  }
  // Validate then counts what was typed, spaces and all, where the Builder trimmed it.
  if (all && (selectorText ?? '') !== '')
    return err(kubectlError('plain', { message: 'cannot set --all and --selector at the same time' }));
  if (all && fieldText !== '')
    return err(kubectlError('plain', { message: 'cannot set --all and --field-selector at the same time' }));
  // The Builder checks names against -l/--all before it looks up types or wants arguments.
  const argsError = selectorArgsError(line.args, selectorText, all, fieldText);
  if (argsError !== null) return err(argsError);
  if (line.args.length === 0) return err(kubectlError('noResources'));
  const parsed = parseTargets(line.args, 'delete');
  if (!parsed.ok) return parsed;
  const { targets } = parsed.value;
  const hasNames = targets.some((t) => t.names.length > 0);
  // `-l ''` (or only spaces) is no selector at all: kubectl asks for names, it does not delete everything.
  if (!hasNames && !all && (selectorText ?? '').trim() === '' && goTrimSpace(fieldText) === '') {
    return err(kubectlError('plain', { message: 'resource(s) were provided, but no name was specified' }));
  }
  const namespace = namespaceOf(ctx.cluster, line);
  const allNs = flagBool(line, 'all-namespaces');
  if (allNs && targets.some((t) => t.resource.namespaced && t.names.length > 0)) {
    return err(
      kubectlError('plain', { message: 'a resource cannot be retrieved by name across all namespaces' }),
    );
  }
  const output: OutputLine[] = [];
  const changes: Change[] = [];
  let failed = false;
  let deletedAny = false;
  const ignoreNotFound = flagBool(line, 'ignore-not-found');
  const planned: { resource: ResourceInfo; name: string; object: AnyObject | undefined }[] = [];
  for (const target of targets) {
    const selector = selectorOf(line, target.resource.type);
    if (!selector.ok) return selector;
    if (target.names.length > 0) {
      for (const name of target.names)
        planned.push({
          resource: target.resource,
          name,
          object: findObject(ctx.cluster, target.resource, namespace, name),
        });
      continue;
    }
    const scope = allNs || !target.resource.namespaced ? null : namespace;
    const listed = byFields(
      ctx.cluster,
      line,
      target.resource,
      listObjects(ctx.cluster, target.resource, scope, selector.value),
    );
    if (!listed.ok) return listed;
    for (const object of listed.value)
      planned.push({ resource: target.resource, name: object.metadata.name, object });
  }
  const asked = flagBool(line, 'interactive') && planned.length > 0 ? confirmation(planned, ctx.stdin) : null;
  if (asked !== null && !asked.confirmed)
    return ok(outcome([stdout(`${asked.prompt}deletion is cancelled`)]));
  for (const { resource, name, object } of planned) {
    if (object === undefined) {
      if (ignoreNotFound) continue;
      output.push(stderr(`Error from server (NotFound): ${qualifiedName(resource)} "${name}" not found`));
      failed = true;
      continue;
    }
    const result = deleteOne(ctx.cluster, object, line, ctx.ids);
    if (!result.ok) {
      output.push(stderr(result.error));
      failed = true;
      continue;
    }
    output.push(stdout(result.value.line));
    changes.push(...result.value.changes);
    deletedAny = true;
  }
  // The answer was typed after the prompt, so what follows starts on its line.
  const [first, ...rest] = output;
  if (asked !== null && first !== undefined)
    output.splice(0, output.length, stdout(`${asked.prompt}${first.text}`), ...rest);
  // Named objects that --ignore-not-found passed over leave nothing to say (kubectl 1.33).
  if (!deletedAny && !failed && !(ignoreNotFound && hasNames)) output.push(stderr('No resources found'));
  const done = withWarning(outcome(output, changes, failed ? 1 : 0), grace.value);
  return ok(finish(ctx.cluster, done, line));
}

/**
 * `-i` (delete.go confirmation): the resources named or selected, as `kind/name` (whether they
 * exist or not), then a question whose answer is the first word of standard input (in chat, the
 * fenced block after the command; none is no): `y` or `Y` deletes, anything else cancels.
 */
function confirmation(
  planned: readonly { resource: ResourceInfo; name: string }[],
  stdin: string | null,
): { prompt: string; confirmed: boolean } {
  const listed = planned.map((p) => `${p.resource.kind.toLowerCase()}/${p.name}\n`).join('');
  const prompt = `You are about to delete the following ${planned.length} resource(s):\n${listed}Do you want to continue? (y/n): `;
  const answer = (stdin ?? '').trim().split(/\s+/)[0] ?? '';
  return { prompt, confirmed: answer.toLowerCase() === 'y' };
}

/**
 * delete.go's grace period: --now is 1 s; 0 without --force becomes 1 (only --force deletes at
 * once); --force alone is 0; otherwise the flag, or the pod's own (undefined).
 */
function requestedGrace(line: ParsedLine): number | undefined {
  const force = flagBool(line, 'force');
  let grace = flagInt(line, 'grace-period') ?? -1;
  if (flagBool(line, 'now')) grace = 1;
  if (grace === 0 && !force) grace = 1;
  if (force && grace < 0) grace = 0;
  return grace < 0 ? undefined : grace;
}

/** A dry run (client or server) writes nothing and waits for nothing; a real one waits. */
function finish(cluster: Cluster, done: Outcome, line: ParsedLine): Outcome {
  const dryRun = flagString(line, 'dry-run');
  if (dryRun === 'client' || dryRun === 'server') return Object.assign({}, done, { changes: [] });
  return waitForGone(cluster, done, line);
}

function deletedLineOf(object: AnyObject, line: ParsedLine): string {
  const dryRun = flagString(line, 'dry-run');
  return deletedLine(
    object,
    flagString(line, 'output'),
    requestedGrace(line),
    dryRun === 'client' || dryRun === 'server' ? dryRun : 'none',
  );
}

/**
 * kubectl waits (--wait=true) until what it deleted is gone (deletion-wait.ts); with --wait=false
 * they stay Terminating for `get` to show. --timeout=0 (the default) lets kubectl wait as long as
 * the grace periods need.
 */
function waitForGone(cluster: Cluster, done: Outcome, line: ParsedLine): Outcome {
  if (line.flags.has('wait') && !flagBool(line, 'wait')) return done;
  const now = cluster.now;
  const terminating = done.changes.flatMap((c) =>
    c.op === 'putPod' && c.pod.sim.deletion?.requestedAt === now ? [c.pod] : [],
  );
  const namespaces = done.changes.flatMap((c) =>
    c.op === 'putNamespace' && c.namespace.sim?.deletion?.requestedAt === now ? [c.namespace] : [],
  );
  if (terminating.length === 0 && namespaces.length === 0) return done;
  const waited = waitUntilGone(
    cluster,
    done.changes,
    terminating,
    namespaces,
    durationFlagMs(line, 'timeout'),
  );
  // Object.assign, not a spread: the build compiles a spread with more keys to descriptor helpers.
  const changes: Change[] = [...done.changes, ...waited.changes];
  if (waited.late === undefined) return Object.assign({}, done, { changes });
  const timedOut = renderError(
    kubectlError('waitTimeout', { resource: 'pods', name: waited.late.metadata.name }),
  );
  return Object.assign({}, done, { changes, output: [...done.output, stderr(timedOut)], exitCode: 1 });
}

const IMMEDIATE =
  'Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.';

/** DeleteOptions.Complete/Validate: --force means --grace-period=0, and says so on stderr first. */
function graceCheck(line: ParsedLine): Result<string | null, KubectlError> {
  const grace = flagInt(line, 'grace-period');
  if (flagBool(line, 'now') && grace !== undefined && grace !== -1)
    return err(kubectlError('plain', { message: '--now and --grace-period cannot be specified together' }));
  if (!flagBool(line, 'force')) return ok(null);
  if (grace !== undefined && grace > 0)
    return err(
      kubectlError('plain', {
        message: '--force and --grace-period greater than 0 cannot be specified together',
      }),
    );
  return ok(IMMEDIATE);
}

const withWarning = (done: Outcome, warning: string | null): Outcome =>
  warning === null ? done : Object.assign({}, done, { output: [stderr(warning), ...done.output] });

function deleteOne(
  cluster: Cluster,
  object: NonNullable<ReturnType<typeof findObject>>,
  line: ParsedLine,
  ids: Ids,
): Result<{ line: string; changes: Change[] }, string> {
  switch (object.kind) {
    case 'Service':
      return ok({
        line: deletedLineOf(object, line),
        changes: serviceDeletion(cluster, object, ids),
      });
    case 'Pod':
      return ok({
        line: deletedLineOf(object, line),
        changes: podDeleteRequest(cluster, object, ids, requestedGrace(line)),
      });
    case 'Namespace': {
      const marked = namespaceDeleteRequest(cluster, object, ids);
      if (!marked.ok) return err(renderError(fromStatus(marked.error)));
      return ok({ line: deletedLineOf(object, line), changes: marked.value.changes });
    }
    case 'Node':
      return err(
        `Error from server (Forbidden): nodes "${object.metadata.name}" is forbidden: nodes of this sandbox cannot be deleted; label them instead`,
      );
  }
}
