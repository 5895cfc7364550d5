import type { Change } from '../../src/cluster/changes.ts';
import { podStatus } from '../../src/cluster/lifecycle.ts';
import type { Pod, PortForward } from '../../src/cluster/model.ts';
import { openForward, staleForwards } from '../../src/cluster/network.ts';
import { kubectlError, renderError } from '../../src/kubectl/errors.ts';
import { flagList } from '../../src/kubectl/flags.ts';
import { namespaceOf } from '../../src/kubectl/namespace.ts';
import { findPod, parsePodArg } from '../../src/kubectl/pod-ref.ts';
import { type KubectlVerb, type OutputLine, outcome, stderr, stdout } from '../../src/kubectl/verb.ts';
import { err, ok, type Result } from '../../src/result.ts';

/**
 * `kubectl port-forward` opens listeners on the member's own computer (127.0.0.1 and ::1) that
 * carry connections into the pod. Here the command returns at once and the forward stays open
 * in the sandbox until its pod goes away; `curl localhost:PORT` in chat goes through it.
 */
export const portForward: KubectlVerb = {
  name: 'port-forward',
  short: 'Forward one or more local ports to a pod',
  help: `Forward one or more local ports to a pod.

Examples:
  # Listen on port 8888 locally, forwarding to 8080 in the pod
  kubectl port-forward kubia 8888:8080

  # Listen on ports 5000 and 6000 locally, forwarding data to/from ports 5000 and 6000 in the pod
  kubectl port-forward pod/kubia 5000 6000

  # Listen on a random port locally, forwarding to 8080 in the pod
  kubectl port-forward pod/kubia :8080

  # Then, from your own machine (type it in this chat):
  curl localhost:8888

Options:
    --address=[localhost]: Addresses to listen on (comma separated). Only accepts IP addresses or localhost as a value. When localhost is supplied, kubectl will try to bind on both 127.0.0.1 and ::1 and will fail if neither of these addresses are available to bind.
    --pod-running-timeout=1m0s: The length of time (like 5s, 2m, or 3h, higher than zero) to wait until at least one pod is running

Usage:
  kubectl port-forward TYPE/NAME [options] [LOCAL_PORT:]REMOTE_PORT [...[LOCAL_PORT_N:]REMOTE_PORT_N]`,
  flags: [
    { name: 'address', type: 'list' },
    { name: 'pod-running-timeout', type: 'string' },
  ],
  run(ctx, line) {
    if (line.args.length < 2) {
      return err(
        kubectlError('usage', {
          message: 'TYPE/NAME and list of ports are required for port-forward',
          verb: 'port-forward',
        }),
      );
    }
    const arg = parsePodArg(line.args[0] ?? '', {
      cluster: ctx.cluster,
      namespace: namespaceOf(ctx.cluster, line),
    });
    if (!arg.ok) return arg;
    const name = arg.value;
    const pod = findPod(ctx.cluster, namespaceOf(ctx.cluster, line), name);
    if (pod === undefined) return err(kubectlError('notFound', { resource: 'pods', name }));
    const specs = line.args.slice(1).map((spec) => numberNamedPort(pod, spec));
    const bad = specs.find((s) => !s.ok);
    if (bad !== undefined && !bad.ok) return bad;
    const phase = podStatus(pod, ctx.cluster.now).phase;
    if (phase !== 'Running') return err(kubectlError('podNotRunning', { phase }));
    const ports = parsePorts(specs.flatMap((s) => (s.ok ? [s.value] : [])));
    if (!ports.ok) return ports;
    return ok(listen(ctx.cluster, pod, ports.value, flagList(line, 'address'), ctx.ids.hex(4)));
  },
};

/** A named remote port (`8888:http`) becomes the container port of that name. */
function numberNamedPort(pod: Pod, spec: string): Result<string, ReturnType<typeof kubectlError>> {
  const colon = spec.indexOf(':');
  const remote = colon === -1 ? spec : spec.slice(colon + 1);
  if (/^\d+$/.test(remote) || remote.includes(':')) return ok(spec);
  const port = pod.spec.containers.flatMap((c) => c.ports).find((p) => p.name === remote);
  if (port === undefined)
    return err(
      kubectlError('plain', { message: `Pod '${pod.metadata.name}' does not have a named port '${remote}'` }),
    );
  return ok(
    colon === -1
      ? `${port.containerPort}:${port.containerPort}`
      : `${spec.slice(0, colon)}:${port.containerPort}`,
  );
}

