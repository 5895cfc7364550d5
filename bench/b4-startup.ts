import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { startDiscord } from '../src/adapters/discord/bot.ts';
import { type SlackOptions, startSlack } from '../src/adapters/slack/slack.ts';
import { createApp } from '../src/app.ts';
import { createLogger } from '../src/log.ts';
import { startFakeDiscord } from '../test/adapters/discord/fake/discord.ts';
import { APP_ID, TOKEN } from '../test/adapters/discord/fake/state.ts';
import { type FakeSlack, startFakeSlack } from '../test/adapters/slack/fake/fake-slack.ts';
import { SIGNING_SECRET } from '../test/adapters/slack/fake/payloads.ts';
import { ROOT } from './here.ts';
import { percentile } from './stats.ts';

/**
 * B4: how long from start to ready. `node bin/podium.js` is timed from the `spawn` call (node, the
 * built modules, labs and banks, the database, the worker threads, the connection), nothing
 * subtracted; it runs the build (dist/app/, as after `npm install`), or the sources through tsx
 * when there is none (`built` in the results says which):
 *   - the console: `podium console --json` with one command piped in, to its first output line;
 *   - Discord: DISCORD_TOKEN, DISCORD_APP_ID and DISCORD_API_URL pointed at the fake Discord, to
 *     the IDENTIFY the fake receives and to the bot's own "discord ready" log;
 *   - Slack: SLACK_BOT_TOKEN with SLACK_SIGNING_SECRET (HTTP) or SLACK_APP_TOKEN (Socket Mode) and
 *     SLACK_API_URL pointed at the fake Slack, to the "slack connected" log: HTTP after auth.test
 *     and listening, Socket Mode after `hello`.
 * npm's own start-up (`npm start` adds it) is timed apart. The build runs first, as `npm install`
 * runs it (`prepare`), so the figures are never those of a stale dist/app/. Beside each wall time,
 * the CPU the process had used when it was ready (all its threads, from /proc): on a machine
 * other work keeps busy, that is the part of the start that is Podium's own.
 * The adapters are also timed in this process, modules already loaded, from the `startDiscord` /
 * `startSlack` call until it resolves: the connection's share of the start.
 */
export interface Figure {
  name: string;
  samplesMs: number[];
  medianMs: number;
  /** Whether the figure is a start-to-ready time the 1-second target applies to. */
  ready: boolean;
  /** CPU milliseconds the process had used at each sample's ready line (Linux). */
  cpuMs?: number[];
}

const quiet = createLogger('silent');

export async function benchStartup(runs = 5): Promise<Figure[]> {
  const built = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/build.ts'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  if (built.status !== 0) throw new Error(`B4: npm run build failed: ${built.stderr}`);
  const dir = mkdtempSync(join(tmpdir(), 'podium-b4-'));
  // One database per kind: the first run creates and migrates it, the others open it as a restart does.
  const db = (kind: string) => join(dir, `${kind}.db`);
  const figures: Figure[] = [];
  /** CPU at each ready line, for the figure `add` records next. */
  let cpu: number[] = [];
  const add = (name: string, samplesMs: number[], ready = true) => {
    figures.push({ name, samplesMs, medianMs: median(samplesMs), ready, ...(ready ? { cpuMs: cpu } : {}) });
    if (ready) cpu = [];
  };
  const cpuOf = (child: Timed) => {
    const used = child.cpuMs();
    if (used !== null) cpu.push(used);
  };

  add(
    'console (spawn to first line)',
    await times(runs, async () => {
      const child = spawnTimed(['bin/podium.js', 'console', '--json', '--db', db('console')], {});
      child.process.stdin?.end('kubectl get po\n');
      const ms = await child.line(() => true, 'stdout');
      cpuOf(child);
      await child.stop();
      return ms;
    }),
  );

  const identify: number[] = [];
  add(
    'discord (spawn to ready)',
    await times(runs, async () => {
      const fake = await startFakeDiscord();
      const env = { DISCORD_TOKEN: TOKEN, DISCORD_APP_ID: APP_ID, DISCORD_API_URL: fake.restUrl };
      const child = spawnTimed(['bin/podium.js'], { ...env, PODIUM_DB: db('discord'), LOG_LEVEL: 'info' });
      const identified = fake.waitFor(() => fake.gateway.stats.identifies > 0, 15_000).then(child.elapsed);
      const ms = await child.line((l) => l.includes('"msg":"discord ready"'), 'stderr');
      cpuOf(child);
      identify.push(await identified);
      await child.stop();
      await fake.close();
      return ms;
    }),
  );
  add('discord (spawn to IDENTIFY)', identify, false);

  for (const mode of ['http', 'socket'] as const) {
    add(
      `slack ${mode} (spawn to ready)`,
      await times(runs, async () => {
        const fake = await startFakeSlack();
        const env = {
          SLACK_BOT_TOKEN: fake.state.botToken,
          ...(mode === 'http' ? { SLACK_SIGNING_SECRET: SIGNING_SECRET, PORT: '0' } : {}),
          ...(mode === 'socket' ? { SLACK_APP_TOKEN: fake.state.appToken } : {}),
          SLACK_API_URL: fake.apiUrl,
          PODIUM_DB: db(`slack-${mode}`),
          LOG_LEVEL: 'info',
        };
        const child = spawnTimed(['bin/podium.js'], env);
        const ms = await child.line((l) => l.includes('"msg":"slack connected"'), 'stderr');
        cpuOf(child);
        await child.stop();
        await fake.close();
        return ms;
      }),
    );
  }

  // npm's own start-up, apart: `npm start` is this plus `node bin/podium.js`.
  add(
    'npm itself (npm --version)',
    await times(runs, async () => {
      const start = performance.now();
      const npm = spawn('npm', ['--version'], { cwd: ROOT });
      await new Promise((resolve) => npm.once('exit', resolve));
      return performance.now() - start;
    }),
    false,
  );

  add('discord (in-process startDiscord)', await times(runs, inProcessDiscord), false);
  for (const mode of ['http', 'socket'] as const)
    add(`slack ${mode} (in-process startSlack)`, await times(runs, () => inProcessSlack(mode)), false);
  return figures;
}

