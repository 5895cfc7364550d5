import { describe, expect, it } from 'vitest';
import { replyText } from '../../src/chat/reply.ts';
import { type Question, rightChoices } from '../../src/quiz/question.ts';
import { answersTo, quizHarness } from './harness.ts';

/** Practice, review, stats and languages, through dispatch. */
const ALICE = { platform: 'console' as const, scope: 'test', user: 'alice' };

function pending(h: ReturnType<typeof quizHarness>, user = ALICE): Question {
  const solo = h.app.quiz.progress.solo(user);
  const question = h.app.quiz.catalog().question(solo?.questionId ?? '');
  if (question === null) throw new Error('no pending question');
  return question;
}

describe('solo practice and review', () => {
  it('GIVEN /quiz practice WHEN answered wrong, then right THEN feedback is private and immediate, with the misconception and the next question', () => {
    const h = quizHarness({ timed: false });
    const served = h.send('alice', '/quiz practice labels');
    expect(served).toMatchObject({ ok: true, visibility: 'private' });
    expect(replyText(served)).toMatch(/^Practice · Pods and labels\n/);
    const first = pending(h);
    expect(first.topic).toBe('labels');
    if (first.kind !== 'selector' && first.kind !== 'command')
      expect(served.choices[0]?.action).toMatch(/^\/quiz answer #p1 [AT]$/);
    const wrong = h.send('alice', `/quiz answer #p1 ${answersTo(first).wrong}`);
    const text = replyText(wrong);
    expect(text).toMatch(/^❌ Not quite: the answer is /);
    expect(text).toContain(`💡 ${first.explanation.en}`);
    if (first.kind === 'truefalse') expect(text).toContain(first.misconception.en);
    if (first.kind === 'single') {
      const picked = first.choices.find((c) => c.id === answersTo(first).wrong);
      expect(text).toContain(`${picked?.id}: ${picked?.misconception?.en}`);
    }
    expect(text).toContain('Next question:\n\nPractice · Pods and labels');
    expect(h.say('alice', `/quiz answer #p1 ${answersTo(first).right}`)).toBe(
      'That question is closed; it no longer takes answers.',
    );
    const second = pending(h);
    expect(second.id).not.toBe(first.id);
    expect(h.say('alice', `/quiz answer ${answersTo(second).right}`)).toMatch(/^✅ Right/);
    expect(h.say('alice', '/quiz stats')).toBe(
      ['Your quiz results', '• Pods and labels: 1/2 right (50%)', 'Total: 1/2 right (50%).'].join('\n'),
    );
  });

  it('GIVEN answered questions WHEN /quiz review is asked before and after they fall due THEN FSRS decides what is served', async () => {
    const h = quizHarness({ timed: false });
    expect(h.say('alice', '/quiz review')).toMatch(/^You have nothing to review yet/);
    h.send('alice', '/quiz practice annotations');
    const wrong = pending(h);
    h.send('alice', `/quiz answer ${answersTo(wrong).wrong}`);
    const right = pending(h);
    h.send('alice', `/quiz answer ${answersTo(right).right}`);
    // "Again" is due in a minute, "Good" in ten.
    expect(h.say('alice', '/quiz review')).toBe(
      'Nothing is due for review right now. The next one is due in 1 min.',
    );
    await h.advance(61_000);
    const review = h.send('alice', '/quiz review');
    expect(replyText(review)).toMatch(/^Review · 1 due\n/);
    expect(pending(h).id).toBe(wrong.id);
    expect(review.choices[0]?.action ?? '/quiz answer #p6 A').toMatch(/^\/quiz answer #p6 /);
    expect(h.say('alice', `/quiz answer ${answersTo(wrong).right}`)).toMatch(
      /^✅ Right![\s\S]*That was the last one due\. The next review is due in \d+ min\.$/,
    );
    await h.advance(11 * 60_000);
    expect(h.say('alice', '/quiz review')).toMatch(/^Review · 2 due/);
    expect(h.say('alice', '/quiz stats')).toContain('Due for review now: 2.');
  });

  it('GIVEN a generated question answered in practice WHEN it comes back in review THEN a fresh question of the same family is served', async () => {
    const h = quizHarness({ timed: false });
    let question: Question | undefined;
    h.send('alice', '/quiz practice node-selector');
    for (let i = 0; i < 20 && question === undefined; i++) {
      const q = pending(h);
      if (q.id.startsWith('gen:')) question = q;
      h.send('alice', `/quiz answer ${answersTo(q).wrong}`);
    }
    if (question === undefined) throw new Error('no generated question in 20 practice questions');
    await h.advance(2 * 60_000);
    for (let i = 0; i < 25; i++) {
      const served = h.send('alice', '/quiz review');
      const now = pending(h);
      if (now.id.startsWith('gen:placement:')) {
        expect(now.id).not.toBe(question.id);
        expect(replyText(served)).toContain('$ kubectl get nodes -L gpu,disk,zone');
        return;
      }
      h.send('alice', `/quiz answer ${answersTo(now).right}`);
    }
    throw new Error('the placement card never came back');
  });

  it('GIVEN a true/false question WHEN answered O, X, 참 or 거짓 THEN each is understood', () => {
    const h = quizHarness({ timed: false });
    h.send('alice', '/quiz practice logs');
    for (let i = 0; i < 15; i++) {
      const q = pending(h);
      if (q.kind === 'truefalse') {
        const word = rightChoices(q)[0] === 'T' ? '참' : 'X';
        expect(h.say('alice', `/quiz answer ${word}`)).toMatch(/^✅ Right!/);
        return;
      }
      h.send('alice', `/quiz answer ${answersTo(q).right}`);
    }
    throw new Error('no true/false question in logs');
  });

  it('GIVEN /lang ko WHEN practising THEN the bot speaks Korean; a channel default applies to members who did not choose', async () => {
    const h = quizHarness({ timed: false, moderators: ['bob'] });
    h.send('alice', '/lang ko');
    expect(h.say('alice', '/quiz practice labels')).toMatch(/^연습 · 파드와 레이블\n/);
    expect(h.say('bob', '/quiz stats')).toBe(
      'You have not answered any quiz question yet. Try `/quiz practice`.',
    );
    expect(h.say('bob', '/lang channel ko')).toBe(
      '이 채널의 기본 언어를 한국어로 바꿨어요 (`/lang`으로 언어를 고른 사람은 그대로예요).',
    );
    expect(h.say('bob', '/quiz stats')).toBe('아직 푼 퀴즈 문제가 없어요. `/quiz practice`로 시작해 보세요.');
    h.send('carol', '/lang en');
    expect(h.say('carol', '/quiz stats')).toMatch(/^You have not answered/);
    expect(h.say('carol', '/quiz start labels 1')).toMatch(/^파드와 레이블 라이브 퀴즈: 1문제/);
    await h.settle();
    expect(h.post(0)).toMatch(/^문제 1\/1 · 파드와 레이블\n/);
    expect(h.say('bob', '/lang channel fr')).toBe(
      '사용법: 나에게는 `/lang ko|en`, 이 채널의 기본값은 `/lang channel ko|en`.',
    );
  });

  it('GIVEN /quiz topics, an unknown topic, a unique prefix or part of a title THEN topics resolve or are listed', () => {
    const h = quizHarness({ timed: false });
    expect(h.say('alice', '/quiz topics')).toContain('• `selectors`: Label selectors (20 questions)');
    expect(h.say('alice', '/quiz practice nope')).toMatch(
      /^There is no quiz topic `nope`\. Topics: `annotations`, /,
    );
    expect(h.say('alice', '/quiz practice sel')).toMatch(/^Practice · Label selectors/);
    expect(h.say('alice', '/quiz practice 어노테이션')).toMatch(/^Practice · Pods and annotations/);
    expect(h.say('alice', '/quiz start nope')).toMatch(/^There is no quiz topic/);
    expect(h.say('alice', '/quiz start labels 0')).toMatch(/^Usage: `\/quiz start/);
    expect(h.say('alice', '/quiz start labels 5 3')).toMatch(/^Usage: `\/quiz start/);
    expect(h.say('alice', '/quiz frobnicate')).toMatch(/^Quizzes:/);
  });
});
