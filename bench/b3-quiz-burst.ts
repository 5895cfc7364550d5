import { mkdtempSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { startSlack } from '../src/adapters/slack/slack.ts';
import { createApp } from '../src/app.ts';
import { createLogger } from '../src/log.ts';
import { REAL_TIMERS } from '../src/quiz/live-runner.ts';
import { startFakeSlack } from '../test/adapters/slack/fake/fake-slack.ts';
import { SIGNING_SECRET } from '../test/adapters/slack/fake/payloads.ts';
import type { Burst, BurstResult, ClickerMessage } from './b3-clicker.ts';
import { clicks, settled, startBare, startQuiz } from './b3-slack.ts';
import { profileTo, threadCpuMs } from './probe.ts';
import { percentile, summarize, type Timings } from './stats.ts';

/**
 * B3: a live quiz question in a Slack channel, answered by 1,000 members within one second,
 * through the real adapter (`startSlack`, Bolt's HTTP receiver, signed `block_actions` POSTs)
 * against the fake Slack. Beside it, a bare Bolt app (same receiver, signing and logger) whose
 * action handler only acks: the ratio of the p99 acks is what Podium's work after each ack
 * (dispatch and its SQLite transaction, the private confirmation through the response_url) costs
 * the acks queued behind it. Each round is one new question: the bare burst, then the real one;
 * the figures are the medians over the rounds, so a moment of load on the machine skews one
 * round, not the result.
 */
export interface B3Round {
  /** Rows in quiz_live_answers for the round's question once every confirmation arrived. */
  recorded: number;
  /** Private "Got it" replies the fake Slack received through the response_urls. */
  confirmed: number;
  /** HTTP 200 acks, from Podium and from the bare app. */
  acked: { real: number; bare: number };
  real: Timings;
  bare: Timings;
  ratio: number;
  /**
   * CPU time of the server's thread per click: for Podium from the first click until every
   * answer is stored and confirmed (the fake Slack's handling of the confirmations runs on that
   * thread too), for the bare app until the last ack.
   */
  cpuPerClickMs: { real: number; bare: number };
  /** First send to last ack of the real burst. */
  wallMs: number;
}

export interface B3 {
  members: number;
  spreadMs: number;
  rounds: B3Round[];
  /** Medians over the rounds. */
  ratio: number;
  realP99: number;
  bareP99: number;
  cpuPerClickMs: { real: number; bare: number };
  /** The 1-minute load average at the end: above the core count, latencies are inflated. */
  loadAverage: number;
}

const HOST = { id: 'U0HOST', name: 'host' };
const WARM_UP = 200;

export async function benchQuizBurst(members = 1_000, spreadMs = 1_000, roundCount = 3): Promise<B3> {
  const fake = await startFakeSlack();
  const dir = mkdtempSync(join(tmpdir(), 'podium-b3-'));
  const created = createApp({
    dbPath: join(dir, 'b3.db'),
    log: createLogger('silent'),
    defaultLang: 'en',
    // Real timers: the 60-second question must not close during the burst.
    timers: REAL_TIMERS,
  });
  if (!created.ok) throw new Error(created.error);
  const app = created.value;
  const bot = await startSlack(app, {
    botToken: fake.state.botToken,
    signingSecret: SIGNING_SECRET,
    apiUrl: fake.apiUrl,
    port: 0,
    host: '127.0.0.1',
    retries: 0,
  });
  const bare = await startBare(fake, app);
  const clicker = await startClicker();
  const url = `http://127.0.0.1:${bot.port ?? 0}/slack/events`;
  try {
    // Warm both servers up (JIT, sockets) with a smaller burst on a question of its own.
    const warm = await startQuiz(fake, url, HOST, 'C0WARMUP');
    const warmSince = fake.state.posts.length;
    await clicker.load({ url, requests: clicks(fake, warm, 'W', WARM_UP), spreadMs: WARM_UP });
    await clicker.go();
    await settled(fake, app, 'C0WARMUP', WARM_UP, warmSince);
    await clicker.load({ url: bare.url, requests: clicks(fake, warm, 'V', WARM_UP), spreadMs: WARM_UP });
    await clicker.go();

    const rounds: B3Round[] = [];
    for (let r = 1; r <= roundCount; r++) {
      const channel = `C0BURST${r}`;
      const question = await startQuiz(fake, url, HOST, channel);
      await clicker.load({ url: bare.url, requests: clicks(fake, question, `B${r}`, members), spreadMs });
      let cpu = threadCpuMs();
      const bareRun = await clicker.go();
      const bareCpu = threadCpuMs() - cpu;
      await clicker.load({ url, requests: clicks(fake, question, `M${r}`, members), spreadMs });
      const since = fake.state.posts.length;
      // B3_PROFILE=FILE: a CPU profile of the server's thread during the last round's real burst.
      const stopProfile = await profileTo(r === roundCount ? process.env.B3_PROFILE : undefined);
      cpu = threadCpuMs();
      const realRun = await clicker.go();
      const { recorded, confirmed } = await settled(fake, app, channel, members, since);
      const realCpu = threadCpuMs() - cpu;
      await stopProfile();
      // A request that failed has no latency; it shows in the ack count instead.
      const real = summarize(realRun.latencies.filter(Number.isFinite));
      const bareTimes = summarize(bareRun.latencies.filter(Number.isFinite));
      const ok = (run: BurstResult) => run.statuses.filter((s) => s === 200).length;
      rounds.push({
        recorded,
        confirmed,
        acked: { real: ok(realRun), bare: ok(bareRun) },
        real,
        bare: bareTimes,
        ratio: real.p99 / bareTimes.p99,
        cpuPerClickMs: { real: realCpu / members, bare: bareCpu / members },
        wallMs: realRun.wallMs,
      });
    }
    const median = (pick: (r: B3Round) => number) =>
      percentile(
        rounds.map(pick).sort((a, b) => a - b),
        50,
      );
    return {
      members,
      spreadMs,
      rounds,
      ratio: median((r) => r.ratio),
      realP99: median((r) => r.real.p99),
      bareP99: median((r) => r.bare.p99),
      cpuPerClickMs: { real: median((r) => r.cpuPerClickMs.real), bare: median((r) => r.cpuPerClickMs.bare) },
      loadAverage: loadavg()[0] ?? Number.NaN,
    };
  } finally {
    await clicker.stop();
    app.quiz.runner.shutdown();
    await bare.bolt.stop();
    await bot.stop();
    await fake.close();
    app.db.close();
  }
}

/** The load generator in its worker thread, loaded through tsx there too. */
async function startClicker(): Promise<{
  load(burst: Burst): Promise<void>;
  go(): Promise<BurstResult>;
  stop(): Promise<void>;
}> {
  const api = import.meta.resolve('tsx/esm/api');
  const file = new URL('./b3-clicker.ts', import.meta.url).href;
  const worker = new Worker(
    `import(${JSON.stringify(api)}).then((m) => { m.register(); return import(${JSON.stringify(file)}); })`,
    { eval: true },
  );
  const next = () =>
    new Promise<unknown>((resolve, reject) => {
      worker.once('message', (message) => {
        worker.off('error', reject);
        resolve(message);
      });
      worker.once('error', reject);
    });
  await next(); // 'ready'
  return {
    async load(burst) {
      const loaded = next();
      worker.postMessage({ kind: 'load', burst } satisfies ClickerMessage);
      await loaded;
    },
    async go() {
      const result = next();
      worker.postMessage({ kind: 'go' } satisfies ClickerMessage);
      return (await result) as BurstResult;
    },
    stop: async () => {
      await worker.terminate();
    },
  };
}
