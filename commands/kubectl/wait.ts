import type { Change } from '../../src/cluster/changes.ts';
import { firstHolding, parseWaitFor, type WaitFor } from '../../src/cluster/conditions.ts';
import { LIMITS } from '../../src/cluster/limits.ts';
import type { Cluster } from '../../src/cluster/model.ts';
import { parseGoDuration } from '../../src/go/duration.ts';
import { goTrimSpace } from '../../src/go/strings.ts';
import { selectorArgsError } from '../../src/kubectl/builder.ts';
import { kubectlError, renderError } from '../../src/kubectl/errors.ts';
import { byFields } from '../../src/kubectl/field-selection.ts';
import { flagBool, flagString, type ParsedLine } from '../../src/kubectl/flags.ts';
import { RECURSIVE_FLAG } from '../../src/kubectl/manifest-source.ts';
import { namespaceOf } from '../../src/kubectl/namespace.ts';
import {
  OBJECT_PRINTER_FLAGS,
  type ObjectPrinter,
  objectPrinter,
} from '../../src/kubectl/printers/object-printer.ts';
import { type AnyObject, findObject, listObjects, selectorOf } from '../../src/kubectl/query.ts';
import { parseTargets } from '../../src/kubectl/targets.ts';
import {
  type KubectlVerb,
  type OutputLine,
  outcome,
  stderr,
  stdout,
  type VerbContext,
} from '../../src/kubectl/verb.ts';
import { err, ok, type Result } from '../../src/result.ts';

/** kubectl's default `--timeout`, and what a negative one means (a week). */
const DEFAULT_TIMEOUT_MS = 30_000;
const FOREVER_MS = 168 * 3_600_000;

export const wait: KubectlVerb = {
  name: 'wait',
  short: 'Experimental: Wait for a specific condition on one or many resources',
  help: `Experimental: Wait for a specific condition on one or many resources.

In this sandbox, waiting fast-forwards your cluster's clock to the moment the condition holds
(or by the whole timeout, if it never does).

Examples:
  # Wait for the pod "kubia" to contain the status condition of type "Ready"
  kubectl wait --for=condition=Ready pod/kubia

  # Wait for every pod labelled app=kubia, for at most a minute
  kubectl wait --for=condition=Ready pods -l app=kubia --timeout=60s

  # Wait for the pod "kubia" to reach phase Running
  kubectl wait --for=jsonpath='{.status.phase}'=Running pod/kubia

  # Wait for the pod "kubia" to be deleted
  kubectl wait --for=delete pod/kubia --timeout=60s

Options:
    --all=false: Select all resources in the namespace of the specified resource types
    -A, --all-namespaces=false: If present, list the requested object(s) across all namespaces.
    --for='': The condition to wait on: [create|delete|condition=condition-name[=condition-value]|jsonpath='{JSONPath expression}'=[JSONPath value]].
    -l, --selector='': Selector (label query) to filter on, supports '=', '==', '!=', 'in', 'notin'.
    --timeout=30s: The length of time to wait before giving up.  Zero means check once and don't wait, negative means wait for a week.

Usage:
  kubectl wait ([-f FILENAME] | resource.group/resource.name | resource.group [(-l label | --all)]) [--for=create|--for=delete|--for condition=available|--for=jsonpath='{}'[=value]] [options]`,
  flags: [
    { name: 'for', type: 'string' },
    { name: 'timeout', type: 'string' },
    { name: 'all', type: 'bool' },
    { name: 'all-namespaces', short: 'A', type: 'bool' },
    { name: 'selector', short: 'l', type: 'string' },
    { name: 'filename', short: 'f', type: 'list' },
    RECURSIVE_FLAG,
    ...OBJECT_PRINTER_FLAGS,
    { name: 'field-selector', type: 'string' },
  ],
  run(ctx, line) {
    // pflag reads --timeout as a duration; Complete then builds the printer, then reads --for.
    const timeoutText = flagString(line, 'timeout');
    const timeout = parseTimeout(timeoutText);
    if (!timeout.ok) return timeout;
    const printer = objectPrinter(
      line,
      (o) => `${o.kind.toLowerCase()}/${o.metadata.name} condition met`,
      ctx.cluster.files,
    );
    if (!printer.ok) return err(kubectlError('plain', { message: printer.error }));
    const forText = flagString(line, 'for') ?? '';
    const waitFor = parseWaitFor(forText);
    if (waitFor === null)
      return err(kubectlError('plain', { message: `unrecognized condition: "${forText}"` }));
    // The Builder checks names against the selectors before it wants arguments; wait's --all is no selector.
    const fields = flagString(line, 'field-selector');
    const argsError = selectorArgsError(line.args, flagString(line, 'selector'), false, fields);
    if (argsError !== null) return err(argsError);
    if (line.args.length === 0) return err(kubectlError('noResources'));
    const objects = selectObjects(ctx, line, waitFor);
    if (!objects.ok) return objects;
    // kubectl accepts any duration; the sandbox's clock moves at most LIMITS.waitFastForwardMs.
    const span = Math.min(timeout.value, LIMITS.waitFastForwardMs);
    const waited = waitOn(ctx.cluster, objects.value, waitFor, span, printer.value);
    if (waited.exitCode === 0 || span === timeout.value) return ok(waited);
    const params = { limit: `${span / 3_600_000}h`, timeout: timeoutText ?? '' };
    return ok({ ...waited, capNotes: [{ key: 'cost.waitClamped', params }] });
  },
};

