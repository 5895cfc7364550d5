import type { Database } from 'better-sqlite3';
import type { Logger } from 'pino';
import type { GroupService } from '../group/service.ts';
import type { Lang } from '../i18n/lang.ts';
import type { QuizService } from '../quiz/service.ts';
import type { Result } from '../result.ts';
import type { ChannelStore } from '../store/channels.ts';
import type { MemberStore } from '../store/members.ts';
import type { SandboxKey, SandboxStore } from '../store/sandboxes.ts';
import type { RateLimiter } from './rate-limit.ts';
import type { Reply } from './reply.ts';
import type { Request } from './request.ts';

/** What the running bot hands to every command: storage, clock and logger. */
export interface App {
  db: Database;
  sandboxes: SandboxStore;
  members: MemberStore;
  /** Epoch ms; tests pass a fixed clock. */
  clock: () => number;
  log: Logger;
  defaultLang: Lang;
  /** Guide lines for members and channels that have not chosen (`/guide`, `/settings guide`). */
  guideByDefault: boolean;
  /** Per-member command rate limit on the chat platforms. */
  limiter: RateLimiter;
  /** Per-channel settings (the channel's default language). */
  channels: ChannelStore;
  /** Question banks, quiz stores and the live quiz runner (adapters attach their Outbox to it). */
  quiz: QuizService;
  /** The study group: channel settings, shared replies and sandboxes, the daily question. */
  group: GroupService;
  /** Writes what is still held in memory (replies kept for Share), then closes the database. */
  close(): void;
}

export interface CommandContext {
  app: App;
  request: Request;
  key: SandboxKey;
  lang: Lang;
  /** The fenced block that followed the command line. */
  stdin: string | null;
  /**
   * Leaves work for the platform thread, done only once the command's transaction has committed
   * (a command may run in a worker that holds no platform connection).
   */
  emit(event: CommandEvent): void;
}

/** What a committed command asks of the platform thread, as data (it crosses threads). */
export type CommandEvent = { kind: 'liveQuizChanged'; session: number };

/**
 * A chat command (`/help`, `/sandbox`, `kubectl`, ...). Returning `err(reply)` rolls the whole
 * transaction back; `ok(reply)` commits, even when the reply reports a (partial) failure.
 */
export interface ChatCommand {
  name: string;
  /** Its commits must survive a power cut, not only a crash (quiz answers, lab results). */
  durable?: boolean;
  run(ctx: CommandContext, args: string): Result<Reply, Reply>;
}
