import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { Reply } from '../../chat/reply.ts';
import type { Delivery } from '../../executor/sink.ts';
import { postJson } from './post-json.ts';
import { responseBodies } from './response-body.ts';

/**
 * The reply sink a worker imports (sinks.ts names it): the replies to a batch of quiz answers,
 * posted by the worker that recorded them to each answer's `response_url`, as `respondWith`
 * would have from the platform thread. It takes only what `respondWith` sends as messages and
 * nothing else: a private reply without files (a public one may have to go as a file, and files
 * need the Web API client, which lives on the platform thread).
 */
export function takes(reply: Reply): boolean {
  return reply.visibility === 'private' && (reply.files?.length ?? 0) === 0;
}

export function deliver(deliveries: readonly Delivery[], log: Logger): void {
  for (const delivery of deliveries) void send(delivery, log);
}

/** One reply's messages, in order; a refusal or a failure stops them and is logged with an id. */
async function send({ address, reply, lang, now }: Delivery, log: Logger): Promise<void> {
  try {
    for (const body of responseBodies(reply, { lang, now })) {
      const answered = await postJson(address, JSON.stringify(body));
      if (answered.status < 200 || answered.status >= 300)
        throw new Error(
          `Failed to respond to the response_url: ${answered.status} ${answered.statusMessage}`,
        );
    }
  } catch (error) {
    const errorId = randomUUID().slice(0, 8);
    log.error({ err: error, errorId, platform: 'slack' }, 'a quiz confirmation was not posted');
  }
}
