import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { App } from '../chat/context.ts';
import { podStatus } from '../cluster/lifecycle.ts';
import type { Cluster } from '../cluster/model.ts';
import { type HttpResponse, listenerOf, serve } from '../cluster/network.ts';
import { badRequest, notFound, type Status } from '../cluster/status.ts';
import type { SandboxKey } from '../store/sandboxes.ts';
import type { Refusal } from './exec.ts';
import type { SandboxRunner } from './sandbox-run.ts';
import {
  controlFrame,
  dataFrame,
  FLAG_FIN,
  type Frame,
  GOAWAY,
  headerDecoder,
  PING,
  readFrame,
  SYN_STREAM,
  synReply,
} from './spdy.ts';
import { readSandbox } from './watch.ts';
import { acceptUpgrade, offeredProtocols, serveWebSocket, type WebSocketPeer } from './websocket.ts';

/**
 * `kubectl port-forward` as kubectl 1.31+ does it: a WebSocket with the subprotocol
 * `SPDY/3.1+portforward.k8s.io` carrying a client-side SPDY session. For each local connection
 * kubectl opens an error stream and a data stream (headers `streamtype`, `port`, `requestid`);
 * the data stream carries the bytes to and from the pod's port. Here the pod is simulated: the
 * request on the data stream is answered by the process listening on that port (the image's HTTP
 * answer, src/cluster/network.ts, recorded in the pod's log in one store transaction), then both
 * streams are finished. A port nothing listens on gets the kubelet's error on the error stream.
 */
export const PORT_FORWARD_PROTOCOL = 'SPDY/3.1+portforward.k8s.io';
const MAX_FRAME = 256 * 1024;
const MAX_REQUEST = 64 * 1024;
const MAX_STREAMS = 1000;

interface Target {
  namespace: string;
  name: string;
}

interface Pair {
  port: number;
  errorStream?: number;
  dataStream?: number;
  request: Buffer;
  answered: boolean;
}

export function startPortForward(
  app: App,
  key: SandboxKey,
  target: Target,
  req: IncomingMessage,
  socket: Duplex,
  runIn: SandboxRunner,
  refuse: Refusal,
): void {
  const checked = readSandbox(app, key, (cluster) => precheck(cluster, target));
  if (checked !== null) {
    refuse(checked);
    return;
  }
  if (
    !offeredProtocols(req).includes(PORT_FORWARD_PROTOCOL) ||
    !acceptUpgrade(req, socket, PORT_FORWARD_PROTOCOL)
  ) {
    refuse(badRequest('Upgrade request required'));
    return;
  }
  let bytes = Buffer.alloc(0);
  let repliedOnce = false;
  let streams = 0;
  const decode = headerDecoder(64 * 1024);
  const pairs = new Map<string, Pair>();
  const byStream = new Map<number, string>();
  const handle = (frame: Frame, peer: WebSocketPeer): boolean => {
    if (frame.kind === 'control') {
      if (frame.type === PING) peer.send(controlFrame(PING, 0, frame.payload));
      if (frame.type === GOAWAY) return false;
      if (frame.type !== SYN_STREAM || frame.payload.length < 10) return true;
      const streamId = frame.payload.readUInt32BE(0) & 0x7fffffff;
      const headers = decode(frame.payload.subarray(10));
      if (headers === null || ++streams > MAX_STREAMS) return false;
      const requestId = headers.get('requestid') ?? '';
      const port = Number(headers.get('port'));
      const pair = pairs.get(requestId) ?? { port, request: Buffer.alloc(0), answered: false };
      pairs.set(requestId, pair);
      byStream.set(streamId, requestId);
      if (headers.get('streamtype') === 'error') pair.errorStream = streamId;
      else pair.dataStream = streamId;
      peer.send(synReply(streamId, !repliedOnce));
      repliedOnce = true;
      return true;
    }
    const requestId = byStream.get(frame.streamId);
    const pair = requestId === undefined ? undefined : pairs.get(requestId);
    if (pair === undefined || frame.streamId !== pair.dataStream || pair.answered) return true;
    pair.request = Buffer.concat([pair.request, frame.payload]);
    if (pair.request.length > MAX_REQUEST) return false;
    if (complete(pair.request) || (frame.flags & FLAG_FIN) !== 0) answer(pair, peer);
    return true;
  };
  const answer = (pair: Pair, peer: WebSocketPeer) => {
    pair.answered = true;
    const reply = respond(runIn, key, target, pair);
    const data = pair.dataStream ?? 0;
    const error = pair.errorStream ?? 0;
    if (reply.kind === 'refused') {
      peer.send(dataFrame(error, FLAG_FIN, Buffer.from(reply.message)));
      peer.send(dataFrame(data, FLAG_FIN, Buffer.alloc(0)));
      return;
    }
    if (reply.bytes.length > 0) peer.send(dataFrame(data, 0, reply.bytes));
    peer.send(dataFrame(data, FLAG_FIN, Buffer.alloc(0)));
    peer.send(dataFrame(error, FLAG_FIN, Buffer.alloc(0)));
  };
  serveWebSocket(
    socket,
    MAX_FRAME + 16,
    (message, peer) => {
      // kubectl writes each field of a frame as its own message: read the messages as one stream.
      bytes = Buffer.concat([bytes, message]);
      for (;;) {
        const read = readFrame(bytes, MAX_FRAME);
        if (read === null) return;
        if (read === 'tooBig' || !handle(read.frame, peer)) {
          peer.close(1000);
          return;
        }
        bytes = bytes.subarray(read.size);
      }
    },
    () => {},
  );
}

