import { parentPort } from 'node:worker_threads';
import { runInBackground } from '../../executor/thread-priority.ts';
import { postJson } from './post-json.ts';

// Confirmations can wait a moment; the acks of the next clicks cannot (thread-priority.ts).
runInBackground();

/** The posting thread's body: each message is one `response_url` request, answered by id. */
parentPort?.on('message', ({ id, url, body }: { id: number; url: string; body: string }) => {
  postJson(url, body).then(
    (answered) => parentPort?.postMessage({ id, answered }),
    (error: unknown) =>
      parentPort?.postMessage({ id, error: error instanceof Error ? error.message : String(error) }),
  );
});
