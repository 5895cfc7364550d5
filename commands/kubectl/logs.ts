import { podKubelet } from '../../src/cluster/kubelet-route.ts';
import { servedLog } from '../../src/cluster/log-options.ts';
import { containerLog } from '../../src/cluster/logs.ts';
import type { Cluster, Pod } from '../../src/cluster/model.ts';
import { kubectlError, renderError } from '../../src/kubectl/errors.ts';
import { flagBool, flagString, type ParsedLine } from '../../src/kubectl/flags.ts';
import {
  LOG_REQUEST_FLAGS,
  type LogRequest,
  logDurationError,
  logRequestOf,
  logValidationError,
} from '../../src/kubectl/log-flags.ts';
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
    { name: 'ignore-errors', type: 'bool' },
    ...LOG_REQUEST_FLAGS,
    { name: 'max-log-requests', type: 'int' },
  ],
  run(ctx, line) {
    const duration = logDurationError(line);
    if (duration !== null) return err(duration);
    const selectorText = flagString(line, 'selector');
    const bySelector = selectorText !== undefined && selectorText !== '';
    if (line.args.length === 0 && !bySelector)
      return err(kubectlError('usage', { message: USAGE, verb: 'logs' }));
    if (line.args.length === 1 && bySelector)
      return err(
        kubectlError('usage', { message: 'only a selector (-l) or a POD name is allowed', verb: 'logs' }),
      );
    if (line.args.length > 2) return err(kubectlError('usage', { message: USAGE, verb: 'logs' }));
    const request = logRequestOf(line);
    if (!request.ok) return request;
    const namespace = namespaceOf(ctx.cluster, line);
    const container = line.args[1] ?? flagString(line, 'container') ?? '';
    const invalid = logValidationError(line, container);
    if (bySelector) {
      const selector = selectorOf(line, 'pods');
      if (!selector.ok) return selector;
      const pods = listObjects(ctx.cluster, podsResource(), namespace, selector.value) as Pod[];
      // Complete says it found none; Validate still has its say.
      const none = stderr(`No resources found in ${namespace} namespace.`);
      if (pods.length === 0)
        return ok(invalid === null ? outcome([none]) : outcome([none, stderr(renderError(invalid))], [], 1));
      if (invalid !== null) return err(invalid);
      // With a selector kubectl shows the last 10 lines of each container unless told otherwise.
      const each = pods.map((pod) => podLogs(pod, container, line, ctx.cluster, request.value, 10));
      return ok(outcome(streamed(each.flatMap((r) => r.pieces)), [], each.some((r) => r.failed) ? 1 : 0));
    }
    const arg = parsePodArg(line.args[0] ?? '', { cluster: ctx.cluster, namespace }, 'logs');
    if (!arg.ok) return arg;
    const pod = findPod(ctx.cluster, namespace, arg.value);
    if (pod === undefined)
      return err(kubectlError('logsNotFound', { resource: 'pods', name: arg.value, namespace }));
    if (invalid !== null) return err(invalid);
    const { pieces, failed } = podLogs(pod, container, line, ctx.cluster, request.value, -1);
    return ok(outcome(streamed(pieces), [], failed ? 1 : 0));
  },
};

const podsResource = () => {
  const pods = resolveResource('pods');
  if (pods === undefined) throw new Error('the pods resource is always known');
  return pods;
};

/** What kubectl writes, in order: stdout text (newlines its own) or a stderr line. */
type Piece = { stderr: boolean; text: string };

/**
 * One pod's logs: the chosen container (or all of them), as the kubelet cuts them (log-options.ts),
 * each line (and a last line cut short by --limit-bytes) prefixed when asked.
 */
function podLogs(
  pod: Pod,
  container: string,
  line: ParsedLine,
  cluster: Pick<Cluster, 'now' | 'nodes'>,
  request: LogRequest,
  defaultTail: number,
): { pieces: Piece[]; failed: boolean } {
  const now = cluster.now;
  const pieces: Piece[] = [];
  let failed = false;
  let indexes: number[];
  if (flagBool(line, 'all-containers')) indexes = pod.spec.containers.map((_c, i) => i);
  else if (container !== '') {
    const index = containerIndex(pod, container);
    if (index === -1) {
      const error = renderError(kubectlError('containerNotValid', { container, pod: pod.metadata.name }));
      return { pieces: [{ stderr: true, text: error }], failed: true };
    }
    indexes = [index];
  } else {
    const chosen = defaultContainer(pod);
    if (chosen.note !== null) pieces.push({ stderr: true, text: chosen.note });
    indexes = [chosen.index];
  }
  // The API server asks the pod's node for its kubelet (kubelet-route.ts).
  const kubelet = podKubelet(pod, cluster);
  if (!kubelet.ok)
    return {
      pieces: [...pieces, { stderr: true, text: renderError(fromStatus(kubelet.error)) }],
      failed: true,
    };
  const tailLines = request.tailLines ?? defaultTail;
  for (const index of indexes) {
    const log = containerLog(pod, index, now, flagBool(line, 'previous'));
    if (!log.ok) {
      pieces.push({ stderr: true, text: renderError(kubectlError('badRequest', { message: log.message })) });
      failed = true;
      continue;
    }
    const text = servedLog(log.lines, now, Object.assign({}, request.options, { tailLines }));
    const name = pod.spec.containers[index]?.name ?? '';
    const prefix = request.prefix ? `[pod/${pod.metadata.name}/${name}] ` : '';
    // kubectl reads the stream line by line and prefixes each piece it reads.
    pieces.push({ stderr: false, text: prefix === '' ? text : text.replace(/^(?=.)/gms, prefix) });
  }
  return { pieces, failed };
}

/** The pieces as output lines: stdout runs joined (a cut line runs into what follows), one newline dropped. */
function streamed(pieces: readonly Piece[]): OutputLine[] {
  const lines: OutputLine[] = [];
  let text = '';
  const flush = () => {
    if (text !== '') lines.push(stdout(text.endsWith('\n') ? text.slice(0, -1) : text));
    text = '';
  };
  for (const piece of pieces) {
    if (!piece.stderr) {
      text += piece.text;
      continue;
    }
    flush();
    lines.push(stderr(piece.text));
  }
  flush();
  return lines;
}
