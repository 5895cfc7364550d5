import type { Logger } from 'pino';
import type { App } from './chat/context.ts';
import type { Outbox } from './chat/outbox.ts';
import { RateLimiter } from './chat/rate-limit.ts';
import type { Platform } from './chat/request.ts';
import { createDailyRunner } from './group/daily.ts';
import { createGroupService } from './group/service.ts';
import type { Lang } from './i18n/lang.ts';
import type { Bank } from './quiz/banks.ts';
import type { Timers } from './quiz/live-runner.ts';
import { createQuizService } from './quiz/service.ts';
import { err, ok, type Result } from './result.ts';
import { ChannelStore } from './store/channels.ts';
import { openDatabase } from './store/db.ts';
import { MemberStore } from './store/members.ts';
import { SandboxStore } from './store/sandboxes.ts';

export interface AppOptions {
  dbPath: string;
  log: Logger;
  clock?: () => number;
  defaultLang?: Lang;
  /** Guide lines under kubectl's output unless a member or channel turns them off; on if absent. */
  guide?: boolean;
  /** Validated banks from start-up; without them the default folder is loaded on first use. */
  banks?: readonly Bank[];
  /** Live quiz timers; null or absent: none (questions close on `/quiz next`). */
  timers?: Timers | null;
}

/** Opens the database (migrating it) and wires the stores every command uses. */
export function createApp(options: AppOptions): Result<App, string> {
  const db = openDatabase(options.dbPath);
  if (!db.ok) return err(db.error);
  const clock = options.clock ?? Date.now;
  const log = options.log;
  const defaultLang = options.defaultLang ?? 'en';
  const channels = new ChannelStore(db.value);
  const quiz = createQuizService({
    db: db.value,
    clock,
    log,
    timers: options.timers ?? null,
    ...(options.banks === undefined ? {} : { banks: options.banks }),
  });
  const group = createGroupService(db.value, log);
  // The daily question posts through the same Outbox as live quizzes: attached with it, stopped with it.
  const daily = createDailyRunner(
    {
      daily: group.daily,
      settings: group.settings,
      channels,
      progress: group.progress,
      catalog: quiz.catalog,
      clock,
      log,
      transaction: (run) => db.value.transaction(run)(),
      defaultLang,
    },
    options.timers ?? null,
  );
  const live = quiz.runner;
  const runner = {
    ...live,
    attach: (platform: Platform, outbox: Outbox) => {
      live.attach(platform, outbox);
      daily.attach(platform, outbox);
    },
    shutdown: () => {
      daily.shutdown();
      live.shutdown();
    },
  };
  return ok({
    db: db.value,
    sandboxes: new SandboxStore(db.value),
    members: new MemberStore(db.value),
    clock,
    log,
    defaultLang,
    guideByDefault: options.guide ?? true,
    limiter: new RateLimiter(),
    channels,
    quiz: { ...quiz, runner },
    group,
    close: () => {
      group.shares.close();
      db.value.close();
    },
  });
}
