import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHAT_COMMANDS } from '../../commands/index.ts';
import { createApp } from '../../src/app.ts';
import type { App } from '../../src/chat/context.ts';
import { dispatch } from '../../src/chat/dispatch.ts';
import { replyText } from '../../src/chat/reply.ts';
import type { Request } from '../../src/chat/request.ts';
import { type WorkerPool, workerPool } from '../../src/executor/pool.ts';
import { createLogger } from '../../src/log.ts';
import { GROUP_BANK } from '../adapters/group-bank.ts';
import { tempDbPath } from '../helpers/console.ts';
import { answersTo, T0 } from './harness.ts';

/**
 * A batch of quiz answers through the worker pool (as `npm start` runs commands): one job, each
 * answer recorded once at the time it arrived, the quiz's runner told after the commit.
 */
const request = (user: string, text: string): Request => ({
  platform: 'slack',
  scope: 'T1',
  channel: 'general',
  user,
  userName: user,
  text,
  attachments: [],
});

let app: App;
let pool: WorkerPool;
const clock = { now: T0 };
beforeAll(async () => {
  const dbPath = tempDbPath('podium-batch-');
  const created = createApp({
    dbPath,
    log: createLogger('warn', new Writable({ write: (_c, _e, done) => done() })),
    clock: () => clock.now,
    defaultLang: 'en',
    guide: false,
    banks: [GROUP_BANK],
    timers: null,
  });
  if (!created.ok) throw new Error(created.error);
  app = created.value;
  pool = workerPool(app, { dbPath, workers: 1, spare: false, banks: [GROUP_BANK] });
  await pool.ready();
});
afterAll(async () => {
  await pool.close();
  app.db.close();
});

describe('quiz answers batched in a worker', () => {
  it('GIVEN a live question WHEN a batch of answers (one member twice) runs in the pool THEN each member is recorded once at their own arrival time and answered in their language', async () => {
    dispatch(app, CHAT_COMMANDS, request('host', '/quiz start group 1 30'));
    const session = app.quiz.live.activeIn({ platform: 'slack', scope: 'T1', channel: 'general' });
    const slot = session?.questions[0];
    const question = slot === undefined ? null : app.quiz.catalog().question(slot.questionId);
    if (session === undefined || question === null) throw new Error('no live question');
    const { right } = answersTo(question);
    const text = `/quiz answer #${session.id}.1 ${right}`;
    dispatch(app, CHAT_COMMANDS, request('U2', '/lang ko'));
    const users = ['U1', 'U2', 'U3', 'U1'];
    clock.now = T0 + 60_000;
    const replies = await pool.runBatch(
      'answers/slack/T1/general',
      users.map((user, i) => ({ request: request(user, text), at: T0 + 1_000 * (i + 1) })),
    );
    const texts = replies.map(({ reply }) => replyText(reply));
    expect(texts[0]).toMatch(/^Got it/);
    expect(texts[1]).not.toMatch(/^Got it/);
    expect(texts[2]).toMatch(/^Got it/);
    expect(texts[3]).toContain('You already answered this question');
    // Each reply comes with its member's language, for the adapter to render it in.
    expect(replies.map(({ lang }) => lang)).toEqual(['en', 'ko', 'en', 'en']);
    const rows = app.db
      .prepare('SELECT user_id, answered_at FROM quiz_live_answers WHERE session_id = ? ORDER BY user_id')
      .all(session.id);
    expect(rows).toEqual([
      { user_id: 'U1', answered_at: T0 + 1_000 },
      { user_id: 'U2', answered_at: T0 + 2_000 },
      { user_id: 'U3', answered_at: T0 + 3_000 },
    ]);
  });
});
