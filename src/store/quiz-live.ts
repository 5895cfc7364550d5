import type { Database } from 'better-sqlite3';
import type { ChannelRef } from '../chat/outbox.ts';
import type { Platform } from '../chat/request.ts';
import { isLang } from '../i18n/lang.ts';
import type { LiveEffect, LivePhase, LiveQuestion, LiveSession } from '../quiz/live.ts';

/** A live answer as stored: graded and scored when it arrived. */
export interface LiveAnswer {
  index: number;
  user: string;
  userName: string;
  answer: string;
  correct: boolean;
  points: number;
  answeredAt: number;
}

export interface Standing {
  user: string;
  name: string;
  points: number;
  correct: number;
  answers: number;
}

type SessionRow = {
  id: number;
  platform: string;
  scope: string;
  channel: string;
  host: string;
  host_name: string;
  topic: string | null;
  lang: string;
  seconds: number;
  timed: number;
  current: number;
  phase: string;
  next_at: number | null;
  created_at: number;
  ended_at: number | null;
  stopped: number;
  lobby_seconds: number;
  lobby_message: string | null;
  thread: string | null;
};
type QuestionRow = {
  idx: number;
  question_id: string;
  opened_at: number | null;
  deadline: number | null;
  closed_at: number | null;
  message_id: string | null;
};
type AnswerRow = {
  idx: number;
  user_id: string;
  user_name: string;
  answer: string;
  correct: number;
  points: number;
  answered_at: number;
};

const SESSION_COLUMNS =
  'id, platform, scope, channel, host, host_name, topic, lang, seconds, timed, current, phase, next_at, created_at, ended_at, stopped, lobby_seconds, lobby_message, thread';

type Channel3 = [string, string, string];

