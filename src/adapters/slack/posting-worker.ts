import { parentPort } from 'node:worker_threads';
import { runInBackground } from '../../executor/thread-priority.ts';
import { postJson } from './post-json.ts';
import type { Posted, Posting } from './posting-thread.ts';

// Confirmations can wait a moment; the acks of the next clicks cannot (thread-priority.ts).
runInBackground();

/**
 * The posting thread's body: each message is a batch of `response_url` requests, each answered by
 * id; the answers that arrive in one turn of the event loop go back as one message.
 */
let answers: Posted[] = [];
const answer = (posted: Posted) => {
  answers.push(posted);
  if (answers.length === 1)
    setImmediate(() => {
      const batch = answers;
      answers = [];
      parentPort?.postMessage(batch);
    });
};

parentPort?.on('message', (batch: Posting[]) => {
  for (const { id, url, body } of batch)
    postJson(url, body).then(
      (answered) => answer({ id, answered }),
      (error: unknown) => answer({ id, error: error instanceof Error ? error.message : String(error) }),
    );
});
