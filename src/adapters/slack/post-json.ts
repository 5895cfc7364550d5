import { Agent as HttpAgent, request as httpRequest } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';

/**
 * A `response_url` request with node:http(s) and their keep-alive agents: the message as JSON,
 * answered with the status (respond.ts turns anything but a 2xx into Bolt's RespondError). Made
 * on the posting thread, or inline where that thread cannot run; it imports nothing of Bolt.
 */
const TIMEOUT_MS = 10_000;

/**
 * At most this many connections to one response_url host (hooks.slack.com), kept alive between
 * requests: a live quiz's burst of confirmations queues for them instead of opening a connection
 * (a TLS handshake, on both ends) per confirmation in flight. At Slack's round trip, 32
 * connections carry a few hundred confirmations a second.
 */
export const CONNECTIONS_PER_HOST = 32;

const agents = {
  http: new HttpAgent({ keepAlive: true, maxSockets: CONNECTIONS_PER_HOST }),
  https: new HttpsAgent({ keepAlive: true, maxSockets: CONNECTIONS_PER_HOST }),
};

/** What a response_url answered: its status and reason. */
export interface Answered {
  status: number;
  statusMessage: string;
}

/** One POST of a JSON body, read to the end so the socket goes back to the agent. */
export function postJson(responseUrl: string, body: string): Promise<Answered> {
  return new Promise((resolve, reject) => {
    const url = new URL(responseUrl);
    const secure = url.protocol === 'https:';
    const send = secure ? httpsRequest : httpRequest;
    const req = send(url, {
      agent: secure ? agents.https : agents.http,
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      timeout: TIMEOUT_MS,
    });
    req.on('response', (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, statusMessage: res.statusMessage ?? '' }));
    });
    req.on('timeout', () => req.destroy(new Error(`response_url timed out after ${TIMEOUT_MS} ms`)));
    req.on('error', reject);
    req.end(body);
  });
}
