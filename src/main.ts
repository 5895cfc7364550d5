import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { config as loadDotenv } from 'dotenv';
import { runConsole } from './adapters/console/console.ts';
import { SLACK_SINKS } from './adapters/slack/sinks.ts';
import { apiDoorConfig, startApiDoor } from './api/start.ts';
import { createApp } from './app.ts';
import { routingKey } from './chat/dispatch.ts';
import { compiledData } from './compiled.ts';
import { partialCredentials, readConfig } from './config.ts';
import { boundHeapGrowth } from './executor/heap.ts';
import { type WorkerPool, workerPool } from './executor/pool.ts';
import { loadLabCatalogue } from './lab/load.ts';
import { createLogger } from './log.ts';
import { tuneRendererAllocator } from './map/png.ts';
import { formatProblem, loadBanks } from './quiz/banks.ts';
import { REAL_TIMERS } from './quiz/live-runner.ts';
import { claimDatabase } from './store/owner.ts';

/**
 * `podium` starts Discord and/or Slack when their credentials are set, and the console otherwise.
 * `podium console [--user NAME] [--db FILE] [--json] [--no-timers]` always starts the console.
 */
const USAGE = `Usage: podium [console | bots] [options]

  podium                 start Discord and/or Slack when their credentials are set, else the console
  podium console         the console chat on this terminal (no tokens needed)
  podium bots            Discord and/or Slack, from the environment (.env is read)

Options (console):
  --user NAME            who you are in the console (default: $USER)
  --db FILE              the SQLite database (default: PODIUM_DB or ./data/podium.db)
  --json                 one JSON line per message, for scripts
  --no-timers            live questions close on /quiz next or once everyone has answered
  -h, --help             this text

Environment: DISCORD_TOKEN + DISCORD_APP_ID (docs/discord.md); SLACK_BOT_TOKEN + SLACK_APP_TOKEN
or SLACK_SIGNING_SECRET + PORT (docs/slack.md); PODIUM_LANG, PODIUM_DB, LOG_LEVEL.
`;

