import type { Change } from './changes.ts';
import { findImage, type ImageSpec } from './images.ts';
import { podStatus } from './lifecycle.ts';
import { LIMITS } from './limits.ts';
import type { Cluster, Container, Pod, PortForward } from './model.ts';
import { planProcess } from './process.ts';

/**
 * The pod network, as the notes teach it: every pod has its own IP; the containers of a pod share
 * it, its hostname and its port space (one network namespace), so `localhost` reaches the pod's
 * other containers and nothing else; any pod reaches any other pod's IP directly (a flat network,
 * no NAT: the server sees the caller's pod IP). The member's own computer is outside that network:
 * it reaches a pod only through a `kubectl port-forward`.
 */
export type Origin = { kind: 'pod'; pod: Pod } | { kind: 'machine' };

export type Connection =
  | { kind: 'open'; pod: Pod; container: Container; image: ImageSpec; port: number; peer: string }
  /** Nothing listens there: the kernel answers RST. */
  | { kind: 'refused' }
  /** The address is in a node's pod range but no pod has it: ARP fails, ICMP host unreachable. */
  | { kind: 'unreachable' }
  /** Nobody answers at all; the SYN is dropped. */
  | { kind: 'timeout' }
  /** A port-forward accepted the connection but could not reach the port in the pod. */
  | { kind: 'dropped' };

export const isIPv4 = (text: string): boolean =>
  /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.test(text) &&
  text.split('.').every((part) => Number(part) <= 255);

const isLoopback = (address: string): boolean => address === '::1' || address.startsWith('127.');

/**
 * A host name as the origin's resolver answers it: /etc/hosts first (kubelet writes the pod's own
 * name there), and no cluster DNS for bare pod names, which only Services get. `localhost` has
 * both loopback addresses; IPv6 first, as glibc sorts them.
 */
export function resolveHost(origin: Origin, host: string): string[] | null {
  const name = host.toLowerCase().replace(/^\[(.*)\]$/, '$1');
  if (isIPv4(name) || name === '::1') return [name];
  if (name === 'localhost') return ['::1', '127.0.0.1'];
  if (name === 'ip6-localhost' || name === 'ip6-loopback') return ['::1'];
  if (origin.kind === 'pod' && name === origin.pod.metadata.name && origin.pod.sim.podIP !== undefined)
    return [origin.pod.sim.podIP];
  return null;
}

/** Opens a TCP connection from `origin` to `address:port` at the sandbox's `now`. */
export function connect(cluster: Cluster, origin: Origin, address: string, port: number): Connection {
  if (origin.kind === 'machine') return fromMachine(cluster, address, port);
  const self = origin.pod;
  const peer = isLoopback(address) ? address : (self.sim.podIP ?? '');
  if (isLoopback(address) || address === self.sim.podIP)
    return openIn(namespaceMates(cluster, self), port, cluster.now, peer);
  const target = cluster.pods.find((p) => p.spec.hostNetwork !== true && p.sim.podIP === address);
  if (target !== undefined) {
    if (!hasSandbox(target, cluster.now)) return { kind: 'unreachable' };
    return open(target, port, cluster.now, peer);
  }
  const node = cluster.nodes.find((n) => n.status.internalIP === address);
  // A node answers on its own address: its host-network pods, or a refusal.
  if (node !== undefined) return openIn(hostPods(cluster, node.metadata.name), port, cluster.now, peer);
  if (cluster.nodes.some((n) => inCIDR(address, n.spec.podCIDR))) return { kind: 'unreachable' };
  return { kind: 'timeout' };
}

/** The pods in the same network namespace: the pod itself, or every host-network pod of its node. */
function namespaceMates(cluster: Cluster, pod: Pod): Pod[] {
  return pod.spec.hostNetwork === true && pod.spec.nodeName !== undefined
    ? hostPods(cluster, pod.spec.nodeName)
    : [pod];
}

const hostPods = (cluster: Cluster, nodeName: string): Pod[] =>
  cluster.pods.filter((p) => p.spec.hostNetwork === true && p.spec.nodeName === nodeName);

function openIn(pods: readonly Pod[], port: number, now: number, peer: string): Connection {
  for (const pod of pods) {
    const c = open(pod, port, now, peer);
    if (c.kind === 'open') return c;
  }
  return { kind: 'refused' };
}

/**
 * The member's computer: loopback ports are the port-forwards they opened (kubectl listens on
 * 127.0.0.1 and ::1), and the kubelet dials the pod's port from inside the pod as 127.0.0.1.
 * Pod IPs are not routable from outside the cluster: the packets go nowhere.
 */
function fromMachine(cluster: Cluster, address: string, port: number): Connection {
  if (!isLoopback(address)) return { kind: 'timeout' };
  const forward = openForward(cluster, port);
  if (forward === undefined) return { kind: 'refused' };
  const pod = cluster.pods.find((p) => p.metadata.uid === forward.podUid);
  if (pod === undefined) return { kind: 'refused' };
  const inside = open(pod, forward.podPort, cluster.now, '127.0.0.1');
  return inside.kind === 'open' ? inside : { kind: 'dropped' };
}