interface Ports {
  local: number;
  remote: number;
}

/** client-go portforward.parsePorts: `L:R`, `R` (same both sides) or `:R` (a random local port). */
function parsePorts(specs: readonly string[]): Result<Ports[], ReturnType<typeof kubectlError>> {
  const out: Ports[] = [];
  for (const spec of specs) {
    const parts = spec.split(':');
    if (parts.length > 2) return err(kubectlError('plain', { message: `invalid port format '${spec}'` }));
    const localText = parts.length === 1 ? (parts[0] ?? '') : parts[0] || '0';
    const remoteText = parts.length === 1 ? (parts[0] ?? '') : (parts[1] ?? '');
    const local = uint16(localText, 'local');
    if (!local.ok) return local;
    const remote = uint16(remoteText, 'remote');
    if (!remote.ok) return remote;
    if (remote.value === 0) return err(kubectlError('plain', { message: 'remote port must be > 0' }));
    out.push({ local: local.value, remote: remote.value });
  }
  return ok(out);
}

function uint16(text: string, side: string): Result<number, ReturnType<typeof kubectlError>> {
  const reason = !/^\d+$/.test(text) ? 'invalid syntax' : Number(text) > 65535 ? 'value out of range' : null;
  if (reason === null) return ok(Number(text));
  return err(
    kubectlError('plain', {
      message: `error parsing ${side} port '${text}': strconv.ParseUint: parsing "${text}": ${reason}`,
    }),
  );
}

function listen(
  cluster: Parameters<typeof openForward>[0],
  pod: Pod,
  ports: Ports[],
  addresses: string[],
  randomHex: string,
) {
  const output: OutputLine[] = [];
  const changes: Change[] = staleForwards(cluster).map((f) => ({
    op: 'deleteForward',
    localPort: f.localPort,
  }));
  const taken = new Set(
    cluster.forwards.filter((f) => openForward(cluster, f.localPort)).map((f) => f.localPort),
  );
  const binds = bindAddresses(addresses);
  for (const port of ports) {
    // A random port comes from the ephemeral range, as the kernel hands it out.
    const local = port.local === 0 ? 32768 + (Number.parseInt(randomHex, 16) % 28000) : port.local;
    if (taken.has(local)) {
      const failures = binds.map(
        ([family, shown]) =>
          `unable to create listener: Error listen ${family} ${shown}:${local}: bind: address already in use`,
      );
      output.push(
        stderr(
          `Unable to listen on port ${local}: Listeners failed to create with the following errors: [${failures.join(' ')}]`,
        ),
      );
      continue;
    }
    taken.add(local);
    for (const [, shown] of binds) output.push(stdout(`Forwarding from ${shown}:${local} -> ${port.remote}`));
    const forward: PortForward = {
      localPort: local,
      namespace: pod.metadata.namespace,
      pod: pod.metadata.name,
      podUid: pod.metadata.uid,
      podPort: port.remote,
    };
    changes.push({ op: 'putForward', forward });
  }
  if (!changes.some((c) => c.op === 'putForward')) {
    const requested = ports.map((p) => `{${p.local} ${p.remote}}`).join(' ');
    const error = renderError(
      kubectlError('plain', { message: `unable to listen on any of the requested ports: [${requested}]` }),
    );
    return outcome([...output, stderr(error)], [], 1);
  }
  return outcome(output, changes);
}

/** `localhost` means both loopbacks; otherwise each given IP. */
function bindAddresses(addresses: string[]): [string, string][] {
  const list = addresses.length === 0 ? ['localhost'] : addresses;
  return list.flatMap((a): [string, string][] => {
    if (a === 'localhost')
      return [
        ['tcp4', '127.0.0.1'],
        ['tcp6', '[::1]'],
      ];
    return a.includes(':') ? [['tcp6', `[${a}]`]] : [['tcp4', a]];
  });
}
