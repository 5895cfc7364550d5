import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { CHAT_COMMANDS, KUBECTL_VERBS } from '../../commands/index.ts';
import { createApp } from '../../src/app.ts';
import type { App } from '../../src/chat/context.ts';
import { dispatch } from '../../src/chat/dispatch.ts';
import { replyText } from '../../src/chat/reply.ts';
import type { Request } from '../../src/chat/request.ts';
import { type Executor, inProcessExecutor } from '../../src/executor/executor.ts';
import { createLogger } from '../../src/log.ts';
import { answerBatcher, BATCH_WINDOW_MS } from '../../src/quiz/answer-batcher.ts';
import { GROUP_BANK } from '../adapters/group-bank.ts';
import { answersTo, fakeTimers, recordingOutbox, T0 } from './harness.ts';

/**
 * Answers arriving in one turn of the event loop are recorded in one batch (one transaction), each
 * once, each at the moment it arrived: the batch runs later, but a live quiz scores by arrival.
 */
const CHANNEL = 'general';

/** A gate the test opens by hand. */
function held(): { gate: Promise<void>; open: () => void } {
  let open = () => {};
  const gate = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { gate, open };
}

/** `gate`: the executor holds its first batch until it resolves (a batch still being written). */
function setUp(gate: Promise<void> = Promise.resolve()) {
  const clock = { now: T0 };
  const fake = fakeTimers(clock);
  const created = createApp({
    dbPath: ':memory:',
    log: createLogger('warn', new Writable({ write: (_c, _e, done) => done() })),
    clock: () => clock.now,
    defaultLang: 'en',
    guide: false,
    banks: [GROUP_BANK],
    timers: fake.timers,
  });
  if (!created.ok) throw new Error(created.error);
  const app = created.value;
  app.quiz.runner.attach('slack', recordingOutbox([]));
  const batches: number[] = [];
  const inner = inProcessExecutor(app, CHAT_COMMANDS, KUBECTL_VERBS);
  const executor: Executor = {
    ...inner,
    runBatch: async (key, items) => {
      batches.push(items.length);
      await gate;
      return inner.runBatch(key, items);
    },
  };
  /** Moves the clock to `at`, running the runner's timers that fall due on the way. */
  const advanceTo = (at: number) => {
    for (let entry = fake.due(at); entry !== undefined; entry = fake.due(at)) {
      fake.pending.delete(entry[0]);
      clock.now = entry[1].at;
      entry[1].run();
    }
    clock.now = at;
  };
  return { app, clock, batches, advanceTo, batcher: answerBatcher(app, executor) };
}

const request = (user: string, text: string): Request => ({
  platform: 'slack',
  scope: 'T1',
  channel: CHANNEL,
  user,
  userName: user,
  text,
  attachments: [],
});

function liveQuestion(app: App) {
  const session = app.quiz.live.activeIn({ platform: 'slack', scope: 'T1', channel: CHANNEL });
  const slot = session?.questions[session.current];
  const question = slot === undefined ? null : app.quiz.catalog().question(slot.questionId);
  if (session === undefined || question === null) throw new Error('no live question');
  return { session, ref: `#${session.id}.${session.current + 1}`, ...answersTo(question) };
}

