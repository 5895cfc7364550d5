import type { ChannelRef } from '../chat/outbox.ts';
import type { Lang } from '../i18n/lang.ts';
import { err, ok, type Result } from '../result.ts';

/**
 * The live channel quiz, as a pure state machine.
 *
 * Design. A live quiz is three parts, so that every rule here is testable without a clock or a
 * chat platform, and a restart loses nothing:
 *   1. This core: `LiveSession` (all of a quiz's state, stored in SQLite by `store/quiz-live.ts`)
 *      and `step(session, event, now)`, which returns the next state and the *effects* it owes the
 *      channel: `ask` (post question i), `close` (edit question i's message: no more buttons),
 *      `reveal` (post the answer, explanation, per-choice counts and points) and `final` (podium
 *      and leaderboard). Events are `tick` (a timer fired), `next` (`/quiz next`), `allAnswered`
 *      and `stop`.
 *   2. Commands (`/quiz start|answer|next|stop`) run inside dispatch's transaction: they load the
 *      session, `step` it, save it and write the effects to the `quiz_outbox` table in that same
 *      transaction, then poke the runner. An answer is committed before its reply is sent.
 *   3. The runner (`live-runner.ts`) delivers outbox rows through the platform's `Outbox` after the
 *      commit, in order, deleting each once sent, and keeps one timer per session for the next
 *      deadline (`wakeAt`). Timers are injected: tests drive time by hand, `--no-timers` has none.
 * On start-up an adapter attaches its Outbox and the runner resumes every unfinished session:
 * overdue questions close at once (their stored answers are revealed and scored), undelivered
 * effects are sent, timers are set again. Buttons carry the question they belong to
 * (`/quiz answer #SESSION.N B`), so a click on an old question is recognised as closed; a
 * multiple-choice submit joins the picked ids in the last word (`/quiz answer #4.2 A,C`).
 */
export const REVEAL_PAUSE_MS = 6_000;

export type LivePhase = 'asking' | 'revealed' | 'ended';

export interface LiveQuestion {
  index: number;
  questionId: string;
  openedAt: number | null;
  deadline: number | null;
  closedAt: number | null;
  messageId: string | null;
}

export interface LiveSession {
  id: number;
  channel: ChannelRef;
  host: string;
  hostName: string;
  topic: string | null;
  lang: Lang;
  seconds: number;
  /** False without timers: questions close on `/quiz next` or once everyone has answered. */
  timed: boolean;
  current: number;
  phase: LivePhase;
  nextAt: number | null;
  createdAt: number;
  endedAt: number | null;
  stopped: boolean;
  /** The lobby's countdown (0: none); the lobby's message once posted. */
  lobbySeconds: number;
  lobbyMessage: string | null;
  /** The thread the quiz is played in (Discord, where the channel's settings ask for one). */
  thread: string | null;
  questions: LiveQuestion[];
}

export type LiveEffect =
  /** Post the lobby: a Join button and the countdown to question 1. */
  | { kind: 'lobby' }
  | { kind: 'ask'; index: number }
  | { kind: 'close'; index: number }
  | { kind: 'reveal'; index: number }
  | { kind: 'final' };

export type LiveEvent = 'tick' | 'next' | 'allAnswered' | 'stop';

export interface Stepped {
  session: LiveSession;
  effects: LiveEffect[];
}

/**
 * Starts a freshly created session: with a lobby (`lobbySeconds` > 0), the pause before question 1
 * (phase 'revealed', current -1, so `tick` or `/quiz next` opens question 1 as after any reveal;
 * untimed, only `/quiz next` does); without, question 1 at once.
 */
export function begin(session: LiveSession, now: number, lobbySeconds = 0): Stepped {
  if (lobbySeconds <= 0) return open(session, 0, now);
  const nextAt = session.timed ? now + lobbySeconds * 1000 : null;
  return { session: { ...session, phase: 'revealed', current: -1, nextAt }, effects: [{ kind: 'lobby' }] };
}

/** Whether the session is still in its lobby (question 1 not yet open). */
export const inLobby = (session: LiveSession): boolean => session.phase === 'revealed' && session.current < 0;

export function step(session: LiveSession, event: LiveEvent, now: number): Stepped {
  const none = { session, effects: [] };
  if (session.phase === 'ended') return none;
  switch (event) {
    case 'tick': {
      const deadline = session.questions[session.current]?.deadline ?? null;
      if (session.phase === 'asking' && deadline !== null && now >= deadline)
        return close(session, now, false);
      if (session.phase === 'revealed' && session.nextAt !== null && now >= session.nextAt)
        return open(session, session.current + 1, now);
      return none;
    }
    case 'next':
      return session.phase === 'asking'
        ? close(session, now, false)
        : open(session, session.current + 1, now);
    case 'allAnswered':
      return session.phase === 'asking' ? close(session, now, false) : none;
    case 'stop':
      if (session.phase === 'asking') return close(session, now, true);
      return finish({ ...session, stopped: true }, now, []);
  }
}

/** When a `tick` would change something (null: nothing is timed). */
export function wakeAt(session: LiveSession): number | null {
  if (!session.timed) return null;
  if (session.phase === 'asking') return session.questions[session.current]?.deadline ?? null;
  if (session.phase === 'revealed') return session.nextAt;
  return null;
}

export type Closed = 'noQuestion' | 'closed';

/** Whether question `index` (default: the current one) takes answers at `now`. */
export function answerable(
  session: LiveSession,
  now: number,
  index = session.current,
): Result<LiveQuestion, Closed> {
  const question = session.questions[index];
  if (question === undefined) return err('noQuestion');
  if (session.phase !== 'asking' || index !== session.current) return err('closed');
  if (question.deadline !== null && now >= question.deadline) return err('closed');
  return ok(question);
}

function open(session: LiveSession, index: number, now: number): Stepped {
  if (index >= session.questions.length) return finish(session, now, []);
  const deadline = session.timed ? now + session.seconds * 1000 : null;
  return {
    session: {
      ...session,
      current: index,
      phase: 'asking',
      nextAt: null,
      questions: session.questions.map((q) => (q.index === index ? { ...q, openedAt: now, deadline } : q)),
    },
    effects: [{ kind: 'ask', index }],
  };
}

/** Closes the current question and reveals it; then the next opens (at once when untimed). */
function close(session: LiveSession, now: number, stopping: boolean): Stepped {
  const index = session.current;
  const closed: LiveSession = {
    ...session,
    questions: session.questions.map((q) => (q.index === index ? { ...q, closedAt: now } : q)),
  };
  const effects: LiveEffect[] = [
    { kind: 'close', index },
    { kind: 'reveal', index },
  ];
  const last = index + 1 >= session.questions.length;
  if (stopping || last) return finish({ ...closed, stopped: stopping && !last }, now, effects);
  if (!session.timed) {
    const next = open(closed, index + 1, now);
    return { session: next.session, effects: [...effects, ...next.effects] };
  }
  return { session: { ...closed, phase: 'revealed', nextAt: now + REVEAL_PAUSE_MS }, effects };
}

function finish(session: LiveSession, now: number, effects: LiveEffect[]): Stepped {
  return {
    session: { ...session, phase: 'ended', nextAt: null, endedAt: now },
    effects: [...effects, { kind: 'final' }],
  };
}
