import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { getPriority, loadavg, setPriority, tmpdir } from 'node:os';
import { join } from 'node:path';
import { SLACK_SINKS } from '../src/adapters/slack/sinks.ts';
import { startSlack } from '../src/adapters/slack/slack.ts';
import { createApp } from '../src/app.ts';
import { workerPool } from '../src/executor/pool.ts';
import { createLogger } from '../src/log.ts';
import { type Bank, formatProblem, loadBanks } from '../src/quiz/banks.ts';
import { REAL_TIMERS } from '../src/quiz/live-runner.ts';
import type { QuestionKind } from '../src/quiz/question.ts';
import { SIGNING_SECRET } from '../test/adapters/slack/fake/payloads.ts';
import type { StoredMessage } from '../test/adapters/slack/fake/state.ts';
import type { BurstResult, ClickerMessage } from './b3-clicker.ts';
import type { FakeInfo, FakeRequest } from './b3-fake-slack.ts';
import { settled, startBare } from './b3-slack.ts';
import { entryArgs } from './here.ts';
import { profileTo, threadCpuMs, threadWait } from './probe.ts';
import { percentile, summarize, type Timings } from './stats.ts';

/**
 * B3: a live quiz question in a Slack channel, answered by 1,000 members within one second,
 * through the real adapter (`startSlack`, Bolt's HTTP receiver, signed `block_actions` POSTs, or
 * `/quiz answer` for a question answered in words) against the fake Slack, with commands in the
 * worker pool as `npm start` runs them. The load generator (b3-clicker.ts) and the fake Slack
 * (b3-fake-slack.ts) are processes of their own: this process is only the servers under test.
 * Beside it, a bare Bolt app (same receiver, signing and logger) whose handlers only ack: the
 * ratio of the acks is what Podium's work after each ack costs the acks queued behind it.
 * Rounds are interleaved (bare, Podium, bare, Podium, …), each on a new question of the next
 * kind (every kind the banks have, one known question each, so nothing depends on a draw; `npm
 * run bench` plays each kind four times); the figures are the medians over the rounds, so a
 * moment of load on the machine skews one round, not the result.
 */
export interface B3Round {
  kind: QuestionKind;
  /** Rows in quiz_live_answers for the round's question once every confirmation arrived. */
  recorded: number;
  /** Private "Got it" replies the fake Slack received through the response_urls. */
  confirmed: number;
  /** HTTP 200 acks, from Podium and from the bare app. */
  acked: { real: number; bare: number };
  real: Timings;
  bare: Timings;
  /** p99 over p99, and p50 over p50. */
  ratio: number;
  ratioP50: number;
  /**
   * CPU time of the server's main (acking) thread per click: for Podium from the first click
   * until every answer is stored and confirmed, for the bare app until the last ack.
   */
  cpuPerClickMs: { real: number; bare: number };
  /**
   * CPU time of the whole server process per click over the same span as Podium's `cpuPerClickMs`:
   * the acking thread, the workers recording and grading the answers, the posting thread and
   * V8's helpers. What Podium leaves of the two cores to the acks (the clicker and the fake Slack
   * are other processes).
   */
  processCpuPerClickMs: number;
  /**
   * How long the acking thread waited for a core (runnable while another thread held it), from
   * the first send to the last ack of each burst, and that over the times it was given one (µs).
   */
  waitMs: { real: number; bare: number };
  waitPerRunUs: { real: number; bare: number };
  /** First send to last ack of the real burst. */
  wallMs: number;
  /** The 1-minute load average as the round ended. */
  load: number;
}

export interface B3 {
  members: number;
  spreadMs: number;
  rounds: B3Round[];
  /** The median of Podium's p99 acks over the rounds, over the median of bare Bolt's. */
  ratio: number;
  /** The median of the rounds' own ratios (each Podium round over the bare one just before it). */
  ratioOfRounds: number;
  /** The same as `ratio`, of the p50s. */
  ratioP50: number;
  realP99: number;
  bareP99: number;
  cpuPerClickMs: { real: number; bare: number };
  /** The median of the rounds' `processCpuPerClickMs`. */
  processCpuPerClickMs: number;
  /** The medians of the rounds' `waitMs` and `waitPerRunUs`. */
  waitMs: { real: number; bare: number };
  waitPerRunUs: { real: number; bare: number };
  /** The 1-minute load average at the end: above the core count, latencies are inflated. */
  loadAverage: number;
}

