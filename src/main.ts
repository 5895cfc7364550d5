import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { config as loadDotenv } from 'dotenv';
import { runConsole } from './adapters/console/console.ts';
import { createApp } from './app.ts';
import { readConfig } from './config.ts';
import { workerPool } from './executor/pool.ts';
import { loadLabCatalogue } from './lab/load.ts';
import { createLogger } from './log.ts';
import { formatProblem, loadBanks } from './quiz/banks.ts';
import { REAL_TIMERS } from './quiz/live-runner.ts';
import { claimDatabase } from './store/owner.ts';

/**
 * `podium` starts Discord and/or Slack when their credentials are set, and the console otherwise.
 * `podium console [--user NAME] [--db FILE] [--json] [--no-timers]` always starts the console.
 */
async function main(argv: string[]): Promise<number> {
  loadDotenv({ quiet: true });
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      user: { type: 'string', default: process.env.USER ?? 'me' },
      db: { type: 'string' },
      json: { type: 'boolean', default: false },
      'no-timers': { type: 'boolean', default: false },
    },
  });
  const config = readConfig(process.env);
  const mode = positionals[0] ?? (config.discord || config.slack ? 'bots' : 'console');
  const log = createLogger(mode === 'console' ? (process.env.LOG_LEVEL ?? 'warn') : config.logLevel);
  // A broken lab file refuses start-up (file:line:column: field: message) before any member sees it.
  const labs = loadLabCatalogue(process.env.PODIUM_LABS_DIR);
  if (!labs.ok) {
    process.stderr.write(`podium: ${labs.error}\n`);
    return 1;
  }
  // A broken quiz bank refuses start-up too, each problem as file:line:column: field: message.
  const banks = loadBanks(process.env.PODIUM_QUIZZES_DIR);
  if (!banks.ok) {
    const problems = banks.error.map((p) => `  ${formatProblem(p)}`).join('\n');
    process.stderr.write(`podium: the quiz banks have problems; fix them and start again:\n${problems}\n`);
    return 1;
  }
  const dbPath = values.db ?? config.dbPath;
  // One Podium per database file: a second one would serve stale caches (see store/owner.ts).
  const claim = claimDatabase(dbPath);
  if (!claim.ok) {
    process.stderr.write(`podium: ${claim.error}\n`);
    return 1;
  }
  const app = createApp({
    dbPath,
    log,
    defaultLang: config.defaultLang,
    banks: banks.value,
    // --no-timers (scripts): live questions close on `/quiz next` or once everyone has answered.
    timers: values['no-timers'] ? null : REAL_TIMERS,
  });
  if (!app.ok) {
    process.stderr.write(`podium: ${app.error}\n`);
    return 1;
  }
  if (mode === 'console') {
    // `podium console | head` closes the pipe early: that is the reader's choice, not a crash.
    process.stdout.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') process.exit(0);
      throw error;
    });
    await runConsole(app.value, {
      user: values.user,
      json: values.json,
      input: process.stdin,
      output: process.stdout,
      interactive: process.stdin.isTTY === true && !values.json,
      filesDir: filesDirFor(values.db ?? config.dbPath),
    });
    app.value.db.close();
    return 0;
  }
  if (mode === 'bots') {
    // Commands run in worker threads with a time and memory budget; this thread keeps the sockets.
    const executor = workerPool(app.value, {
      dbPath,
      banks: banks.value,
      ...config.executor,
    });
    const stops: (() => Promise<void>)[] = [];
    try {
      // Imported only here: discord.js and Bolt are slow to load, and the console never needs them.
      if (config.discord) {
        const { startDiscord } = await import('./adapters/discord/bot.ts');
        const api = config.discord.apiUrl;
        stops.push(
          (await startDiscord(app.value, { token: config.discord.token, executor, ...(api ? { api } : {}) }))
            .stop,
        );
      }
      if (config.slack) {
        const { slackOptionsFrom, startSlack } = await import('./adapters/slack/slack.ts');
        stops.push((await startSlack(app.value, { ...slackOptionsFrom(config.slack), executor })).stop);
      }
    } catch (error) {
      // A refused token or an unreachable platform: say so in one line, not a stack trace.
      process.stderr.write(
        `podium: could not start: ${error instanceof Error ? error.message : String(error)}\n`,
      );
      for (const stop of stops) await stop();
      await executor.close();
      app.value.quiz.runner.shutdown();
      app.value.db.close();
      return 1;
    }
    await untilSignal();
    for (const stop of stops) await stop();
    await executor.close();
    app.value.quiz.runner.shutdown();
    app.value.db.close();
    return 0;
  }
  process.stderr.write(`podium: unknown mode "${mode}"; try "podium console"\n`);
  return 2;
}

/** Files go in `files/` beside the database (`data/files/`), or under `data/` for an in-memory one. */
function filesDirFor(dbPath: string): string {
  return dbPath === ':memory:' ? join('data', 'files') : join(dirname(dbPath), 'files');
}

/** Resolves on Ctrl-C or a service manager's stop, so the bots disconnect cleanly. */
function untilSignal(): Promise<void> {
  return new Promise((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
}

process.exitCode = await main(process.argv.slice(2));
