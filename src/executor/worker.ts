import { CHAT_COMMANDS, KUBECTL_VERBS } from '../../commands/index.ts';
import { serveJobs } from './worker-loop.ts';

/** The pool's worker entry: every chat command (see `worker-loop.ts`). */
serveJobs(CHAT_COMMANDS, KUBECTL_VERBS);