/** The objects named, selected or `--all`; missing names are NotFound, except when waiting for delete. */
function selectObjects(
  ctx: VerbContext,
  line: ParsedLine,
  waitFor: WaitFor,
): Result<AnyObject[], ReturnType<typeof kubectlError>> {
  const fieldText = flagString(line, 'field-selector') ?? '';
  const parsed = parseTargets(line.args, 'wait');
  if (!parsed.ok) return parsed;
  const namespace = namespaceOf(ctx.cluster, line);
  const selectorText = flagString(line, 'selector');
  const objects: AnyObject[] = [];
  for (const target of parsed.value.targets) {
    if (target.names.length === 0) {
      if (!flagBool(line, 'all') && selectorText === undefined && goTrimSpace(fieldText) === '')
        return err(
          kubectlError('plain', { message: 'resource(s) were provided, but no name was specified' }),
        );
      const selector = selectorOf(line, 'pods');
      if (!selector.ok) return selector;
      const scope = flagBool(line, 'all-namespaces') || !target.resource.namespaced ? null : namespace;
      const listed = listObjects(ctx.cluster, target.resource, scope, selector.value);
      const selected = byFields(ctx.cluster, line, target.resource, listed);
      if (!selected.ok) return selected;
      objects.push(...selected.value);
      continue;
    }
    for (const name of target.names) {
      const found = findObject(ctx.cluster, target.resource, namespace, name);
      if (found !== undefined) objects.push(found);
      else if (waitFor.kind !== 'delete')
        return err(kubectlError('notFound', { resource: target.resource.type, name }));
    }
  }
  if (objects.length === 0 && waitFor.kind !== 'delete')
    return err(kubectlError('plain', { message: 'no matching resources found' }));
  return ok(objects);
}

/**
 * One timeout for the whole command, as kubectl shares its context across the resources. Each
 * object met is printed as it was then; a printer's error is not kubectl's concern here (wait
 * exits 0 after a template fails, having printed its debugging text).
 */
function waitOn(
  cluster: Cluster,
  objects: AnyObject[],
  waitFor: WaitFor,
  timeoutMs: number,
  printer: ObjectPrinter,
) {
  const now = cluster.now;
  const deadline = now + timeoutMs;
  let printed = '';
  const output = (): OutputLine[] => (printed === '' ? [] : [stdout(printed.replace(/\n$/, ''))]);
  let clock = now;
  for (const object of objects) {
    const met = metAt(object, clock, deadline, waitFor);
    const resource = RESOURCE_OF[object.kind];
    if (met === null) {
      const timedOut = stderr(
        renderError(kubectlError('waitTimeout', { resource, name: object.metadata.name })),
      );
      return outcome([...output(), timedOut], advance(now, deadline), 1);
    }
    clock = Math.max(clock, met);
    printed += printer(object, { ...cluster, now: clock }).text;
  }
  return outcome(output(), advance(now, clock));
}

const RESOURCE_OF = { Pod: 'pods', Node: 'nodes', Namespace: 'namespaces', Service: 'services' } as const;

/** Pods are searched in time; nodes are always Ready and namespaces Active here. */
function metAt(object: AnyObject, from: number, until: number, waitFor: WaitFor): number | null {
  if (object.kind === 'Pod') return firstHolding(object, from, until, waitFor);
  if (waitFor.kind === 'create') return from;
  const readyNode =
    object.kind === 'Node' &&
    waitFor.kind === 'condition' &&
    waitFor.type.toLowerCase() === 'ready' &&
    waitFor.status;
  return readyNode ? from : null;
}

const advance = (from: number, to: number): Change[] =>
  to > from ? [{ op: 'advanceClock', ms: to - from }] : [];

/** Go's time.ParseDuration (pflag's error text), with kubectl's zero (check once) and negative (a week). */
function parseTimeout(text: string | undefined): Result<number, ReturnType<typeof kubectlError>> {
  if (text === undefined) return ok(DEFAULT_TIMEOUT_MS);
  const parsed = parseGoDuration(text);
  if (!parsed.ok)
    return err(
      kubectlError('invalidFlagValue', {
        value: text,
        flag: '--timeout',
        reason: parsed.error,
        verb: 'wait',
      }),
    );
  return ok(parsed.value < 0 ? FOREVER_MS : Math.round(parsed.value));
}
