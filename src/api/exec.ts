import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { App } from '../chat/context.ts';
import { execInContainer } from '../cluster/exec.ts';
import { podKubelet } from '../cluster/kubelet-route.ts';
import { podStatus } from '../cluster/lifecycle.ts';
import type { Cluster, Pod } from '../cluster/model.ts';
import type { ProgramResult } from '../cluster/screen.ts';
import { badRequest, notFound, type Status } from '../cluster/status.ts';
import type { SandboxKey } from '../store/sandboxes.ts';
import type { SandboxRunner } from './sandbox-run.ts';
import type { DoorStatus } from './status.ts';
import { readSandbox } from './watch.ts';
import { acceptUpgrade, offeredProtocols, serveWebSocket, type WebSocketPeer } from './websocket.ts';

/**
 * `kubectl exec` over the WebSocket protocol kubectl 1.30+ asks for (`v5.channel.k8s.io`; v4
 * too): every message starts with its channel byte (0 stdin, 1 stdout, 2 stderr, 3 the final
 * Status, 4 resize, 255 "stdin closed" in v5). The command runs in the simulated container
 * (src/cluster/exec.ts, as chat's exec) once stdin is complete, in one store transaction (a curl
 * inside a pod is logged by the pod it reached), then the output, the Status and CLOSE follow.
 */
const PROTOCOLS = ['v5.channel.k8s.io', 'v4.channel.k8s.io'];
const STDIN_MAX = 64 * 1024;
const STDIN_WAIT_MS = 5000;

export interface ExecTarget {
  namespace: string;
  name: string;
}

/**
 * What the kubelet answers itself once the API server has passed the request on: plain text, not
 * a Status, so kubectl prints it after its own words (`error: unable to upgrade connection:
 * container not found ("kubia")`, reference/kubectl.md).
 */
export interface KubeletRefusal {
  kubelet: string;
}

export type Refusal = (status: Status | DoorStatus | KubeletRefusal) => void;

export function startExec(
  app: App,
  key: SandboxKey,
  target: ExecTarget,
  query: URLSearchParams,
  req: IncomingMessage,
  socket: Duplex,
  runIn: SandboxRunner,
  refuse: Refusal,
): void {
  const argv = query.getAll('command');
  const checked = readSandbox(app, key, (cluster) => precheck(cluster, target, query.get('container')));
  if ('reason' in checked || 'kubelet' in checked) {
    refuse(checked);
    return;
  }
  if (argv.length === 0) {
    refuse(badRequest('you must specify at least one command for the container'));
    return;
  }
  const protocol = PROTOCOLS.find((p) => offeredProtocols(req).includes(p));
  if (protocol === undefined || !acceptUpgrade(req, socket, protocol)) {
    refuse(badRequest('Upgrade request required'));
    return;
  }
  const tty = query.get('tty') === 'true';
  const wantsStdin = query.get('stdin') === 'true';
  const stdin: Buffer[] = [];
  let stdinBytes = 0;
  let ran = false;
  let timer: NodeJS.Timeout | undefined;
  const run = (peer: WebSocketPeer) => {
    if (ran) return;
    ran = true;
    clearTimeout(timer);
    const input = wantsStdin ? Buffer.concat(stdin).toString('utf8') : null;
    let result: ProgramResult | undefined;
    runIn(key, (cluster, ids) => {
      const pod = cluster.pods.find(
        (p) => p.metadata.namespace === target.namespace && p.metadata.name === target.name,
      );
      if (pod === undefined) return { response: { status: 404, contentType: '', body: '' }, changes: [] };
      result = execInContainer({ cluster, pod, index: checked.index, tty, stdin: input }, argv);
      void ids;
      return { response: { status: 200, contentType: '', body: '' }, changes: result.changes };
    });
    if (result === undefined) {
      peer.send(
        channel(
          3,
          JSON.stringify({ metadata: {}, status: 'Failure', message: `pod ${target.name} is gone` }),
        ),
      );
      peer.close(1000);
      return;
    }
    for (const chunk of result.chunks)
      peer.send(channel(chunk.stream === 'stderr' && !tty ? 2 : 1, chunk.text));
    peer.send(channel(3, JSON.stringify(exitStatus(argv, result.exitCode))));
    peer.close(1000);
  };
  const peer = serveWebSocket(
    socket,
    STDIN_MAX + 16,
    (message, p) => {
      const which = message[0];
      if (which === 0 && wantsStdin) {
        stdinBytes += message.length - 1;
        if (stdinBytes <= STDIN_MAX) stdin.push(message.subarray(1));
      }
      if (which === 255 && message[1] === 0) run(p);
    },
    () => clearTimeout(timer),
  );
  // Without stdin the command runs at once; with it, once kubectl says stdin is closed (v5),
  // or after a quiet while (v4 has no such message).
  if (!wantsStdin) run(peer);
  else timer = setTimeout(() => run(peer), STDIN_WAIT_MS);
}

const channel = (n: number, text: string) => Buffer.concat([Buffer.from([n]), Buffer.from(text)]);

function exitStatus(argv: readonly string[], code: number) {
  if (code === 0) return { metadata: {}, status: 'Success' };
  return {
    metadata: {},
    status: 'Failure',
    message: `command terminated with non-zero exit code: error executing command [${argv.join(' ')}], exit code ${code}`,
    reason: 'NonZeroExitCode',
    details: { causes: [{ reason: 'ExitCode', message: String(code) }] },
  };
}

/** The kubelet's refusals before any upgrade: no pod, no such container, nothing running. */
function precheck(
  cluster: Cluster,
  target: ExecTarget,
  container: string | null,
): { index: number } | Status | KubeletRefusal {
  const pod: Pod | undefined = cluster.pods.find(
    (p) => p.metadata.namespace === target.namespace && p.metadata.name === target.name,
  );
  if (pod === undefined) return notFound('pods', target.name);
  const index = container === null ? 0 : pod.spec.containers.findIndex((c) => c.name === container);
  if (index < 0) return badRequest(`container ${container} is not valid for pod ${target.name}`);
  const status = podStatus(pod, cluster.now);
  if (status.phase === 'Succeeded' || status.phase === 'Failed')
    return badRequest(`cannot exec into a container in a completed pod; current phase is ${status.phase}`);
  const kubelet = podKubelet(pod, cluster);
  if (!kubelet.ok) return kubelet.error;
  if (kubelet.value === null || !status.scheduled)
    return badRequest(`pod ${target.name} does not have a host assigned`);
  const name = pod.spec.containers[index]?.name ?? '';
  if (status.containers[index]?.state.kind !== 'running')
    return { kubelet: `container not found ("${name}")` };
  return { index };
}
