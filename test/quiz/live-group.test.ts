import { describe, expect, it } from 'vitest';
import { replyText } from '../../src/chat/reply.ts';
import { grade } from '../../src/quiz/grade.ts';
import type { LiveSession } from '../../src/quiz/live.ts';
import { revealedChoices, revealReply } from '../../src/quiz/live-render.ts';
import type { Question } from '../../src/quiz/question.ts';
import { creditPoints } from '../../src/quiz/scoring.ts';
import { answersTo, CHANNEL, currentQuestion, quizHarness } from './harness.ts';

/** The study group's live quiz: lobby, participants, partial credit, the reveal, host controls. */
describe('a fair live quiz', () => {
  it('GIVEN a lobby WHEN members join and the host opens question 1 THEN it closes as soon as every participant answered; a late member answers question 2', async () => {
    const h = quizHarness({ timed: false });
    expect(h.say('alice', '/quiz start labels 3 lobby:30')).toBe(
      'Live quiz on Pods and labels: 3 questions. Press Join to play; question 1 opens on `/quiz next`.',
    );
    await h.settle();
    const lobby = h.posts[0]?.reply;
    expect(replyText(lobby ?? { ok: true, blocks: [], choices: [], visibility: 'public' })).toMatch(
      /^🎬 Live quiz on Pods and labels/,
    );
    const join = lobby?.choices[0];
    expect(join).toMatchObject({
      id: 'join',
      label: 'Join',
      action: expect.stringMatching(/^\/quiz join #\d+$/),
    });
    expect(h.say('alice', join?.action ?? '')).toBe('You are in (1 playing). Question 1 opens soon.');
    expect(h.say('bob', join?.action ?? '')).toBe('You are in (2 playing). Question 1 opens soon.');
    expect(h.send('bob', join?.action ?? '').ok).toBe(false);
    // Nobody but the host (or a moderator) opens the question.
    expect(h.say('bob', '/quiz next')).toBe('Only alice, who started this quiz, can do that.');
    h.send('alice', '/quiz next');
    await h.settle();
    const q1 = currentQuestion(h);
    expect(q1.index).toBe(0);
    h.send('alice', `/quiz answer ${q1.ref} ${q1.right}`);
    await h.settle();
    expect(currentQuestion(h).index).toBe(0);
    h.send('bob', `/quiz answer ${q1.ref} ${q1.wrong}`);
    await h.settle();
    // Both participants answered: question 2 is open at once.
    const q2 = currentQuestion(h);
    expect(q2.index).toBe(1);
    // carol arrives late and answers the open question; it still waits for alice and bob.
    expect(h.say('carol', `/quiz answer ${q2.ref} ${q2.right}`)).toMatch(/^Got it/);
    h.send('alice', `/quiz answer ${q2.ref} ${q2.right}`);
    await h.settle();
    expect(currentQuestion(h).index).toBe(1);
    h.send('bob', `/quiz answer ${q2.ref} ${q2.right}`);
    await h.settle();
    expect(currentQuestion(h).index).toBe(2);
    expect(h.app.quiz.live.participants(h.app.quiz.live.activeIn(CHANNEL)?.id ?? 0)).toBe(3);
  });

  it('GIVEN a running quiz WHEN a member who is not the host says /quiz stop THEN it is refused politely; a moderator may stop it', async () => {
    const h = quizHarness({ timed: false, moderators: ['mia'] });
    h.send('alice', '/quiz start labels 2');
    await h.settle();
    expect(h.say('bob', '/quiz stop')).toBe('Only alice, who started this quiz, can do that.');
    expect(h.say('mia', '/quiz stop')).toBe('Stopping the quiz; the scores so far are kept.');
    await h.settle();
    expect(h.app.quiz.live.activeIn(CHANNEL)).toBeUndefined();
  });

  it('GIVEN a channel where only moderators start quizzes WHEN a member starts one THEN it is refused', () => {
    const h = quizHarness({ timed: false, moderators: ['mia'] });
    h.send('mia', '/settings quiz-starters moderators');
    expect(h.send('bob', '/quiz start labels 2').ok).toBe(false);
    expect(h.send('mia', '/quiz start labels 2').ok).toBe(true);
  });

  it('GIVEN a quiz the group got wrong WHEN it ends THEN the podium lists the most-missed questions and Practise these serves exactly those, privately', async () => {
    const h = quizHarness({ timed: false });
    h.send('alice', '/quiz start labels 2');
    await h.settle();
    const missedIds: string[] = [];
    for (let i = 0; i < 2; i++) {
      const q = currentQuestion(h);
      missedIds.push(q.question.id);
      h.send('alice', `/quiz answer ${q.ref} ${q.wrong}`);
      h.send('alice', '/quiz next');
      await h.settle();
    }
    const final = h.posts.at(-1)?.reply;
    expect(replyText(final ?? { ok: true, blocks: [], choices: [], visibility: 'public' })).toContain(
      '📌 The questions the group missed most:',
    );
    const practise = final?.choices[0];
    expect(practise).toMatchObject({
      label: 'Practise these',
      action: expect.stringMatching(/^\/quiz practice missed:\d+$/),
    });
    const first = h.send('bob', practise?.action ?? '');
    expect(first.visibility).toBe('private');
    expect(replyText(first)).toMatch(/^Practice · what the group missed \(2 left\)/);
    const served: string[] = [];
    for (let i = 0; i < 2; i++) {
      const solo = h.app.quiz.progress.solo({ platform: 'console', scope: 'test', user: 'bob' });
      served.push(solo?.questionId ?? '');
      const question = h.app.quiz.catalog().question(solo?.questionId ?? '');
      if (question === null) throw new Error('no question');
      const after = h.say('bob', `/quiz answer ${answersTo(question).right}`);
      if (i === 1) expect(after).toContain('That was the last of the questions the group missed.');
    }
    expect(served.sort()).toEqual([...missedIds].sort());
  });
});

describe('partial credit and the reveal', () => {
  const multi: Question = {
    id: 't-1',
    topic: 't',
    concept: 1,
    section: 's',
    kind: 'multi',
    prompt: { en: 'Pick', ko: '고르세요' },
    explanation: { en: 'Because.', ko: '그래서.' },
    choices: [
      { id: 'A', text: { en: 'a', ko: 'a' } },
      { id: 'B', text: { en: 'b', ko: 'b' } },
      { id: 'C', text: { en: 'c', ko: 'c' } },
      {
        id: 'D',
        text: { en: 'd', ko: 'd' },
        misconception: { en: 'D looks right but is not.', ko: 'D는 아니에요.' },
      },
    ],
    answer: ['A', 'B', 'C'],
  };

  it('GIVEN a multi-select with a key of 3 WHEN answers pick some THEN credit is (right - wrong) / 3, never below 0', () => {
    const credit = (text: string) =>
      (grade(multi, text) as { ok: true; value: { credit: number } }).value.credit;
    expect(credit('A,B,C')).toBe(1);
    expect(credit('A,B')).toBeCloseTo(2 / 3);
    expect(credit('A,B,D')).toBeCloseTo(1 / 3);
    expect(credit('A,D')).toBe(0);
    expect(credit('D')).toBe(0);
    expect(creditPoints(2 / 3, 0, 0, 20)).toBe(667);
    expect(creditPoints(0, 0, 0, 20)).toBe(0);
  });

  it('GIVEN answers WHEN revealed THEN counts per option, the most-picked wrong option’s misconception, who was partly right, and the right buttons marked', () => {
    const session = {
      lang: 'en',
      questions: [{}],
      phase: 'ended',
      current: 0,
      timed: false,
    } as unknown as LiveSession;
    const answer = (user: string, text: string, correct: boolean, points: number) => ({
      index: 0,
      user,
      userName: user,
      answer: text,
      correct,
      points,
      answeredAt: 0,
    });
    const text = replyText(
      revealReply(session, 0, multi, [
        answer('alice', 'A,B,C', true, 1000),
        answer('bob', 'A,B,D', false, 333),
        answer('carol', 'D', false, 0),
      ]),
    );
    expect(text).toContain('✅ A ▇▇ 2');
    expect(text).toContain('▫️ D ▇▇ 2');
    expect(text).toContain('🤔 Most picked wrong answer: D (2). D looks right but is not.');
    expect(text).toContain('Partly right: bob');
    expect(text).not.toContain('carol,');
    // bob's points are listed once, among the scorers, not again under "Partly right".
    expect(text.match(/bob \+333 pts/g)).toHaveLength(1);
    const marked = revealedChoices(multi, 'en');
    expect(marked.choicesClosed).toBe(true);
    expect(marked.choices.filter((c) => c.right === true).map((c) => c.id)).toEqual(['A', 'B', 'C']);
  });
});