/** Whole HTTP request headers arrived, and as much body as Content-Length says. */
function complete(request: Buffer): boolean {
  const end = request.indexOf('\r\n\r\n');
  if (end === -1) return false;
  const length = /\r\ncontent-length:\s*(\d+)/i.exec(request.subarray(0, end).toString('latin1'))?.[1];
  return request.length >= end + 4 + Number(length ?? '0');
}

type Reply = { kind: 'served'; bytes: Buffer } | { kind: 'refused'; message: string };

function respond(runIn: SandboxRunner, key: SandboxKey, target: Target, pair: Pair): Reply {
  const method = /^([A-Z]+) /.exec(pair.request.toString('latin1', 0, 16))?.[1] ?? 'GET';
  let reply: Reply = { kind: 'refused', message: `pod ${target.name} is gone` };
  runIn(key, (cluster) => {
    const pod = cluster.pods.find(
      (p) => p.metadata.namespace === target.namespace && p.metadata.name === target.name,
    );
    if (pod === undefined) return { response: { status: 200, contentType: '', body: '' }, changes: [] };
    const found = listenerOf(pod, pair.port, cluster.now);
    if (found === undefined) {
      reply = { kind: 'refused', message: refusedText(pod.metadata.uid, pair.port) };
      return { response: { status: 200, contentType: '', body: '' }, changes: [] };
    }
    const connection = { kind: 'open' as const, pod, ...found, port: pair.port, peer: '127.0.0.1' };
    const served = serve(cluster, connection, method);
    reply = {
      kind: 'served',
      bytes: served.response === null ? Buffer.alloc(0) : httpBytes(served.response),
    };
    return { response: { status: 200, contentType: '', body: '' }, changes: served.changes };
  });
  return reply;
}

/** The kubelet's words when nothing listens on the port inside the pod's network namespace. */
function refusedText(uid: string, port: number): string {
  return `error forwarding port ${port} to pod ${uid}, uid : failed to execute portforward in network namespace "/var/run/netns/cni-${uid}": failed to connect to localhost:${port} inside namespace "${uid}", IPv4: dial tcp4 127.0.0.1:${port}: connect: connection refused IPv6 dial tcp6 [::1]:${port}: connect: connection refused `;
}

function httpBytes(response: HttpResponse): Buffer {
  const chunked = response.headers.some(
    ([k, v]) => k.toLowerCase() === 'transfer-encoding' && v === 'chunked',
  );
  const head = [
    `HTTP/1.1 ${response.status} ${response.reason}`,
    ...response.headers.map(([k, v]) => `${k}: ${v}`),
  ];
  const body = Buffer.from(response.body);
  const framed = chunked
    ? Buffer.concat([
        ...(body.length > 0
          ? [Buffer.from(`${body.length.toString(16)}\r\n`), body, Buffer.from('\r\n')]
          : []),
        Buffer.from('0\r\n\r\n'),
      ])
    : body;
  return Buffer.concat([Buffer.from(`${head.join('\r\n')}\r\n\r\n`), framed]);
}

function precheck(cluster: Cluster, target: Target): Status | null {
  const pod = cluster.pods.find(
    (p) => p.metadata.namespace === target.namespace && p.metadata.name === target.name,
  );
  if (pod === undefined) return notFound('pods', target.name);
  const phase = podStatus(pod, cluster.now).phase;
  if (phase !== 'Running')
    return badRequest(`unable to forward port because pod is not running. Current status=${phase}`);
  return null;
}
