import type { Logger } from 'pino';
import type { App } from './chat/context.ts';
import { RateLimiter } from './chat/rate-limit.ts';
import type { Lang } from './i18n/lang.ts';
import { err, ok, type Result } from './result.ts';
import { openDatabase } from './store/db.ts';
import { MemberStore } from './store/members.ts';
import { SandboxStore } from './store/sandboxes.ts';

export interface AppOptions {
  dbPath: string;
  log: Logger;
  clock?: () => number;
  defaultLang?: Lang;
}

/** Opens the database (migrating it) and wires the stores every command uses. */
export function createApp(options: AppOptions): Result<App, string> {
  const db = openDatabase(options.dbPath);
  if (!db.ok) return err(db.error);
  return ok({
    db: db.value,
    sandboxes: new SandboxStore(db.value),
    members: new MemberStore(db.value),
    clock: options.clock ?? Date.now,
    log: options.log,
    defaultLang: options.defaultLang ?? 'en',
    limiter: new RateLimiter(),
  });
}
