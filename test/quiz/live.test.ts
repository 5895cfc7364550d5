import { describe, expect, it } from 'vitest';
import { replyText } from '../../src/chat/reply.ts';
import { REVEAL_PAUSE_MS } from '../../src/quiz/live.ts';
import { CHANNEL, currentQuestion, quizHarness } from './harness.ts';

/** Live channel quizzes, played through dispatch with a recording Outbox and hand-driven timers. */
describe('live quiz', () => {
  it('GIVEN three members WHEN a timed quiz is played to the end (bob answers twice, carol never) THEN counts, points, podium and leaderboard are right', async () => {
    const h = quizHarness({ timed: true });
    const started = h.send('alice', '/quiz start selectors 3 20 lobby:0');
    expect(started).toMatchObject({ ok: true, visibility: 'public' });
    expect(replyText(started)).toBe(
      'Live quiz on Label selectors: 3 questions, 20 s each. Answer with the buttons or `/quiz answer B`; the fastest right answers score the most.',
    );
    await h.settle();
    expect(h.posts).toHaveLength(1);
    const first = h.posts[0];
    expect(replyText(first?.reply ?? started)).toMatch(/^Question 1\/3 · Label selectors\n/);
    expect(first?.reply.deadline).toBe(h.clock.now + 20_000);

    // Question 1: alice right after 2 s, bob wrong after 5 s and then again, carol silent.
    let q = currentQuestion(h);
    if (q.question.kind !== 'selector') {
      expect(first?.reply.choices.map((c) => c.action)).toEqual(
        first?.reply.choices.map((c) => `/quiz answer ${q.ref} ${c.id}`),
      );
    }
    await h.advance(2_000);
    expect(h.send('alice', `/quiz answer ${q.ref} ${q.right}`)).toMatchObject({
      ok: true,
      visibility: 'private',
    });
    await h.advance(3_000);
    expect(h.say('bob', `/quiz answer ${q.wrong}`)).toMatch(/^Got it: /);
    const twice = h.send('bob', `/quiz answer ${q.ref} ${q.right}`);
    expect(twice.ok).toBe(false);
    expect(replyText(twice)).toMatch(
      /^You already answered this question \(.*\); only your first answer counts\.$/,
    );
    await h.advance(15_000);
    // The question closes (first edit), then its reveal is edited in above the closed question.
    expect(h.posts).toHaveLength(1);
    expect(first?.edits).toHaveLength(2);
    expect(first?.edits[0]?.choices).toEqual([]);
    expect(replyText(first?.edits[0] ?? started)).toContain('⏱ This question is closed.');
    expect(first?.edits[1]?.choices).toEqual([]);
    const closedBlocks = first?.edits[0]?.blocks ?? [];
    expect(first?.edits[1]?.blocks.slice(-closedBlocks.length)).toEqual(closedBlocks);
    const reveal1 = h.edited(0);
    expect(reveal1).toContain('⏱ This question is closed.');
    expect(reveal1).toMatch(/^Question 1\/3: the answer is /);
    expect(reveal1).toContain('• alice +950 pts');
    expect(reveal1).not.toContain('bob +');
    if (q.question.kind !== 'selector') {
      expect(reveal1).toMatch(new RegExp(`✅ ${q.right.split(',')[0]} ▇+ 1`));
      expect(reveal1).toMatch(new RegExp(`▫️ ${q.wrong} ▇ 1`));
    } else expect(reveal1).toContain('Selectors written: 1 right, 1 wrong.');
    expect(reveal1).toContain(`Next question in ${REVEAL_PAUSE_MS / 1000} s.`);

    // A click on question 1's button now: closed.
    expect(h.say('carol', `/quiz answer ${q.ref} ${q.right}`)).toBe(
      'That question is closed; it no longer takes answers.',
    );

    // Question 2 opens after the pause; alice and bob both answer, so it closes early.
    await h.advance(REVEAL_PAUSE_MS);
    expect(h.posts).toHaveLength(2);
    expect(h.post(1)).toMatch(/^Question 2\/3 · Label selectors\n/);
    q = currentQuestion(h);
    expect(q.index).toBe(1);
    await h.advance(1_000);
    h.send('bob', `/quiz answer ${q.ref} ${q.right}`);
    await h.advance(3_000);
    h.send('alice', `/quiz answer ${q.wrong}`);
    await h.settle();
    expect(h.posts).toHaveLength(2);
    expect(h.posts[1]?.edits).toHaveLength(2);
    expect(h.edited(1)).toMatch(/^Question 2\/3: the answer is /);
    expect(h.edited(1)).toContain('• bob +975 pts');

    // Question 3: both right, bob faster; then the podium and the leaderboard.
    await h.advance(REVEAL_PAUSE_MS);
    q = currentQuestion(h);
    expect(q.index).toBe(2);
    h.send('bob', `/quiz answer ${q.right}`);
    await h.advance(10_000);
    h.send('alice', `/quiz answer ${q.right}`);
    await h.settle();
    expect(h.posts).toHaveLength(4);
    const final = h.post(-1);
    expect(h.post(-2)).toMatch(/^Question 3\/3 · Label selectors\n/);
    expect(h.posts.at(-2)?.edits).toHaveLength(2);
    expect(h.edited(-2)).toMatch(/^Question 3\/3: the answer is /);
    expect(h.edited(-2)).toContain('• bob +1000 pts\n• alice +750 pts');
    expect(final).toBe(
      [
        '🏁 The quiz on Label selectors is over.',
        '',
        '🥇 bob · 1975 pts (2/3 right)',
        '🥈 alice · 1700 pts (2/3 right)',
        '',
        '🏆 Leaderboard of this channel',
        'This week:',
        '1. bob · 1975 pts (2/3 right)',
        '2. alice · 1700 pts (2/3 right)',
        '',
        'All time:',
        '1. bob · 1975 pts (2/3 right)',
        '2. alice · 1700 pts (2/3 right)',
        '',
        '📌 The questions the group missed most:',
        '• Q1: The microservices example: write a selector for pods with `app=pc` and `rel=bet… (1/2 wrong)',
        '• Q2: Which selector picks pods whose `env` is `prod` or `dev`? (1/2 wrong)',
      ].join('\n'),
    );
    expect(h.app.quiz.live.activeIn(CHANNEL)).toBeUndefined();
    expect(h.say('carol', '/quiz answer A')).toBe(
      'There is no question waiting for your answer. Try `/quiz practice`, or wait for a live quiz.',
    );
    expect(h.say('carol', '/quiz leaderboard')).toContain('1. bob · 1975 pts (2/3 right)');
    // Every live answer fed the member's history and review cards.
    expect(h.say('alice', '/quiz stats')).toContain('Label selectors: 2/3 right (67%)');
  });

  it('GIVEN no timers WHEN the host says /quiz next, and later everyone who played has answered THEN questions close and the next opens at once', async () => {
    const h = quizHarness({ timed: false });
    expect(h.say('alice', '/quiz start labels 2')).toMatch(/2 questions, no timer/);
    await h.settle();
    expect(h.posts[0]?.reply.deadline).toBeUndefined();
    let q = currentQuestion(h);
    h.send('alice', `/quiz answer ${q.right}`);
    h.send('bob', `/quiz answer ${q.right}`);
    await h.settle();
    expect(h.posts).toHaveLength(1);
    expect(h.say('bob', '/quiz next')).toBe('Only alice, who started this quiz, can do that.');
    expect(h.say('alice', '/quiz next')).toBe('Closing this question.');
    await h.settle();
    expect(h.posts.map((p) => replyText(p.reply).split('\n')[0])).toEqual([
      'Question 1/2 · Pods and labels',
      'Question 2/2 · Pods and labels',
    ]);
    expect(h.posts[0]?.edits).toHaveLength(2);
    expect(h.edited(0)).toMatch(/^Question 1\/2: the answer is /);
    q = currentQuestion(h);
    h.send('bob', `/quiz answer ${q.wrong}`);
    await h.settle();
    expect(h.posts).toHaveLength(2);
    expect(h.posts[1]?.edits).toHaveLength(0);
    h.send('alice', `/quiz answer ${q.right}`);
    await h.settle();
    expect(h.posts).toHaveLength(3);
    expect(h.posts[1]?.edits).toHaveLength(2);
    expect(h.edited(1)).toMatch(/^Question 2\/2: the answer is /);
    expect(h.post(-1)).toMatch(
      /^🏁 The quiz on Pods and labels is over\.\n\n🥇 alice · 2000 pts \(2\/2 right\)\n🥈 bob · 1000 pts \(1\/2 right\)/,
    );
  });

  it('GIVEN a running quiz WHEN another is started in the same channel THEN it is refused; another channel may run its own', async () => {
    const h = quizHarness({ timed: true });
    h.send('alice', '/quiz start');
    const again = h.send('bob', '/quiz start labels');
    expect(again.ok).toBe(false);
    expect(replyText(again)).toBe(
      'A live quiz is already running in this channel (started by alice). Join in, or wait for it to end; alice can `/quiz stop` it.',
    );
    expect(h.send('bob', '/quiz start labels', 'random').ok).toBe(true);
    await h.settle();
    expect(h.posts.map((p) => p.channel.channel)).toEqual(['general', 'random']);
  });

  it('GIVEN a quiz in progress WHEN the host stops it THEN the current question is revealed and the results keep the scores', async () => {
    const h = quizHarness({ timed: true });
    h.send('alice', '/quiz start selectors 5 30 lobby:0');
    await h.advance(1_000);
    const q = currentQuestion(h);
    h.send('bob', `/quiz answer ${q.right}`);
    expect(h.say('bob', '/quiz stop')).toBe('Only alice, who started this quiz, can do that.');
    expect(h.say('alice', '/quiz stop')).toBe('Stopping the quiz; the scores so far are kept.');
    await h.settle();
    expect(h.posts).toHaveLength(2);
    expect(h.post(-2)).toMatch(/^Question 1\/5 · Label selectors\n/);
    expect(h.posts[0]?.edits).toHaveLength(2);
    expect(h.edited(-2)).toMatch(/^Question 1\/5: the answer is /);
    expect(h.post(-1)).toMatch(
      /^🏁 The quiz on Label selectors was stopped after 1 of 5 questions\.\n\n🥇 bob · 983 pts \(1\/1 right\)/,
    );
    expect(h.app.quiz.live.activeIn(CHANNEL)).toBeUndefined();
    expect(h.say('alice', '/quiz stop')).toBe(
      'No live quiz is running in this channel. Start one with `/quiz start`.',
    );
    const pending = h.posts.length;
    await h.advance(120_000);
    expect(h.posts).toHaveLength(pending);
  });

  it('GIVEN bad answers WHEN sent THEN each gets a clear message and nothing is recorded', async () => {
    const h = quizHarness({ timed: true });
    expect(h.say('bob', '/quiz answer B')).toBe(
      'There is no question waiting for your answer. Try `/quiz practice`, or wait for a live quiz.',
    );
    expect(h.say('bob', '/quiz answer #99.1 B')).toBe('That question is closed; it no longer takes answers.');
    h.send('alice', '/quiz start labels 3 20 lobby:0');
    await h.settle();
    const q = currentQuestion(h);
    const huge = 'x'.repeat(10 * 1024);
    const tooLong = h.send('bob', `/quiz answer ${huge}`);
    expect(replyText(tooLong)).toBe(
      'That answer is too long (10240 characters; at most 300). Nothing was recorded.',
    );
    if (q.question.kind === 'single' || q.question.kind === 'multi') {
      expect(h.say('bob', '/quiz answer Q')).toMatch(
        /^There is no choice Q here: the choices are A, B, .*\. Nothing was recorded\.$/,
      );
    }
    if (q.question.kind === 'single')
      expect(h.say('bob', '/quiz answer A,B')).toMatch(/^Pick exactly one choice/);
    expect(h.say('bob', '/quiz answer #1.3 A')).toBe('That question is closed; it no longer takes answers.');
    expect(h.app.quiz.live.answers(1, 0)).toEqual([]);
    expect(h.say('bob', `/quiz answer ${q.right}`)).toMatch(/^Got it: /);
    expect(h.app.quiz.live.answers(1, 0)).toHaveLength(1);
    await h.advance(20_000);
    expect(h.say('bob', `/quiz answer ${q.ref} ${q.right}`)).toBe(
      'That question is closed; it no longer takes answers.',
    );
    expect(h.app.quiz.live.answers(1, 0)).toHaveLength(1);
  });

  it('GIVEN a selector question in a live quiz WHEN a member writes a selector that does not parse THEN the parser’s message points at the column', () => {
    const h = quizHarness({ timed: false });
    h.send('alice', '/quiz practice selectors');
    for (let i = 0; i < 30; i++) {
      const solo = h.app.quiz.progress.solo({ platform: 'console', scope: 'test', user: 'alice' });
      const question = h.app.quiz.catalog().question(solo?.questionId ?? '');
      if (question?.kind === 'selector') break;
      h.send('alice', '/quiz answer T');
      h.send('alice', '/quiz practice selectors');
    }
    const reply = h.send('alice', '/quiz answer env in (prod');
    expect(reply.ok).toBe(false);
    expect(reply.blocks).toEqual([
      {
        kind: 'text',
        text: 'That selector does not parse, so nothing was recorded; fix it and answer again:',
      },
      { kind: 'code', text: expect.stringMatching(/^env in \(prod\n {12}\^\nunable to parse requirement: /) },
    ]);
  });
});