/** A forward is open while its pod (that very pod, by uid) still exists. */
export function openForward(cluster: Pick<Cluster, 'forwards' | 'pods'>, localPort: number) {
  return cluster.forwards.find(
    (f) => f.localPort === localPort && cluster.pods.some((p) => p.metadata.uid === f.podUid),
  );
}

/** Forwards whose pod is gone (deleted, or deleted and recreated under the same name). */
export const staleForwards = (cluster: Pick<Cluster, 'forwards' | 'pods'>): PortForward[] =>
  cluster.forwards.filter((f) => !cluster.pods.some((p) => p.metadata.uid === f.podUid));

function open(pod: Pod, port: number, now: number, peer: string): Connection {
  const found = listenerOf(pod, port, now);
  if (found === undefined) return { kind: 'refused' };
  return { kind: 'open', pod, container: found.container, image: found.image, port, peer };
}

/** The running container of the pod whose process listens on `port`, if any. */
export function listenerOf(pod: Pod, port: number, now: number) {
  const status = podStatus(pod, now);
  for (const [index, container] of pod.spec.containers.entries()) {
    if (status.containers[index]?.state.kind !== 'running') continue;
    if (!planProcess(pod, index).listens.includes(port)) continue;
    const image = findImage(container.image);
    if (image !== undefined) return { container, image, index };
  }
  return undefined;
}

/** The pod's network namespace exists from scheduling until its containers are gone for good. */
function hasSandbox(pod: Pod, now: number): boolean {
  const phase = podStatus(pod, now).phase;
  return (
    pod.sim.scheduledAt !== undefined &&
    pod.sim.scheduledAt <= now &&
    phase !== 'Succeeded' &&
    phase !== 'Failed'
  );
}

function inCIDR(address: string, cidr: string): boolean {
  const [base, bits] = cidr.split('/');
  if (base === undefined || !isIPv4(address)) return false;
  const mask = bits === undefined ? 32 : Number(bits);
  const toInt = (ip: string) => ip.split('.').reduce((n, part) => n * 256 + Number(part), 0);
  const span = 2 ** (32 - mask);
  return Math.floor(toInt(address) / span) === Math.floor(toInt(base) / span);
}

export interface HttpResponse {
  status: number;
  reason: string;
  headers: [string, string][];
  body: string;
}

export interface Served {
  /** null: the process speaks no HTTP and closes the connection (curl: empty reply). */
  response: HttpResponse | null;
  changes: Change[];
}

/**
 * The server side of one HTTP request: the image's answer, and the request recorded on the pod
 * so its log shows it. `from` is the peer as the server process prints it: Node.js listens on
 * `::` and so sees IPv4 callers as IPv4-mapped IPv6 (`::ffff:10.244.1.5`); nginx prints IPv4.
 */
export function serve(
  cluster: Cluster,
  connection: Extract<Connection, { kind: 'open' }>,
  method: string,
): Served {
  const { pod, container, image, port, peer } = connection;
  if (image.httpBody === undefined) return { response: null, changes: [] };
  const current = cluster.pods.find((p) => p.metadata.uid === pod.metadata.uid) ?? pod;
  const from = DUAL_STACK_LOGGERS.has(image.repository) && isIPv4(peer) ? `::ffff:${peer}` : peer;
  const request = { container: container.name, at: cluster.now, from, port };
  const kept = current.sim.requests.slice(1 - LIMITS.requestsPerPod);
  const recorded: Pod = { ...current, sim: { ...current.sim, requests: [...kept, request] } };
  const body = image.httpBody.replaceAll('{hostname}', pod.metadata.name);
  return {
    response: {
      status: 200,
      reason: 'OK',
      headers: headersFor(image, body, cluster.now),
      body: method === 'HEAD' ? '' : body,
    },
    changes: [{ op: 'putPod', pod: recorded }],
  };
}

/** Servers that print the peer address the way Node's `req.connection.remoteAddress` gives it. */
const DUAL_STACK_LOGGERS = new Set(['luksa/kubia']);

function headersFor(image: ImageSpec, body: string, now: number): [string, string][] {
  const date = new Date(now).toUTCString();
  const length = String(Buffer.byteLength(body));
  if (image.repository === 'nginx') {
    return [
      ['Server', 'nginx/1.27.3'],
      ['Date', date],
      ['Content-Type', 'text/html'],
      ['Content-Length', length],
      ['Last-Modified', 'Tue, 26 Nov 2024 15:55:00 GMT'],
      ['Connection', 'keep-alive'],
      ['ETag', `"6745ef54-${Number(length).toString(16)}"`],
      ['Accept-Ranges', 'bytes'],
    ];
  }
  if (image.repository === 'luksa/kubia') {
    // app.js calls writeHead(200) and end(): Node sends no length, so the body is chunked.
    return [
      ['Date', date],
      ['Connection', 'keep-alive'],
      ['Transfer-Encoding', 'chunked'],
    ];
  }
  return [
    ['Content-Type', 'application/json'],
    ['Content-Length', length],
    ['Date', date],
  ];
}
