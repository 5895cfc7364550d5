import { execInContainer } from '../../src/cluster/exec.ts';
import { podKubelet } from '../../src/cluster/kubelet-route.ts';
import { podStatus } from '../../src/cluster/lifecycle.ts';
import { toLines } from '../../src/cluster/screen.ts';
import { kubectlError, renderError } from '../../src/kubectl/errors.ts';
import { flagBool, flagString } from '../../src/kubectl/flags.ts';
import { namespaceOf } from '../../src/kubectl/namespace.ts';
import { containerIndex, defaultContainer, findPod, parsePodArg } from '../../src/kubectl/pod-ref.ts';
import { fromStatus } from '../../src/kubectl/status-error.ts';
import { type KubectlVerb, type OutputLine, outcome, stderr } from '../../src/kubectl/verb.ts';
import { err, ok } from '../../src/result.ts';

export const exec: KubectlVerb = {
  name: 'exec',
  short: 'Execute a command in a container',
  help: `Execute a command in a container.

Examples:
  # Get output from running the 'hostname' command in pod kubia, using the first container by default
  kubectl exec kubia -- hostname

  # Call the pod's own server over localhost, without curl's progress meter
  kubectl exec kubia -- curl -s localhost:8080

  # Run a command in a chosen container of a multi-container pod
  kubectl exec kubia -c sidecar -- wget -qO- localhost:8080

  # Run a small shell script
  kubectl exec kubia -- sh -c 'echo $HOSTNAME; cat /etc/hosts'

Options:
    -c, --container='': Container name. If omitted, use the kubectl.kubernetes.io/default-container annotation for selecting the container to be attached or the first container in the pod will be chosen
    -q, --quiet=false: Only print output from the remote session
    -i, --stdin=false: Pass stdin to the container
    -t, --tty=false: Stdin is a TTY

Usage:
  kubectl exec (POD | TYPE/NAME) [-c CONTAINER] [flags] -- COMMAND [args...] [options]`,
  flags: [
    { name: 'container', short: 'c', type: 'string' },
    { name: 'stdin', short: 'i', type: 'bool' },
    { name: 'tty', short: 't', type: 'bool' },
    { name: 'quiet', short: 'q', type: 'bool' },
    { name: 'filename', short: 'f', type: 'list' },
    { name: 'pod-running-timeout', type: 'string' },
  ],
  run(ctx, line) {
    const command = line.afterDash ?? [];
    if (line.args.length === 0)
      return err(kubectlError('plain', { message: 'pod, type/name or --filename must be specified' }));
    if (line.afterDash === null && line.args.length > 1) {
      return err(
        kubectlError('usage', {
          message: 'exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead',
          verb: 'exec',
        }),
      );
    }
    if (command.length === 0)
      return err(
        kubectlError('plain', { message: 'you must specify at least one command for the container' }),
      );
    const arg = parsePodArg(line.args[0] ?? '', {
      cluster: ctx.cluster,
      namespace: namespaceOf(ctx.cluster, line),
    });
    if (!arg.ok) return arg;
    const name = arg.value;
    const pod = findPod(ctx.cluster, namespaceOf(ctx.cluster, line), name);
    if (pod === undefined) return err(kubectlError('notFound', { resource: 'pods', name }));
    const now = ctx.cluster.now;
    const status = podStatus(pod, now);
    if (status.phase === 'Succeeded' || status.phase === 'Failed')
      return err(kubectlError('execCompleted', { phase: status.phase }));
    const output: OutputLine[] = [];
    const fail = (text: string) => ok(outcome([...output, stderr(text)], [], 1));
    const requested = flagString(line, 'container');
    let index: number;
    if (requested === undefined || requested === '') {
      const chosen = defaultContainer(pod);
      if (chosen.note !== null && !flagBool(line, 'quiet')) output.push(stderr(chosen.note));
      index = chosen.index;
    } else {
      index = containerIndex(pod, requested);
      if (index === -1)
        return err(
          kubectlError('badRequest', { message: `container ${requested} is not valid for pod ${name}` }),
        );
    }
    const kubelet = podKubelet(pod, ctx.cluster);
    if (!kubelet.ok) return fail(renderError(fromStatus(kubelet.error)));
    if (kubelet.value === null || !status.scheduled)
      return fail(
        renderError(kubectlError('badRequest', { message: `pod ${name} does not have a host assigned` })),
      );
    const containerName = pod.spec.containers[index]?.name ?? '';
    if (status.containers[index]?.state.kind !== 'running')
      return fail(renderError(kubectlError('containerNotFound', { container: containerName })));
    const tty = flagBool(line, 'tty');
    const ran = execInContainer(
      { cluster: ctx.cluster, pod, index, tty, stdin: flagBool(line, 'stdin') ? ctx.stdin : null },
      command,
    );
    output.push(...toLines(ran.chunks));
    if (ran.exitCode !== 0)
      output.push(stderr(renderError(kubectlError('commandTerminated', { code: ran.exitCode }))));
    const done = { ...outcome(output, ran.changes, ran.exitCode), capNotes: ran.notes ?? [] };
    if (ran.exitCode === 0 && ctx.stdin === null && flagBool(line, 'stdin') && isBareShell(command))
      return ok({ ...done, interactive: { verb: 'exec', pod: name } });
    return ok(done);
  },
};

/** `sh`, `/bin/bash`...: with -i and nothing to read, a shell waits for a person at a terminal. */
function isBareShell(command: readonly string[]): boolean {
  const program = (command[0] ?? '').split('/').pop() ?? '';
  return ['sh', 'bash', 'ash', 'dash', 'zsh'].includes(program) && !command.includes('-c');
}
