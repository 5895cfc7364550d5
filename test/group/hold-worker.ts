import { CHAT_COMMANDS, KUBECTL_VERBS } from '../../commands/index.ts';
import { serveJobs } from '../../src/executor/worker-loop.ts';
import { FLUSH } from '../../src/store/shares.ts';

/**
 * A worker entry for the tests: every real command, with replies kept for Share held an hour
 * instead of milliseconds, so that what the worker writes when the pool closes can be seen.
 */
FLUSH.afterMs = 3_600_000;
serveJobs(CHAT_COMMANDS, KUBECTL_VERBS);