describe('quiz answers recorded in batches', () => {
  it('GIVEN a live question WHEN eight answers (one member twice) arrive in one tick at different times THEN one batch records each member once, at the time their answer arrived, faster answers scoring more', async () => {
    const { app, clock, batches, batcher } = setUp();
    expect(replyText(dispatch(app, CHAT_COMMANDS, request('host', '/quiz start group 1 30')))).toContain(
      'Live quiz',
    );
    const { session, ref, right } = liveQuestion(app);
    const members = Array.from({ length: 7 }, (_, i) => `U${i}`);
    const arrived = new Map<string, number>();
    const replies = [];
    for (const [i, user] of members.entries()) {
      clock.now = T0 + 1_000 * (i + 1);
      arrived.set(user, clock.now);
      replies.push(batcher.answer(request(user, `/quiz answer ${ref} ${right}`), clock.now));
    }
    // The first member clicks again in the same tick.
    replies.push(batcher.answer(request('U0', `/quiz answer ${ref} ${right}`), clock.now));
    // The batch itself runs much later than the clicks arrived.
    clock.now = T0 + 25_000;
    const texts = (await Promise.all(replies)).map(({ reply }) => replyText(reply));

    expect(batches).toEqual([8]);
    expect(texts.slice(0, 7).every((text) => text.startsWith('Got it'))).toBe(true);
    expect(texts[7]).toContain('You already answered this question');
    const rows = app.db
      .prepare(
        'SELECT user_id, answered_at, points FROM quiz_live_answers WHERE session_id = ? ORDER BY user_id',
      )
      .all(session.id) as { user_id: string; answered_at: number; points: number }[];
    expect(rows.map((r) => [r.user_id, r.answered_at])).toEqual(members.map((u) => [u, arrived.get(u)]));
    const points = rows.map((r) => r.points);
    expect(points).toEqual([...points].sort((a, b) => b - a));
    expect(points[0]).toBeGreaterThan(points.at(-1) ?? 0);
  });

  it('GIVEN a batch still being written WHEN more answers arrive over several ticks THEN they wait and go together as the next batch, each recorded once', async () => {
    const { gate, open } = held();
    const { app, batches, batcher, clock } = setUp(gate);
    dispatch(app, CHAT_COMMANDS, request('host', '/quiz start group 1 30'));
    const { session, ref, right } = liveQuestion(app);
    const answer = (user: string) => batcher.answer(request(user, `/quiz answer ${ref} ${right}`), clock.now);
    const replies = [answer('A')];
    // A's batch leaves when its window closes, and is held there.
    while (batches.length === 0) await new Promise((resolve) => setTimeout(resolve, 1));
    for (const user of ['B', 'C', 'D']) {
      await new Promise((resolve) => setImmediate(resolve));
      replies.push(answer(user));
    }
    open();
    await Promise.all(replies);
    await batcher.idle();
    expect(batches).toEqual([1, 3]);
    const count = app.db
      .prepare('SELECT count(*) AS n FROM quiz_live_answers WHERE session_id = ?')
      .get(session.id) as { n: number };
    expect(count.n).toBe(4);
  });

  it('GIVEN answers arriving over several turns of the event loop WHEN they all come within the window THEN they go as one batch, each replied to', async () => {
    const { app, batches, batcher, clock } = setUp();
    dispatch(app, CHAT_COMMANDS, request('host', '/quiz start group 1 30'));
    const { ref, right } = liveQuestion(app);
    const started = performance.now();
    const replies = [];
    for (const user of ['A', 'B', 'C', 'D']) {
      replies.push(batcher.answer(request(user, `/quiz answer ${ref} ${right}`), clock.now));
      await new Promise((resolve) => setImmediate(resolve));
    }
    // Only if the four turns took the whole window would a second batch be fair.
    const within = performance.now() - started < BATCH_WINDOW_MS;
    const texts = (await Promise.all(replies)).map(({ reply }) => replyText(reply));
    expect(texts.every((text) => text.startsWith('Got it'))).toBe(true);
    if (within) expect(batches).toEqual([4]);
    expect(batches.reduce((a, b) => a + b, 0)).toBe(4);
  });

  it('GIVEN an answer that came 1 ms before the deadline WHEN its batch is still being written as the deadline passes THEN the question closes only after it is recorded, and it counts', async () => {
    const { gate, open } = held();
    const { app, clock, advanceTo, batcher } = setUp(gate);
    dispatch(app, CHAT_COMMANDS, request('host', '/quiz start group 1 30'));
    await app.quiz.runner.idle();
    const { session, ref, right } = liveQuestion(app);
    clock.now = T0 + 29_999;
    const answered = batcher.answer(request('A', `/quiz answer ${ref} ${right}`), clock.now);
    await new Promise((resolve) => setImmediate(resolve));
    // The deadline's timer fires while the batch is held.
    advanceTo(T0 + 30_000);
    await new Promise((resolve) => setImmediate(resolve));
    open();
    expect(replyText((await answered).reply)).toMatch(/^Got it/);
    await app.quiz.runner.idle();
    expect(app.quiz.live.get(session.id)?.phase).toBe('ended');
    expect(app.quiz.live.answers(session.id, 0).map((a) => [a.user, a.answeredAt])).toEqual([
      ['A', T0 + 29_999],
    ]);
  });
});