/** Every statement, prepared once per database, typed by its parameters and rows. */
function statements(db: Database) {
  return {
    insertSession: db.prepare<
      [string, string, string, string, string, string | null, string, number, number, string, number, number]
    >(
      'INSERT INTO quiz_sessions (platform, scope, channel, host, host_name, topic, lang, seconds, timed, phase, created_at, lobby_seconds) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    ),
    insertQuestion: db.prepare<[number, number, string]>(
      'INSERT INTO quiz_session_questions (session_id, idx, question_id) VALUES (?, ?, ?)',
    ),
    byId: db.prepare<[number], SessionRow>(`SELECT ${SESSION_COLUMNS} FROM quiz_sessions WHERE id = ?`),
    // A quiz played in a thread is found from the thread too (its buttons and commands come from there).
    active: db.prepare<[...Channel3, string], SessionRow>(
      `SELECT ${SESSION_COLUMNS} FROM quiz_sessions WHERE platform = ? AND scope = ? AND (channel = ? OR thread = ?) AND phase <> 'ended'`,
    ),
    unfinished: db.prepare<[string], { id: number }>(
      "SELECT id FROM quiz_sessions WHERE platform = ? AND (phase <> 'ended' OR id IN (SELECT session_id FROM quiz_outbox)) ORDER BY id",
    ),
    questions: db.prepare<[number], QuestionRow>(
      'SELECT idx, question_id, opened_at, deadline, closed_at, message_id FROM quiz_session_questions WHERE session_id = ? ORDER BY idx',
    ),
    updateSession: db.prepare<[number, string, number | null, number | null, number, number]>(
      'UPDATE quiz_sessions SET current = ?, phase = ?, next_at = ?, ended_at = ?, stopped = ? WHERE id = ?',
    ),
    updateQuestion: db.prepare<[number | null, number | null, number | null, number, number]>(
      'UPDATE quiz_session_questions SET opened_at = ?, deadline = ?, closed_at = ? WHERE session_id = ? AND idx = ?',
    ),
    setMessage: db.prepare<[string, number, number]>(
      'UPDATE quiz_session_questions SET message_id = ? WHERE session_id = ? AND idx = ?',
    ),
    insertAnswer: db.prepare<[number, number, string, string, string, number, number, number]>(
      'INSERT INTO quiz_live_answers (session_id, idx, user_id, user_name, answer, correct, points, answered_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    ),
    answersOf: db.prepare<[number, number], AnswerRow>(
      'SELECT idx, user_id, user_name, answer, correct, points, answered_at FROM quiz_live_answers WHERE session_id = ? AND idx = ? ORDER BY answered_at, user_id',
    ),
    answerOf: db.prepare<[number, number, string], AnswerRow>(
      'SELECT idx, user_id, user_name, answer, correct, points, answered_at FROM quiz_live_answers WHERE session_id = ? AND idx = ? AND user_id = ?',
    ),
    // What rules "everyone answered" out cheaply, in this order: nobody present (no Join, and no
    // answer to an earlier question: two index lookups), then fewer answers to the question than
    // participants (two counts). Only when neither does is `allAnswered` asked.
    anyPresent: db.prepare<{ session: number; idx: number }, { present: number }>(
      `SELECT EXISTS (SELECT 1 FROM quiz_live_answers WHERE session_id = $session AND idx < $idx)
           OR EXISTS (SELECT 1 FROM quiz_participants WHERE session_id = $session AND joined_by = 'button') AS present`,
    ),
    counts: db.prepare<{ session: number; idx: number }, { participants: number; answered: number }>(
      `SELECT
         (SELECT count(*) FROM quiz_participants WHERE session_id = $session) AS participants,
         (SELECT count(*) FROM quiz_live_answers WHERE session_id = $session AND idx = $idx) AS answered`,
    ),
    // One pass in SQLite instead of lists in JS. "Present" participants are those the question waits for before anyone answers it (joined
    // with the button, or played an earlier question); "missing" are participants of any kind who
    // have not answered it yet.
    allAnswered: db.prepare<{ session: number; idx: number }, { present: number; missing: number }>(
      `SELECT
         (SELECT count(*) FROM quiz_participants p
            WHERE p.session_id = $session
              AND (p.joined_by = 'button'
                   OR EXISTS (SELECT 1 FROM quiz_live_answers e
                              WHERE e.session_id = $session AND e.idx < $idx AND e.user_id = p.user_id))) AS present,
         (SELECT count(*) FROM quiz_participants p
            WHERE p.session_id = $session
              AND NOT EXISTS (SELECT 1 FROM quiz_live_answers a
                              WHERE a.session_id = $session AND a.idx = $idx AND a.user_id = p.user_id)) AS missing`,
    ),
    join: db.prepare<[number, string, string, number, string]>(
      'INSERT INTO quiz_participants (session_id, user_id, user_name, joined_at, joined_by) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING',
    ),
    participants: db.prepare<[number], { n: number }>(
      'SELECT count(*) AS n FROM quiz_participants WHERE session_id = ?',
    ),
    isParticipant: db.prepare<[number, string], { n: number }>(
      'SELECT count(*) AS n FROM quiz_participants WHERE session_id = ? AND user_id = ?',
    ),
    setLobbyMessage: db.prepare<[string, number]>('UPDATE quiz_sessions SET lobby_message = ? WHERE id = ?'),
    setThread: db.prepare<[string, number]>('UPDATE quiz_sessions SET thread = ? WHERE id = ?'),
    missed: db.prepare<
      [number, number],
      { idx: number; question_id: string; wrong: number; answers: number }
    >(
      `SELECT q.idx, q.question_id, sum(a.correct = 0) AS wrong, count(a.user_id) AS answers
       FROM quiz_session_questions q JOIN quiz_live_answers a ON a.session_id = q.session_id AND a.idx = q.idx
       WHERE q.session_id = ? GROUP BY q.idx HAVING wrong > 0 ORDER BY wrong DESC, q.idx LIMIT ?`,
    ),
    standings: db.prepare<[number], Standing>(
      `SELECT user_id AS user, max(user_name) AS name, sum(points) AS points, sum(correct) AS correct, count(*) AS answers
       FROM quiz_live_answers WHERE session_id = ? GROUP BY user_id ORDER BY points DESC, correct DESC, name`,
    ),
    leaderboard: db.prepare<[string, string, string, number, number], Standing>(
      `SELECT a.user_id AS user, max(a.user_name) AS name, sum(a.points) AS points, sum(a.correct) AS correct, count(*) AS answers
       FROM quiz_live_answers a JOIN quiz_sessions s ON s.id = a.session_id
       WHERE s.platform = ? AND s.scope = ? AND s.channel = ? AND a.answered_at >= ?
       GROUP BY a.user_id HAVING sum(a.points) > 0 ORDER BY points DESC, correct DESC, name LIMIT ?`,
    ),
    enqueue: db.prepare<[number, string]>('INSERT INTO quiz_outbox (session_id, effect) VALUES (?, ?)'),
    nextEffect: db.prepare<[number], { id: number; effect: string }>(
      'SELECT id, effect FROM quiz_outbox WHERE session_id = ? ORDER BY id LIMIT 1',
    ),
    deleteEffect: db.prepare<[number]>('DELETE FROM quiz_outbox WHERE id = ?'),
  };
}

/** Live quiz sessions, their questions, answers and undelivered effects. */
export class LiveStore {
  private readonly q: ReturnType<typeof statements>;

  constructor(private readonly db: Database) {
    this.q = statements(db);
  }

  /** Inserts a session with its planned questions; throws if the channel already has one running. */
  create(
    session: Omit<LiveSession, 'id' | 'questions' | 'lobbyMessage' | 'thread'>,
    questionIds: readonly string[],
  ): LiveSession {
    const c = session.channel;
    const info = this.q.insertSession.run(
      c.platform,
      c.scope,
      c.channel,
      session.host,
      session.hostName,
      session.topic,
      session.lang,
      session.seconds,
      session.timed ? 1 : 0,
      session.phase,
      session.createdAt,
      session.lobbySeconds,
    );
    const id = Number(info.lastInsertRowid);
    for (const [i, q] of questionIds.entries()) this.q.insertQuestion.run(id, i, q);
    const created = this.get(id);
    if (created === undefined) throw new Error(`session ${id} vanished`);
    return created;
  }

  get(id: number): LiveSession | undefined {
    const row = this.q.byId.get(id);
    return row === undefined ? undefined : this.toSession(row);
  }

  activeIn(channel: ChannelRef): LiveSession | undefined {
    const row = this.q.active.get(channel.platform, channel.scope, channel.channel, channel.channel);
    return row === undefined ? undefined : this.toSession(row);
  }

  /** Sessions of a platform that still run or still owe their channel a message. */
  unfinished(platform: Platform): number[] {
    return this.q.unfinished.all(platform).map((r) => r.id);
  }

  /** Writes a stepped session and queues its effects; the caller holds the transaction. */
  save(session: LiveSession, effects: readonly LiveEffect[]): void {
    this.q.updateSession.run(
      session.current,
      session.phase,
      session.nextAt,
      session.endedAt,
      session.stopped ? 1 : 0,
      session.id,
    );
    for (const q of session.questions)
      this.q.updateQuestion.run(q.openedAt, q.deadline, q.closedAt, session.id, q.index);
    for (const effect of effects) this.q.enqueue.run(session.id, JSON.stringify(effect));
  }

  setMessage(sessionId: number, index: number, messageId: string): void {
    this.q.setMessage.run(messageId, sessionId, index);
  }

  /** Records an answer; answering makes the member a participant. */
  addAnswer(sessionId: number, answer: LiveAnswer): void {
    this.q.join.run(sessionId, answer.user, answer.userName, answer.answeredAt, 'answer');
    this.q.insertAnswer.run(
      sessionId,
      answer.index,
      answer.user,
      answer.userName,
      answer.answer,
      answer.correct ? 1 : 0,
      answer.points,
      answer.answeredAt,
    );
  }

  answers(sessionId: number, index: number): LiveAnswer[] {
    return this.q.answersOf.all(sessionId, index).map(toAnswer);
  }

  answerOf(sessionId: number, index: number, user: string): LiveAnswer | undefined {
    const row = this.q.answerOf.get(sessionId, index, user);
    return row === undefined ? undefined : toAnswer(row);
  }

  /**
   * Every participant has answered question `index`. A question nobody was in the quiz for when
   * it opened (question 1 without a lobby) waits for its time or `/quiz next` instead: its first
   * answer alone must not close it.
   */
  everyoneAnswered(sessionId: number, index: number): boolean {
    // Asked after every answer: in a burst of a thousand, the exact pass over every participant
    // (below) cost a thousand times a thousand lookups. No earlier answer and no Join means
    // nobody is present; fewer answers than participants means someone is missing. Only what
    // neither rules out is counted exactly (the answers of non-participants, none of which
    // `addAnswer` makes, would make the counts alone wrong).
    const at = { session: sessionId, idx: index };
    if ((this.q.anyPresent.get(at)?.present ?? 0) === 0) return false;
    const counts = this.q.counts.get(at);
    if (counts === undefined || counts.answered < counts.participants) return false;
    return this.everyoneAnsweredExactly(sessionId, index);
  }

  /** The same, counted participant by participant (what the quick answer must equal; tests). */
  everyoneAnsweredExactly(sessionId: number, index: number): boolean {
    const row = this.q.allAnswered.get({ session: sessionId, idx: index });
    return row !== undefined && row.present > 0 && row.missing === 0;
  }

  /** Adds a participant (joined with the button, or by answering); false if already in. */
  join(sessionId: number, user: string, userName: string, now: number): boolean {
    return this.q.join.run(sessionId, user, userName, now, 'button').changes > 0;
  }

  participants(sessionId: number): number {
    return this.q.participants.get(sessionId)?.n ?? 0;
  }

  isParticipant(sessionId: number, user: string): boolean {
    return (this.q.isParticipant.get(sessionId, user)?.n ?? 0) > 0;
  }

  setLobbyMessage(sessionId: number, messageId: string): void {
    this.q.setLobbyMessage.run(messageId, sessionId);
  }

  setThread(sessionId: number, thread: string): void {
    this.q.setThread.run(thread, sessionId);
  }

  /** The questions most answered wrongly in a session, most first (only those with a wrong answer). */
  mostMissed(
    sessionId: number,
    limit: number,
  ): { index: number; questionId: string; wrong: number; answers: number }[] {
    return this.q.missed
      .all(sessionId, limit)
      .map((r) => ({ index: r.idx, questionId: r.question_id, wrong: r.wrong, answers: r.answers }));
  }

  standings(sessionId: number): Standing[] {
    return this.q.standings.all(sessionId);
  }

  leaderboard(channel: ChannelRef, since: number, limit = 10): Standing[] {
    return this.q.leaderboard.all(channel.platform, channel.scope, channel.channel, since, limit);
  }

  nextEffect(sessionId: number): { id: number; effect: LiveEffect } | undefined {
    const row = this.q.nextEffect.get(sessionId);
    return row === undefined ? undefined : { id: row.id, effect: JSON.parse(row.effect) as LiveEffect };
  }

  deleteEffect(id: number): void {
    this.q.deleteEffect.run(id);
  }

  transaction<T>(run: () => T): T {
    return this.db.transaction(run)();
  }

  private toSession(row: SessionRow): LiveSession {
    const questions = this.q.questions.all(row.id).map(
      (q): LiveQuestion => ({
        index: q.idx,
        questionId: q.question_id,
        openedAt: q.opened_at,
        deadline: q.deadline,
        closedAt: q.closed_at,
        messageId: q.message_id,
      }),
    );
    return {
      id: row.id,
      channel: { platform: row.platform as Platform, scope: row.scope, channel: row.channel },
      host: row.host,
      hostName: row.host_name,
      topic: row.topic,
      lang: isLang(row.lang) ? row.lang : 'en',
      seconds: row.seconds,
      timed: row.timed === 1,
      current: row.current,
      phase: row.phase as LivePhase,
      nextAt: row.next_at,
      createdAt: row.created_at,
      endedAt: row.ended_at,
      stopped: row.stopped === 1,
      lobbySeconds: row.lobby_seconds,
      lobbyMessage: row.lobby_message,
      thread: row.thread,
      questions,
    };
  }
}

const toAnswer = (row: AnswerRow): LiveAnswer => ({
  index: row.idx,
  user: row.user_id,
  userName: row.user_name,
  answer: row.answer,
  correct: row.correct === 1,
  points: row.points,
  answeredAt: row.answered_at,
});
