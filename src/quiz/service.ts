import type { Database } from 'better-sqlite3';
import type { Logger } from 'pino';
import { LiveStore } from '../store/quiz-live.ts';
import { ProgressStore } from '../store/quiz-progress.ts';
import { SettingsStore } from '../store/settings.ts';
import { type Bank, formatProblem, loadBanks } from './banks.ts';
import { type Catalog, createCatalog } from './catalog.ts';
import { createLiveRunner, type LiveRunner, type Timers } from './live-runner.ts';

/**
 * What the `/quiz` command needs from the running bot: the questions, the stores and the live
 * quiz runner. Banks given at start-up (main validates them and refuses to start on a problem)
 * are used as they are; otherwise the default folder is loaded on first use, once per process.
 */
export interface QuizService {
  catalog(): Catalog;
  live: LiveStore;
  progress: ProgressStore;
  runner: LiveRunner;
}

export interface QuizOptions {
  db: Database;
  clock: () => number;
  log: Logger;
  banks?: readonly Bank[];
  /** null: no timers (tests, `--no-timers`); live questions then close on `/quiz next`. */
  timers?: Timers | null;
}

let defaultCatalog: Catalog | undefined;

function loadDefaultCatalog(): Catalog {
  if (defaultCatalog === undefined) {
    const banks = loadBanks();
    if (!banks.ok) throw new Error(`invalid quiz banks:\n${banks.error.map(formatProblem).join('\n')}`);
    defaultCatalog = createCatalog(banks.value);
  }
  return defaultCatalog;
}

export function createQuizService(options: QuizOptions): QuizService {
  const given = options.banks === undefined ? undefined : createCatalog(options.banks);
  const catalog = () => given ?? loadDefaultCatalog();
  const live = new LiveStore(options.db);
  const settings = new SettingsStore(options.db);
  return {
    catalog,
    live,
    progress: new ProgressStore(options.db),
    runner: createLiveRunner({
      live,
      catalog,
      clock: options.clock,
      log: options.log,
      timers: options.timers ?? null,
      threads: (channel) => settings.get(channel).threads,
    }),
  };
}