async function inProcessDiscord(): Promise<number> {
  const fake = await startFakeDiscord();
  const app = memoryApp();
  const start = performance.now();
  const bot = await startDiscord(app, { token: TOKEN, api: fake.restUrl });
  const ms = performance.now() - start;
  await bot.stop();
  await fake.close();
  app.db.close();
  return ms;
}

async function inProcessSlack(mode: 'http' | 'socket'): Promise<number> {
  const fake: FakeSlack = await startFakeSlack();
  const app = memoryApp();
  const options: SlackOptions = {
    botToken: fake.state.botToken,
    ...(mode === 'http' ? { signingSecret: SIGNING_SECRET } : { appToken: fake.state.appToken }),
    apiUrl: fake.apiUrl,
    port: 0,
    host: '127.0.0.1',
  };
  const start = performance.now();
  const bot = await startSlack(app, options);
  const ms = performance.now() - start;
  await bot.stop();
  await fake.close();
  app.db.close();
  return ms;
}

function memoryApp() {
  const created = createApp({ dbPath: ':memory:', log: quiet });
  if (!created.ok) throw new Error(created.error);
  return created.value;
}

async function times(runs: number, once: () => Promise<number>): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) samples.push(await once());
  return samples;
}

const median = (samples: number[]) =>
  percentile(
    [...samples].sort((a, b) => a - b),
    50,
  );

/** Linux's USER_HZ, the unit of /proc's CPU times (100 on every usual build). */
const CLOCK_TICKS = 100;

interface Timed {
  process: ChildProcess;
  /** Milliseconds since the spawn call. */
  elapsed: () => number;
  /** The CPU milliseconds (user + system, every thread) the process has used, or null if unknown. */
  cpuMs: () => number | null;
  /** Resolves with the time of the first line on `stream` that matches (15 s at most). */
  line(match: (line: string) => boolean, stream: 'stdout' | 'stderr'): Promise<number>;
  /** SIGTERM (if still running), and the exit. */
  stop(): Promise<void>;
}

/** Spawns `node ARGS` in the repository with a clean Podium environment plus `env`. */
function spawnTimed(args: string[], env: Record<string, string>): Timed {
  const base = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !/^(DISCORD_|SLACK_|PODIUM_|LOG_LEVEL$|PORT$)/.test(k)),
  );
  const start = performance.now();
  const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...base, ...env } });
  const elapsed = () => performance.now() - start;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const seen: string[] = [];
  child.stderr.on('data', (chunk: Buffer) => seen.push(String(chunk)));
  return {
    process: child,
    elapsed,
    cpuMs: () => {
      try {
        // Fields 14 and 15 of /proc/PID/stat (after the command's closing parenthesis: 12 and 13).
        const fields = readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
        return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
      } catch {
        return null;
      }
    },
    line: (match, stream) =>
      new Promise((resolve, reject) => {
        const lines = createInterface({ input: child[stream] });
        const timer = setTimeout(() => {
          lines.close();
          reject(
            new Error(`no ready line from node ${args.join(' ')}; stderr: ${seen.join('').slice(-2000)}`),
          );
        }, 15_000);
        lines.on('line', (l) => {
          if (!match(l)) return;
          const ms = elapsed();
          clearTimeout(timer);
          lines.close();
          resolve(ms);
        });
      }),
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(killer);
    },
  };
}
