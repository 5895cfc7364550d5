import type { Focus, Suggestion } from '../adapters/discord/autocomplete.ts';
import type { CommandEvent } from '../chat/context.ts';
import type { Reply } from '../chat/reply.ts';
import type { Request } from '../chat/request.ts';
import type { Lang } from '../i18n/lang.ts';
import type { BatchedAnswer, TimedRequest } from '../quiz/answer-batch.ts';
import type { SandboxKey } from '../store/sandboxes.ts';

/**
 * The messages between the pool (platform thread) and a worker. Everything is plain data, so it
 * crosses `postMessage` as a structured clone.
 */
export interface WorkerSetup {
  dbPath: string;
  defaultLang: Lang;
  guideByDefault: boolean;
  /** Whether live quizzes get deadlines (the platform thread's runner keeps the timers). */
  timed: boolean;
  logLevel: string;
  /** The quiz banks main validated at start-up; absent: the default folder. */
  banks?: unknown;
  /** The labs folder main loaded at start-up (`PODIUM_LABS_DIR`); absent: the built-in labs. */
  labsDir?: string;
  /** Reply sinks by name: the URL of each module the worker imports (sink.ts). */
  sinks?: Record<string, string>;
  /**
   * One Int32 per worker: the state of its current job, shared so that the pool's budget and
   * the worker's commit cannot both win (see `JobState`).
   */
  state: SharedArrayBuffer;
  /** The process's commit counter for `dbPath` (store/data-version.ts). */
  commits: SharedArrayBuffer;
}

/**
 * RUNNING -> [COMMITTING ->] DONE (the worker's way) or RUNNING -> CANCELLED (the pool's, when
 * the budget runs out). Whoever moves the state away from RUNNING first decides: a cancelled
 * command never commits, and a committing one is never reported as stopped.
 */
export const JobState = { idle: 0, running: 1, committing: 2, done: 3, cancelled: 4 } as const;

export type Job =
  | {
      kind: 'run';
      id: number;
      request: Request;
      now: number;
      /** Forget this member's cached sandbox first: another worker served them since. */
      forget: boolean;
    }
  | { kind: 'suggest'; id: number; key: SandboxKey; focus: Focus; lang: Lang; now: number; forget: boolean }
  /** Quiz answers recorded in one transaction, each at its own time (`answer-batch.ts`). */
  | { kind: 'batch'; id: number; items: TimedRequest[]; now: number; forget: boolean }
  /** The pool is closing: write what the worker still holds (replies kept for Share), then stop. */
  | { kind: 'close'; id: number };

/** An answer of a batch whose reply its sink sent (sink.ts): what the platform thread still needs. */
export interface SentAnswer {
  sent: true;
  lang: Lang;
  events: CommandEvent[];
}

export type Done =
  | { kind: 'ready' }
  | { kind: 'ran'; id: number; reply: Reply; events: CommandEvent[]; logs: string[] }
  | { kind: 'suggested'; id: number; suggestions: Suggestion[]; logs: string[] }
  | { kind: 'batched'; id: number; done: (BatchedAnswer | SentAnswer)[]; logs: string[] }
  | { kind: 'closed' };