const WARM_UP = 200;

/** Every kind of question, in the order the rounds play them. */
export const KINDS: readonly QuestionKind[] = [
  'single',
  'multi',
  'truefalse',
  'predict',
  'selector',
  'command',
];

/**
 * One bank per kind (`b3-single`, …), each holding the first question of that kind in the real
 * banks, and what a member types to answer it when it has no buttons (its sample answer).
 */
export function benchBanks(): { banks: Bank[]; typed: Map<QuestionKind, string> } {
  const loaded = loadBanks();
  if (!loaded.ok) throw new Error(loaded.error.map(formatProblem).join('\n'));
  const all = loaded.value.flatMap((b) => b.questions);
  const typed = new Map<QuestionKind, string>();
  const banks = KINDS.map((kind): Bank => {
    const question = all.find((q) => q.kind === kind);
    if (question === undefined) throw new Error(`the banks have no ${kind} question`);
    if (question.kind === 'selector' || question.kind === 'command') typed.set(kind, question.sample);
    const topic = `b3-${kind}`;
    return {
      topic,
      title: { ko: topic, en: topic },
      file: `${topic}.yaml`,
      questions: [{ ...question, topic }],
    };
  });
  return { banks, typed };
}

export async function benchQuizBurst(
  members = 1_000,
  spreadMs = 1_000,
  roundCount = KINDS.length,
): Promise<B3> {
  // The fake Slack stands for Slack's servers, which in production answer the confirmations on
  // machines of their own: here it shares the two cores, so it runs 10 nice steps down, using what
  // the servers under test leave (the clicker, the load, keeps the normal priority).
  const fake = await startChild<FakeInfo>('b3-fake-slack', 10);
  const info = fake.ready;
  const dir = mkdtempSync(join(tmpdir(), 'podium-b3-'));
  const dbPath = join(dir, 'b3.db');
  const { banks, typed } = benchBanks();
  const created = createApp({
    dbPath,
    log: createLogger('silent'),
    defaultLang: 'en',
    banks,
    // Real timers: the 60-second question must not close during the burst.
    timers: REAL_TIMERS,
  });
  if (!created.ok) throw new Error(created.error);
  const app = created.value;
  // Commands run in the worker pool, as `npm start` runs them with Slack (src/main.ts).
  const pool = workerPool(app, { dbPath, banks, sinks: SLACK_SINKS });
  await pool.ready();
  const bot = await startSlack(app, {
    botToken: info.botToken,
    signingSecret: SIGNING_SECRET,
    apiUrl: info.apiUrl,
    port: 0,
    host: '127.0.0.1',
    retries: 0,
    executor: pool,
  });
  // As src/main.ts does once the platforms are up.
  pool.warm();
  bot.warm();
  const bare = await startBare(info, app);
  const clicker = await startChild<null>('b3-clicker');
  const url = `http://127.0.0.1:${bot.port ?? 0}/slack/events`;
  const quiz = (channel: string, kind: QuestionKind) =>
    fake.ask({ kind: 'quiz', url, channel, topic: `b3-${kind}` }) as Promise<StoredMessage>;
  /** The signed clicks, in a file the clicker reads: they never pass through this process. */
  const clicks = async (question: StoredMessage, kind: QuestionKind, prefix: string, count: number) => {
    const file = join(dir, `${prefix}.json`);
    await fake.ask({ kind: 'clicks', question, prefix, count, typed: typed.get(kind) ?? '', file });
    return file;
  };
  const posts = () => fake.ask({ kind: 'posts' }) as Promise<number>;
  const confirmed = (channel: string, since: number) => () =>
    fake.ask({ kind: 'confirmed', channel, since }) as Promise<number>;
  const burst = async (target: string, file: string, spread: number) => {
    await clicker.call({ kind: 'load', url: target, file, spreadMs: spread }, 'loaded');
    return (await clicker.call({ kind: 'go' })) as BurstResult;
  };
  try {
    // Warm both servers up (JIT, sockets, workers) with a smaller burst on each kind.
    for (const kind of KINDS) {
      const channel = `C0WARM${kind.toUpperCase()}`;
      const warm = await quiz(channel, kind);
      const warmSince = await posts();
      await burst(url, await clicks(warm, kind, `W${kind}`, WARM_UP), WARM_UP);
      await settled(confirmed(channel, warmSince), app, channel, WARM_UP);
      await burst(bare.url, await clicks(warm, kind, `V${kind}`, WARM_UP), WARM_UP);
    }

    const rounds: B3Round[] = [];
    for (let r = 1; r <= roundCount; r++) {
      const kind = KINDS[(r - 1) % KINDS.length] ?? 'single';
      const channel = `C0BURST${r}`;
      const question = await quiz(channel, kind);
      const bareClicks = await clicks(question, kind, `B${r}`, members);
      // B3_PROFILE_BARE=FILE: the same of the bare app's burst, to set beside it.
      const stopBareProfile = await profileTo(r === roundCount ? process.env.B3_PROFILE_BARE : undefined);
      let cpu = threadCpuMs();
      let waited = threadWait();
      const bareRun = await burst(bare.url, bareClicks, spreadMs);
      const bareCpu = threadCpuMs() - cpu;
      const bareWait = waitedSince(waited);
      await stopBareProfile();
      const realClicks = await clicks(question, kind, `M${r}`, members);
      const since = await posts();
      // B3_PROFILE=FILE: a CPU profile of the server's thread during the last round's real burst.
      const stopProfile = await profileTo(r === roundCount ? process.env.B3_PROFILE : undefined);
      cpu = threadCpuMs();
      const allCpu = process.cpuUsage();
      waited = threadWait();
      const realRun = await burst(url, realClicks, spreadMs);
      const realWait = waitedSince(waited);
      const { recorded, confirmed: got } = await settled(confirmed(channel, since), app, channel, members);
      const realCpu = threadCpuMs() - cpu;
      const spentAll = process.cpuUsage(allCpu);
      await stopProfile();
      // A request that failed has no latency; it shows in the ack count instead.
      const real = summarize(realRun.latencies.filter(Number.isFinite));
      const bareTimes = summarize(bareRun.latencies.filter(Number.isFinite));
      const ok = (run: BurstResult) => run.statuses.filter((s) => s === 200).length;
      rounds.push({
        kind,
        recorded,
        confirmed: got,
        acked: { real: ok(realRun), bare: ok(bareRun) },
        real,
        bare: bareTimes,
        ratio: real.p99 / bareTimes.p99,
        ratioP50: real.p50 / bareTimes.p50,
        cpuPerClickMs: { real: realCpu / members, bare: bareCpu / members },
        processCpuPerClickMs: (spentAll.user + spentAll.system) / 1000 / members,
        waitMs: { real: realWait.waitMs, bare: bareWait.waitMs },
        waitPerRunUs: {
          real: (1000 * realWait.waitMs) / realWait.runs,
          bare: (1000 * bareWait.waitMs) / bareWait.runs,
        },
        wallMs: realRun.wallMs,
        load: loadavg()[0] ?? Number.NaN,
      });
    }
    // The confirmations were posted by the workers that recorded the answers, as in production (a
    // build without the sink's entry would send every one back to the acking thread).
    const expected = roundCount * members;
    if (pool.repliesSent() < expected)
      throw new Error(`B3: the workers' sink sent ${pool.repliesSent()} of ${expected} confirmations`);
    const median = (pick: (r: B3Round) => number) => {
      const sorted = rounds.map(pick).sort((a, b) => a - b);
      const middle = sorted.length / 2;
      return Number.isInteger(middle)
        ? ((sorted[middle - 1] ?? Number.NaN) + (sorted[middle] ?? Number.NaN)) / 2
        : percentile(sorted, 50);
    };
    return {
      members,
      spreadMs,
      rounds,
      ratio: median((r) => r.real.p99) / median((r) => r.bare.p99),
      ratioOfRounds: median((r) => r.ratio),
      ratioP50: median((r) => r.real.p50) / median((r) => r.bare.p50),
      realP99: median((r) => r.real.p99),
      bareP99: median((r) => r.bare.p99),
      cpuPerClickMs: { real: median((r) => r.cpuPerClickMs.real), bare: median((r) => r.cpuPerClickMs.bare) },
      processCpuPerClickMs: median((r) => r.processCpuPerClickMs),
      waitMs: { real: median((r) => r.waitMs.real), bare: median((r) => r.waitMs.bare) },
      waitPerRunUs: { real: median((r) => r.waitPerRunUs.real), bare: median((r) => r.waitPerRunUs.bare) },
      loadAverage: loadavg()[0] ?? Number.NaN,
    };
  } finally {
    await clicker.call({ kind: 'stop' }, null).catch(() => {});
    app.quiz.runner.shutdown();
    await bare.bolt.stop();
    await bot.stop();
    await pool.close();
    await fake.ask({ kind: 'close' }).catch(() => {});
    clicker.kill();
    fake.kill();
    app.db.close();
    // The database and the clicks' files (3 MB a burst): the machine is shared.
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The acking thread's waits for a core since `before`. */
function waitedSince(before: ReturnType<typeof threadWait>): ReturnType<typeof threadWait> {
  const now = threadWait();
  return { waitMs: now.waitMs - before.waitMs, runs: now.runs - before.runs };
}

interface Child<Ready> {
  ready: Ready;
  /** Sends a request with an id and resolves with the answer of the same id (the fake Slack). */
  ask(request: FakeRequest): Promise<unknown>;
  /** Sends a message and resolves with the next message (the clicker answers in order). */
  call(message: ClickerMessage, expect?: unknown): Promise<unknown>;
  kill(): void;
}

/** A bench entry as a process of its own with an IPC channel (compiled or through tsx, see here.ts). */
async function startChild<Ready>(name: string, nice = 0): Promise<Child<Ready>> {
  const child = spawn(process.execPath, entryArgs(name), { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  if (nice !== 0 && child.pid !== undefined)
    setPriority(child.pid, Math.min(19, getPriority(child.pid) + nice));
  // A bench that crashes takes its children with it (a fake Slack left behind holds the terminal's pipe).
  process.once('exit', () => {
    if (child.exitCode === null) child.kill();
  });
  const waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  const next: ((message: unknown) => void)[] = [];
  let ids = 0;
  const ready = await new Promise<Ready>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`${name} exited with ${code}`)));
    child.once('message', (message: unknown) => {
      const m = message as { ready?: Ready } | string;
      resolve(typeof m === 'object' && m !== null && 'ready' in m ? (m.ready as Ready) : (null as Ready));
    });
  });
  child.on('message', (message: unknown) => {
    const m = message as { id?: number; value?: unknown; error?: string };
    const pending = typeof m === 'object' && m !== null && m.id !== undefined ? waiting.get(m.id) : undefined;
    if (pending !== undefined && m.id !== undefined) {
      waiting.delete(m.id);
      if (m.error !== undefined) pending.reject(new Error(m.error));
      else pending.resolve(m.value);
      return;
    }
    next.shift()?.(message);
  });
  return {
    ready,
    ask: (request) =>
      new Promise((resolve, reject) => {
        const id = ++ids;
        waiting.set(id, { resolve, reject });
        child.send({ ...request, id });
      }),
    call: (message, expect) =>
      new Promise((resolve, reject) => {
        if (expect === null) {
          child.send(message, (e) => (e ? reject(e) : resolve(null)));
          return;
        }
        next.push((answer) =>
          expect === undefined || answer === expect
            ? resolve(answer)
            : reject(new Error(`expected ${String(expect)}`)),
        );
        child.send(message);
      }),
    kill: () => {
      if (child.exitCode === null) child.kill();
    },
  };
}
