import { describe, expect, it } from 'vitest';
import { answerable, begin, type LiveSession, REVEAL_PAUSE_MS, step, wakeAt } from '../../src/quiz/live.ts';
import { points } from '../../src/quiz/scoring.ts';
import { weekStart } from '../../src/quiz/week.ts';

/** The pure core of the live quiz: state transitions over a session and a clock. */
const T = 1_000_000;

function session(timed: boolean, questions = 2): LiveSession {
  return {
    id: 1,
    channel: { platform: 'console', scope: 's', channel: 'c' },
    host: 'alice',
    hostName: 'alice',
    topic: null,
    lang: 'en',
    seconds: 20,
    timed,
    current: 0,
    phase: 'asking',
    nextAt: null,
    createdAt: T,
    endedAt: null,
    stopped: false,
    lobbySeconds: 0,
    lobbyMessage: null,
    thread: null,
    questions: Array.from({ length: questions }, (_, index) => ({
      index,
      questionId: `q-00${index}`,
      openedAt: null,
      deadline: null,
      closedAt: null,
      messageId: null,
    })),
  };
}

describe('live quiz state machine', () => {
  it('GIVEN a timed session WHEN it runs through its deadlines THEN it asks, closes, reveals, pauses, asks again and ends', () => {
    const started = begin(session(true), T);
    expect(started.effects).toEqual([{ kind: 'ask', index: 0 }]);
    expect(wakeAt(started.session)).toBe(T + 20_000);
    expect(step(started.session, 'tick', T + 19_999).effects).toEqual([]);
    const closed = step(started.session, 'tick', T + 20_000);
    expect(closed.effects).toEqual([
      { kind: 'close', index: 0 },
      { kind: 'reveal', index: 0 },
    ]);
    expect(closed.session).toMatchObject({ phase: 'revealed', nextAt: T + 20_000 + REVEAL_PAUSE_MS });
    const second = step(closed.session, 'tick', T + 20_000 + REVEAL_PAUSE_MS);
    expect(second.effects).toEqual([{ kind: 'ask', index: 1 }]);
    const done = step(second.session, 'tick', T + 60_000);
    expect(done.effects.map((e) => e.kind)).toEqual(['close', 'reveal', 'final']);
    expect(done.session).toMatchObject({ phase: 'ended', endedAt: T + 60_000, stopped: false });
    expect(step(done.session, 'next', T + 61_000).effects).toEqual([]);
    expect(wakeAt(done.session)).toBeNull();
  });

  it('GIVEN an untimed session WHEN next is called THEN the reveal and the next question come together, with no deadline', () => {
    const started = begin(session(false), T);
    expect(wakeAt(started.session)).toBeNull();
    expect(started.session.questions[0]?.deadline).toBeNull();
    const next = step(started.session, 'next', T + 5);
    expect(next.effects.map((e) => e.kind)).toEqual(['close', 'reveal', 'ask']);
    expect(next.session).toMatchObject({ phase: 'asking', current: 1 });
  });

  it('GIVEN a question WHEN answers arrive THEN only the current question before its deadline takes them', () => {
    const s = begin(session(true), T).session;
    expect(answerable(s, T + 19_999).ok).toBe(true);
    expect(answerable(s, T + 20_000)).toEqual({ ok: false, error: 'closed' });
    expect(answerable(s, T, 1)).toEqual({ ok: false, error: 'closed' });
    expect(answerable(s, T, 7)).toEqual({ ok: false, error: 'noQuestion' });
  });

  it('GIVEN a session WHEN stopped while asking or between questions THEN it ends, marked stopped', () => {
    const asking = step(begin(session(true, 3), T).session, 'stop', T + 1);
    expect(asking.effects.map((e) => e.kind)).toEqual(['close', 'reveal', 'final']);
    expect(asking.session).toMatchObject({ phase: 'ended', stopped: true });
    const between = step(
      step(begin(session(true, 3), T).session, 'allAnswered', T + 1).session,
      'stop',
      T + 2,
    );
    expect(between.effects).toEqual([{ kind: 'final' }]);
    expect(between.session.stopped).toBe(true);
  });

  it.each([
    [true, 0, 1000],
    [true, 999, 1000],
    [true, 1000, 975],
    [true, 10_000, 750],
    [true, 19_999, 525],
    [true, 25_000, 500],
    [false, 1000, 0],
  ])('GIVEN correct=%s after %i ms of a 20 s question THEN it scores %i', (correct, elapsed, expected) => {
    expect(points(correct, T, T + elapsed, 20)).toBe(expected);
  });

  it('GIVEN a Wednesday WHEN the week starts THEN it is the Monday before, 00:00 UTC', () => {
    expect(new Date(weekStart(Date.UTC(2025, 0, 15, 10))).toISOString()).toBe('2025-01-13T00:00:00.000Z');
    expect(new Date(weekStart(Date.UTC(2025, 0, 13, 0))).toISOString()).toBe('2025-01-13T00:00:00.000Z');
    expect(new Date(weekStart(Date.UTC(2025, 0, 19, 23))).toISOString()).toBe('2025-01-13T00:00:00.000Z');
  });
});
