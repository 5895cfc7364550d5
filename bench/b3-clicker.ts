import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';

/**
 * B3's load generator, in a process of its own (forked with an IPC channel): it sends the signed
 * POSTs on its own event loop and core time, so a busy server delays the acks it measures, never
 * the sending (a client in the server's process would start its clock late and hide the queue). Each request leaves at its slot of the spread;
 * its latency runs from that send to the end of the HTTP response (Bolt's ack).
 */
export interface Burst {
  url: string;
  /** Form bodies with their signature headers, sent in order. */
  requests: { body: string; headers: Record<string, string> }[];
  spreadMs: number;
}

export interface BurstResult {
  latencies: number[];
  statuses: number[];
  /** From the first send to the last ack. */
  wallMs: number;
  /** How late the last request left, beyond its slot. */
  lagMs: number;
}

function post(agent: Agent, url: URL, body: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, {
      method: 'POST',
      agent,
      headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
    });
    req.on('response', (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end(body);
  });
}

async function fire(burst: Burst): Promise<BurstResult> {
  const url = new URL(burst.url);
  const agent = new Agent({ keepAlive: true, maxSockets: burst.requests.length });
  const n = burst.requests.length;
  const latencies: number[] = new Array(n).fill(Number.NaN);
  const statuses: number[] = new Array(n).fill(0);
  const pending: Promise<void>[] = [];
  const start = performance.now();
  let lagMs = 0;
  for (let i = 0; i < n; ) {
    const now = performance.now();
    // Everything whose slot has come goes now; then the loop sleeps a millisecond (a slot) so
    // responses are read and the second core is not spent spinning.
    for (; i < n && start + (i * burst.spreadMs) / n <= now; i++) {
      const item = burst.requests[i];
      if (item === undefined) continue;
      const index = i;
      const sent = performance.now();
      lagMs = sent - (start + (i * burst.spreadMs) / n);
      pending.push(
        post(agent, url, item.body, item.headers).then(
          (status) => {
            latencies[index] = performance.now() - sent;
            statuses[index] = status;
          },
          () => {
            statuses[index] = -1;
          },
        ),
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  await Promise.all(pending);
  const wallMs = performance.now() - start;
  agent.destroy();
  return { latencies, statuses, wallMs, lagMs };
}

/**
 * `load` names a burst's file (its requests as JSON, written by the fake Slack, which builds them)
 * and is answered `loaded` once it is read; `go` fires it and answers the result. The requests
 * (about 3 MB for 1,000 clicks) never pass through the servers' process: copied through it,
 * they were garbage its first collection in the burst then had to move, a pause of 2-4 ms that
 * Podium and bare Bolt alike paid during the measured acks.
 */
export type ClickerMessage =
  | { kind: 'load'; url: string; file: string; spreadMs: number }
  | { kind: 'go' }
  | { kind: 'stop' };

let loaded: Burst | null = null;
process.on('message', (message: ClickerMessage) => {
  if (message.kind === 'load') {
    const requests = JSON.parse(readFileSync(message.file, 'utf8')) as Burst['requests'];
    loaded = { url: message.url, requests, spreadMs: message.spreadMs };
    process.send?.('loaded');
  } else if (message.kind === 'stop') {
    process.disconnect?.();
  } else if (loaded !== null) {
    void fire(loaded).then((result) => process.send?.(result));
    loaded = null;
  }
});
process.send?.('ready');
