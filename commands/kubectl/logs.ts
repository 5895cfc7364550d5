import { podKubelet } from '../../src/cluster/kubelet-route.ts';
import { containerLog, type LogLine, timestamp } from '../../src/cluster/logs.ts';
import type { Cluster, Pod } from '../../src/cluster/model.ts';
import { parseGoDuration } from '../../src/go/duration.ts';
import { kubectlError, renderError } from '../../src/kubectl/errors.ts';
import { flagBool, flagInt, flagString, type ParsedLine } from '../../src/kubectl/flags.ts';
import { namespaceOf } from '../../src/kubectl/namespace.ts';
import { containerIndex, defaultContainer, findPod, parsePodArg } from '../../src/kubectl/pod-ref.ts';
import { listObjects, selectorOf } from '../../src/kubectl/query.ts';
import { resolveResource } from '../../src/kubectl/resources.ts';
import { fromStatus } from '../../src/kubectl/status-error.ts';
import { type KubectlVerb, type OutputLine, outcome, stderr, stdout } from '../../src/kubectl/verb.ts';
import { err, ok } from '../../src/result.ts';

const USAGE = `expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.
POD or TYPE/NAME is a required argument for the logs command`;

export const logs: KubectlVerb = {
  name: 'logs',
  short: 'Print the logs for a container in a pod',
  help: `Print the logs for a container in a pod or specified resource. If the pod has only one container, the container name is optional.

Examples:
  # Return snapshot logs from pod kubia with only one container
  kubectl logs kubia

  # Return snapshot logs from container sidecar of pod kubia
  kubectl logs kubia -c sidecar

  # Return snapshot logs from all containers in pods defined by label app=kubia
  kubectl logs -l app=kubia --all-containers=true

  # Display only the most recent 20 lines of output in pod kubia
  kubectl logs --tail=20 kubia

  # Return snapshot of previous terminated container of pod kubia
  kubectl logs -p kubia

Options:
    --all-containers=false: Get all containers' logs in the pod(s).
    -c, --container='': Print the logs of this container
    -p, --previous=false: If true, print the logs for the previous instance of the container in a pod if it exists.
    --prefix=false: Prefix each log line with the log source (pod name and container name)
    -l, --selector='': Selector (label query) to filter on, supports '=', '==', '!=', 'in', 'notin'.
    --tail=-1: Lines of recent log file to display. Defaults to -1 with no selector, showing all log lines otherwise 10, if a selector is provided.
    --timestamps=false: Include timestamps on each line in the log output

Usage:
  kubectl logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER] [options]`,
  flags: [
    { name: 'container', short: 'c', type: 'string' },
    { name: 'previous', short: 'p', type: 'bool' },
    { name: 'tail', type: 'int' },
    { name: 'selector', short: 'l', type: 'string' },
    { name: 'all-containers', type: 'bool' },
    { name: 'timestamps', type: 'bool' },
    { name: 'prefix', type: 'bool' },
    { name: 'follow', short: 'f', type: 'bool' },
    { name: 'since', type: 'string' },
    { name: 'ignore-errors', type: 'bool' },
    { name: 'max-log-requests', type: 'int' },
  ],
  run(ctx, line) {
    // pflag parses --since as a Duration before the command runs.
    const since = flagString(line, 'since');
    const parsedSince = since === undefined ? null : parseGoDuration(since);
    if (parsedSince !== null && !parsedSince.ok)
      return err(
        kubectlError('invalidFlagValue', {
          value: since ?? '',
          flag: '--since',
          reason: parsedSince.error,
          verb: 'logs',
        }),
      );
    const selectorText = flagString(line, 'selector');
    const bySelector = selectorText !== undefined && selectorText !== '';
    if (line.args.length === 0 && !bySelector)
      return err(kubectlError('usage', { message: USAGE, verb: 'logs' }));
    if (line.args.length === 1 && bySelector)
      return err(
        kubectlError('usage', { message: 'only a selector (-l) or a POD name is allowed', verb: 'logs' }),
      );
    if (line.args.length > 2) return err(kubectlError('usage', { message: USAGE, verb: 'logs' }));
    const namespace = namespaceOf(ctx.cluster, line);
    const container = line.args[1] ?? flagString(line, 'container') ?? '';
    if (flagBool(line, 'all-containers') && container !== '')
      return err(kubectlError('plain', { message: '--container cannot be used with --all-containers' }));
    if (bySelector) {
      const selector = selectorOf(line, 'pods');
      if (!selector.ok) return selector;
      const pods = listObjects(ctx.cluster, podsResource(), namespace, selector.value) as Pod[];
      if (pods.length === 0) return ok(outcome([stderr(`No resources found in ${namespace} namespace.`)]));
      // With a selector kubectl shows the last 10 lines of each container unless told otherwise.
      const each = pods.map((pod) => podLogs(pod, container, line, ctx.cluster, 10));
      return ok(
        outcome(
          each.flatMap((r) => r.output),
          [],
          each.some((r) => r.failed) ? 1 : 0,
        ),
      );
    }
    const arg = parsePodArg(line.args[0] ?? '', { cluster: ctx.cluster, namespace }, 'logs');
    if (!arg.ok) return arg;
    const pod = findPod(ctx.cluster, namespace, arg.value);
    if (pod === undefined)
      return err(kubectlError('logsNotFound', { resource: 'pods', name: arg.value, namespace }));
    const { output, failed } = podLogs(pod, container, line, ctx.cluster, -1);
    return ok(outcome(output, [], failed ? 1 : 0));
  },
};