async function main(argv: string[]): Promise<number> {
  boundHeapGrowth();
  tuneRendererAllocator();
  loadDotenv({ quiet: true });
  let parsed: ReturnType<typeof parseCommandLine>;
  try {
    parsed = parseCommandLine(argv);
  } catch (error) {
    process.stderr.write(`podium: ${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help || positionals[0] === 'help') {
    process.stdout.write(USAGE);
    return 0;
  }
  const config = readConfig(process.env);
  const mode = positionals[0] ?? (config.discord || config.slack ? 'bots' : 'console');
  const partial = positionals[0] === 'console' ? null : partialCredentials(process.env);
  if (partial !== null) {
    process.stderr.write(`podium: ${partial}; set it, or unset the other to use the console\n`);
    return 1;
  }
  const log = createLogger(mode === 'console' ? (process.env.LOG_LEVEL ?? 'warn') : config.logLevel);
  // A broken lab file refuses start-up (file:line:column: field: message) before any member sees it.
  // The build's labs were checked by the build: they are parsed on the first `/lab` instead.
  if (process.env.PODIUM_LABS_DIR !== undefined || compiledData() === null) {
    const labs = loadLabCatalogue(process.env.PODIUM_LABS_DIR);
    if (!labs.ok) {
      process.stderr.write(`podium: ${labs.error}\n`);
      return 1;
    }
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
  // The Kubernetes API door for members' own kubectl (src/api), off unless PODIUM_API_PORT is set.
  const doorConfig = apiDoorConfig(process.env);
  let door: Awaited<ReturnType<typeof startApiDoor>> | null = null;
  // The door writes on this thread; the pool's workers (bots) then drop their cached copy.
  let pool: WorkerPool | null = null;
  if (doorConfig !== null && (mode === 'console' || mode === 'bots')) {
    try {
      door = await startApiDoor(app.value, doorConfig, dbPath, config.executor.timeBudgetMs, (key) =>
        pool?.forgetMember(routingKey(key)),
      );
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      process.stderr.write(`podium: could not start the Kubernetes API on port ${doorConfig.port}: ${why}\n`);
      app.value.close();
      return 1;
    }
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
      greeting: process.stderr,
    });
    await door?.close();
    app.value.close();
    return 0;
  }
  if (mode === 'bots') {
    // Commands run in worker threads with a time and memory budget; this thread keeps the sockets.
    // One worker starts now; the others and the spare once the platforms are connected, so that
    // they do not compete with the platform's start for the CPU.
    const executor = workerPool(app.value, {
      dbPath,
      banks: banks.value,
      ...(process.env.PODIUM_LABS_DIR === undefined ? {} : { labsDir: process.env.PODIUM_LABS_DIR }),
      ...config.executor,
      // Slack's quiz confirmations go from the worker that records the answer (src/executor/sink.ts).
      ...(config.slack ? { sinks: SLACK_SINKS } : {}),
      hold: true,
    });
    pool = executor;
    const stops: (() => Promise<void>)[] = [];
    const endings: Promise<string>[] = [];
    const warms: (() => void)[] = [];
    try {
      // Imported only here: discord.js and Bolt are slow to load, and the console never needs them.
      if (config.discord) {
        const { startDiscord } = await import('./adapters/discord/bot.ts');
        const api = config.discord.apiUrl;
        const bot = await startDiscord(app.value, {
          token: config.discord.token,
          executor,
          ...(api ? { api } : {}),
        });
        stops.push(bot.stop);
        endings.push(bot.ended);
      }
      if (config.slack) {
        const { slackOptionsFrom, startSlack } = await import('./adapters/slack/slack.ts');
        const bot = await startSlack(app.value, { ...slackOptionsFrom(config.slack), executor });
        stops.push(bot.stop);
        endings.push(bot.ended);
        warms.push(bot.warm);
      }
    } catch (error) {
      // A refused token or an unreachable platform: say so in one line, not a stack trace.
      process.stderr.write(
        `podium: could not start: ${error instanceof Error ? error.message : String(error)}\n`,
      );
      for (const stop of stops) await stop();
      await door?.close();
      await executor.close();
      app.value.quiz.runner.shutdown();
      app.value.close();
      return 1;
    }
    executor.warm();
    for (const warm of warms) warm();
    // Until Ctrl-C, or until a platform ends the connection for good (a revoked token).
    const ended = await Promise.race([untilSignal().then(() => null), ...endings, unexpected(log)]);
    if (ended !== null) log.error(ended);
    await door?.close();
    for (const stop of stops) await stop();
    await executor.close();
    app.value.quiz.runner.shutdown();
    app.value.close();
    return ended === null ? 0 : 1;
  }
  process.stderr.write(`podium: unknown mode "${mode}"\n\n${USAGE}`);
  return 2;
}

/** Files go in `files/` beside the database (`data/files/`), or under `data/` for an in-memory one. */
function filesDirFor(dbPath: string): string {
  return dbPath === ':memory:' ? join('data', 'files') : join(dirname(dbPath), 'files');
}

function parseCommandLine(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      user: { type: 'string', default: process.env.USER ?? 'me' },
      db: { type: 'string' },
      json: { type: 'boolean', default: false },
      'no-timers': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
}

/**
 * A rejection no one handled inside a client library is a bug or a failure we did not foresee:
 * one line naming it, then a clean stop with exit code 1, rather than Node's stack trace.
 */
function unexpected(log: ReturnType<typeof createLogger>): Promise<string> {
  return new Promise((resolve) => {
    process.once('unhandledRejection', (reason) => {
      log.debug({ err: reason }, 'unhandled rejection');
      resolve(
        `stopping after an unexpected failure: ${reason instanceof Error ? reason.message : String(reason)}`,
      );
    });
  });
}

/** Resolves on Ctrl-C or a service manager's stop, so the bots disconnect cleanly. */
function untilSignal(): Promise<void> {
  return new Promise((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
}

process.exitCode = await main(process.argv.slice(2));
