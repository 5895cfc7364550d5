import { type ContainerStatus, podStatus, statusColumn } from '../cluster/lifecycle.ts';
import type { Cluster, Pod } from '../cluster/model.ts';
import { connect } from '../cluster/network.ts';
import type { Scope } from './check-pods.ts';
import { fact, findPod, NONE, names, noPod, onPod, result } from './facts.ts';
import type { CheckResult } from './model.ts';

/**
 * Check kinds about the pod network of the notes: containers of one pod share `localhost`, pods
 * reach each other by pod IP on a flat network, and a port-forward brings a pod's port to the
 * member's machine. Requests a pod served are kept with it (for its log), so "A talked to B" is a
 * fact of the sandbox, not of the commands typed.
 */
const running = (c: ContainerStatus | undefined): boolean => c?.state.kind === 'running';

/** Ports a running container of the pod is bound to (a crashed one holds none). */
function boundPorts(pod: Pod, now: number): number[] {
  return podStatus(pod, now).containers.flatMap((c) => (running(c) ? c.plan.listens : []));
}

const containerRef = (pod: Pod | undefined, index: number): string => {
  const name = pod?.spec.containers[index]?.name;
  return name === undefined ? `#${index + 1}` : `#${index + 1} (${name})`;
};

const stateOf = (c: ContainerStatus | undefined): string =>
  c === undefined ? NONE : c.state.kind === 'running' ? 'Running' : c.state.reason;

/** Where a connection from `origin` to `address:port` lands, asked of the simulated network. */
function landsIn(cluster: Cluster, origin: Pod, address: string, port: number) {
  const connection = connect(cluster, { kind: 'pod', pod: origin }, address, port);
  return connection.kind === 'open' ? connection : undefined;
}

/**
 * Some container of the pod listens on `localhost:port`, and another running container of the same
 * pod can reach it there. Which container serves is found by asking the network who answers, not
 * by the order of `spec.containers`: a pod whose sidecar is listed first is just as right.
 */
export function localhostReach(cluster: Cluster, p: Scope & { pod: string; port: number }): CheckResult {
  const expected = fact('lab.fact.localhostAny', { pod: p.pod, port: p.port });
  const pod = findPod(cluster, p.namespace, p.pod);
  if (pod === undefined) return result(false, expected, noPod(p.namespace, p.pod));
  const status = podStatus(pod, cluster.now);
  const reached = landsIn(cluster, pod, '127.0.0.1', p.port)?.container.name;
  const serverIndex = pod.spec.containers.findIndex((c) => c.name === reached);
  const clients = pod.spec.containers.flatMap((_c, i) =>
    i !== serverIndex && running(status.containers[i]) ? [containerRef(pod, i)] : [],
  );
  const actual = fact('lab.fact.localhostFound', {
    port: p.port,
    server: serverIndex < 0 ? NONE : containerRef(pod, serverIndex),
    clients: clients.length === 0 ? NONE : clients.join(', '),
    states: pod.spec.containers
      .map((_, i) => `${containerRef(pod, i)} ${stateOf(status.containers[i])}`)
      .join(', '),
  });
  return result(serverIndex >= 0 && clients.length > 0, expected, actual);
}

/** Pod `from` opens `to`'s pod IP on `port`: it is up, and something in `to` listens there. */
export function podReaches(
  cluster: Cluster,
  p: Scope & { from: string; to: string; port: number },
): CheckResult {
  const expected = fact('lab.fact.reaches', { from: p.from, to: p.to, port: p.port });
  const from = findPod(cluster, p.namespace, p.from);
  if (from === undefined) return result(false, expected, noPod(p.namespace, p.from));
  const to = findPod(cluster, p.namespace, p.to);
  if (to === undefined) return result(false, expected, noPod(p.namespace, p.to));
  const fromStatus = podStatus(from, cluster.now);
  if (!fromStatus.containers.some(running)) {
    return result(false, expected, fact('lab.fact.notUp', { pod: p.from, status: statusColumn(fromStatus) }));
  }
  const ip = to.sim.podIP ?? NONE;
  const reached = to.sim.podIP === undefined ? undefined : landsIn(cluster, from, to.sim.podIP, p.port);
  if (reached?.pod.metadata.uid !== to.metadata.uid) {
    const ports = boundPorts(to, cluster.now);
    const listens = ports.length === 0 ? NONE : ports.join(', ');
    return result(false, expected, fact('lab.fact.refused', { pod: p.to, ip, port: p.port, listens }));
  }
  return result(true, expected, fact('lab.fact.answers', { from: p.from, to: p.to, ip, port: p.port }));
}

/** Where the requests a pod served came from, as its log prints them. */
const servedList = (pod: Pod) =>
  fact('lab.fact.servedList', {
    pod: pod.metadata.name,
    sources: names([...new Set(pod.sim.requests.map((r) => r.from))]),
  });

/** Node.js servers print IPv4 callers as IPv4-mapped IPv6 (`::ffff:10.244.1.5`): the same caller. */
const ipv4Of = (address: string): string => address.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, '');

/** The pod served a request whose source is pod `from`'s IP (it shows in the pod's log). */
export function servedFromPod(cluster: Cluster, p: Scope & { pod: string; from: string }): CheckResult {
  const client = findPod(cluster, p.namespace, p.from);
  const source = `${p.from} (${client?.sim.podIP ?? NONE})`;
  const expected = fact('lab.fact.served', { pod: p.pod, from: source });
  if (client === undefined) return result(false, expected, noPod(p.namespace, p.from));
  return onPod(cluster, p, expected, (pod) => ({
    passed: pod.sim.requests.some((r) => ipv4Of(r.from) === client.sim.podIP),
    actual: servedList(pod),
  }));
}

/** A port-forwarded connection arrives from the pod's own loopback, as kubelet's socat makes it. */
const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

export function servedThroughForward(cluster: Cluster, p: Scope & { pod: string }): CheckResult {
  const expected = fact('lab.fact.served', { pod: p.pod, from: 'port-forward (127.0.0.1)' });
  return onPod(cluster, p, expected, (pod) => ({
    passed: pod.sim.requests.some((r) => LOOPBACK.has(r.from)),
    actual: servedList(pod),
  }));
}

/** `kubectl port-forward POD local:remote` is open, to this very pod (not an earlier one of that name). */
export function portForwardOpen(
  cluster: Cluster,
  p: Scope & { pod: string; localPort: number; podPort: number },
): CheckResult {
  const expected = fact('lab.fact.forward', { local: p.localPort, pod: p.pod, port: p.podPort });
  const pod = findPod(cluster, p.namespace, p.pod);
  const open = cluster.forwards.map((f) => `${f.localPort} -> ${f.pod}:${f.podPort}`);
  const actual = fact('lab.fact.forwards', { forwards: open.length === 0 ? NONE : open.join(', ') });
  const passed = cluster.forwards.some(
    (f) =>
      f.localPort === p.localPort &&
      f.namespace === p.namespace &&
      f.pod === p.pod &&
      f.podPort === p.podPort &&
      f.podUid === pod?.metadata.uid,
  );
  return result(passed, expected, actual);
}
