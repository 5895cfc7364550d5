import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';

/**
 * A `response_url` request with node:http(s) and their keep-alive agents: the message as JSON,
 * answered with the status (respond.ts turns anything but a 2xx into Bolt's RespondError). Made
 * on the posting thread, or inline where that thread cannot run; it imports nothing of Bolt.
 */
const TIMEOUT_MS = 10_000;

/** What a response_url answered: its status and reason. */
export interface Answered {
  status: number;
  statusMessage: string;
}

/** One POST of a JSON body, read to the end so the socket goes back to the agent. */
export function postJson(responseUrl: string, body: string): Promise<Answered> {
  return new Promise((resolve, reject) => {
    const url = new URL(responseUrl);
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const req = send(url, {
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