const podsResource = () => {
  const pods = resolveResource('pods');
  if (pods === undefined) throw new Error('the pods resource is always known');
  return pods;
};

/** One pod's logs: the chosen container (or all of them), cut to --tail, optionally stamped. */
function podLogs(
  pod: Pod,
  container: string,
  line: ParsedLine,
  cluster: Pick<Cluster, 'now' | 'nodes'>,
  defaultTail: number,
): { output: OutputLine[]; failed: boolean } {
  const now = cluster.now;
  const output: OutputLine[] = [];
  let failed = false;
  let indexes: number[];
  if (flagBool(line, 'all-containers')) indexes = pod.spec.containers.map((_c, i) => i);
  else if (container !== '') {
    const index = containerIndex(pod, container);
    if (index === -1) {
      const error = renderError(kubectlError('containerNotValid', { container, pod: pod.metadata.name }));
      return { output: [stderr(error)], failed: true };
    }
    indexes = [index];
  } else {
    const chosen = defaultContainer(pod);
    if (chosen.note !== null) output.push(stderr(chosen.note));
    indexes = [chosen.index];
  }
  const kubelet = podKubelet(pod, cluster);
  if (!kubelet.ok)
    return { output: [...output, stderr(renderError(fromStatus(kubelet.error)))], failed: true };
  const tail = flagInt(line, 'tail') ?? defaultTail;
  for (const index of indexes) {
    const log = containerLog(pod, index, now, flagBool(line, 'previous'));
    if (!log.ok) {
      output.push(stderr(renderError(kubectlError('badRequest', { message: log.message }))));
      failed = true;
      continue;
    }
    // --since: the kubelet keeps lines newer than sinceSeconds (kubectl rounds up to a second),
    // and --tail applies to what is left.
    const since = sinceMs(line);
    const recent =
      since > 0 ? log.lines.filter((l) => l.at >= now - Math.ceil(since / 1000) * 1000) : log.lines;
    const shown = tail >= 0 ? recent.slice(Math.max(0, recent.length - tail)) : recent;
    const name = pod.spec.containers[index]?.name ?? '';
    output.push(...shown.map((l) => stdout(render(l, line, `[pod/${pod.metadata.name}/${name}] `))));
  }
  return { output, failed };
}

function render(l: LogLine, line: ParsedLine, prefix: string): string {
  const stamped = flagBool(line, 'timestamps') ? `${timestamp(l.at)} ${l.text}` : l.text;
  return flagBool(line, 'prefix') ? `${prefix}${stamped}` : stamped;
}

/** `--since`, already checked in run(): 0 when absent. */
function sinceMs(line: ParsedLine): number {
  const text = flagString(line, 'since');
  if (text === undefined) return 0;
  const parsed = parseGoDuration(text);
  return parsed.ok ? parsed.value : 0;
}
