import { type RespondArguments, RespondError } from '@slack/bolt';
import { type Answered, postJson } from './post-json.ts';
import { postingThread } from './posting-thread.ts';

/**
 * Answers through a `response_url` with node:http(s) and their keep-alive agents, on the same
 * contract as Bolt's `respond()`: the message as JSON, an error for anything but a 2xx. Bolt's
 * own goes through the global `fetch`, whose streams cost a few times the CPU of a plain request;
 * in a live quiz every click's private confirmation takes this path, and the acks of the next
 * clicks wait behind it (`npm run bench -- b3`: about a third of the server's time per click).
 * So the requests themselves are made on a thread of their own (posting-thread.ts), and the
 * acking thread only hands each one over; here, inline, only if that thread cannot run.
 */
export type Respond = (message: RespondArguments) => Promise<unknown>;

export function responder(responseUrl: string): Respond {
  return (message) => {
    const body = JSON.stringify(message);
    const thread = postingThread();
    return (thread === null ? postJson(responseUrl, body) : thread.post(responseUrl, body)).then(answered);
  };
}

function answered(a: Answered): undefined {
  if (a.status >= 200 && a.status < 300) return undefined;
  throw new RespondError(`Failed to respond to the response_url: ${a.status} ${a.statusMessage}`, a.status);
}
