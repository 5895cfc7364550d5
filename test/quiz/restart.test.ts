import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { replyText } from '../../src/chat/reply.ts';
import { REVEAL_PAUSE_MS } from '../../src/quiz/live.ts';
import { currentQuestion, quizHarness, T0 } from './harness.ts';

/**
 * A restart between two answers of a live quiz: the first bot is abandoned mid-quiz (as a killed
 * process would be: no shutdown, timers lost), a second one opens the same database file and
 * attaches its Outbox. No answer may be lost, and the quiz goes on or closes with its scores.
 */
const dbFile = () => join(mkdtempSync(join(tmpdir(), 'podium-quiz-')), 'p.db');

describe('live quiz across a restart', () => {
  it('GIVEN a timed quiz and one answer WHEN the bot dies and comes back after the deadline THEN the question is revealed with that answer and the quiz continues', async () => {
    const path = dbFile();
    const clock = { now: T0 };
    const before = quizHarness({ timed: true, dbPath: path, clock });
    before.send('alice', '/quiz start selectors 2 20 lobby:0');
    await before.advance(2_000);
    const q1 = currentQuestion(before);
    expect(before.say('alice', `/quiz answer ${q1.right}`)).toMatch(/^Got it/);
    await before.settle();
    // The process is killed here; 40 s pass before the new one starts.
    clock.now += 40_000;
    // The channel keeps the first bot's messages, so the new one edits the question it posted.
    const after = quizHarness({ timed: true, dbPath: path, clock, posts: before.posts });
    await after.settle();
    expect(after.posts).toHaveLength(1);
    expect(after.post(0)).toMatch(/^Question 1\/2 · Label selectors/);
    expect(after.posts[0]?.edits).toHaveLength(2);
    expect(
      replyText(after.posts[0]?.edits[0] ?? { ok: true, blocks: [], choices: [], visibility: 'public' }),
    ).toContain('⏱ This question is closed.');
    expect(after.edited(0)).toMatch(/^Question 1\/2: the answer is [\s\S]*• alice \+950 pts/);
    await after.advance(REVEAL_PAUSE_MS);
    expect(after.post(-1)).toMatch(/^Question 2\/2 · Label selectors/);
    const q2 = currentQuestion(after);
    after.send('bob', `/quiz answer ${q2.right}`);
    await after.advance(20_000);
    expect(after.post(-1)).toMatch(
      /^🏁 The quiz on Label selectors is over\.\n\n🥇 bob · 1000 pts \(1\/1 right\)\n🥈 alice · 950 pts \(1\/1 right\)/,
    );
  });

  it('GIVEN an untimed quiz with one answer WHEN the bot restarts and the second member answers THEN the reveal counts both', async () => {
    const path = dbFile();
    const before = quizHarness({ timed: false, dbPath: path });
    before.send('alice', '/quiz start labels 2');
    await before.settle();
    const q = currentQuestion(before);
    before.send('alice', `/quiz answer ${q.right}`);
    // The channel keeps the first bot's messages, so the new one edits the question it posted.
    const after = quizHarness({ timed: false, dbPath: path, posts: before.posts });
    await after.settle();
    expect(after.posts).toHaveLength(1);
    expect(after.posts[0]?.edits).toHaveLength(0);
    expect(after.say('alice', `/quiz answer ${q.wrong}`)).toMatch(/^You already answered this question/);
    after.send('bob', `/quiz answer ${q.ref} ${q.wrong}`);
    after.send('alice', '/quiz next');
    await after.settle();
    expect(after.posts).toHaveLength(2);
    expect(after.posts[0]?.edits).toHaveLength(2);
    const reveal = after.edited(0);
    expect(reveal).toMatch(/^Question 1\/2: the answer is /);
    expect(reveal).toContain('• alice +1000 pts');
    expect(after.app.quiz.live.answers(1, 0).map((a) => a.user)).toEqual(['alice', 'bob']);
    expect(after.post(1)).toMatch(/^Question 2\/2/);
  });

  it('GIVEN a quiz whose first question was committed but never posted WHEN a bot attaches its Outbox THEN the question is posted then', async () => {
    const path = dbFile();
    const before = quizHarness({ timed: false, dbPath: path, attach: false });
    expect(before.send('alice', '/quiz start why-pods 1').ok).toBe(true);
    await before.settle();
    expect(before.posts).toHaveLength(0);
    const after = quizHarness({ timed: false, dbPath: path });
    await after.settle();
    expect(after.posts).toHaveLength(1);
    expect(after.post(0)).toMatch(/^Question 1\/1 · Why pods exist/);
    expect(after.posts[0]?.reply.choices.length).toBeGreaterThan(0);
  });
});
