// Autocomplete reads no platform API; it lives beside the Discord adapter that offers it.
import { type Focus, type Suggestion, suggestions } from '../adapters/discord/autocomplete.ts';
import type { App, ChatCommand } from '../chat/context.ts';
import { admit, execute, settle } from '../chat/dispatch.ts';
import type { Reply } from '../chat/reply.ts';
import type { Request } from '../chat/request.ts';
import type { Lang } from '../i18n/lang.ts';
import type { KubectlVerb } from '../kubectl/verb.ts';
import { type Answered, eventsOf, executeBatch, type TimedRequest } from '../quiz/answer-batch.ts';
import type { SandboxKey } from '../store/sandboxes.ts';

/**
 * Where commands run. The platform thread (sockets, acks, rendering) admits a request and hands
 * it to an executor; the executor runs it where a budget can stop it and settles what the
 * command left for the platform thread (`settle`) before the reply comes back. Two
 * implementations: in process (the console, tests) and a pool of worker threads (`pool.ts`).
 */
export interface Executor {
  run(request: Request): Promise<Reply>;
  /**
   * Quiz answers (`answer-batch.ts`) in one transaction, their replies in the same order. `key`
   * names what they share (the channel's quiz): batches of one key run one at a time, in order.
   */
  runBatch(key: string, items: readonly TimedRequest[]): Promise<Answered[]>;
  /** Autocomplete: suggestions from the member's own sandbox, read where commands run. */
  suggest(key: SandboxKey, focus: Focus, lang: Lang): Promise<Suggestion[]>;
  close(): Promise<void>;
}

/** Runs every command on the calling thread, one at a time (the console, tests). */
export function inProcessExecutor(
  app: App,
  commands: readonly ChatCommand[],
  verbs: readonly KubectlVerb[],
): Executor {
  return {
    run: async (request) => {
      const done = execute(app, commands, request);
      settle(app, done.events);
      return done.reply;
    },
    runBatch: async (_key, items) => {
      const done = executeBatch(app, commands, items);
      settle(app, eventsOf(done));
      return done.map(({ reply, lang }) => ({ reply, lang }));
    },
    suggest: async (key, focus, lang) => suggestions(app, verbs, key, focus, lang),
    close: async () => {},
  };
}

/** The door every adapter walks a request through: admitted here, run by the executor. */
export async function serve(app: App, executor: Executor, request: Request): Promise<Reply> {
  return admit(app, request) ?? (await executor.run(request));
}
