import type { Database } from 'better-sqlite3';
import type { SandboxKey } from './sandboxes.ts';

/**
 * A member's quiz history: every answer (for `/quiz stats`), their spaced-repetition cards (for
 * `/quiz review`) and the one question they are answering alone right now (practice or review).
 */
export type AttemptMode = 'practice' | 'review' | 'live';
export type SoloMode = 'practice' | 'review';

export interface Attempt {
  questionId: string;
  cardKey: string;
  topic: string;
  mode: AttemptMode;
  correct: boolean;
  at: number;
}

export interface TopicStats {
  topic: string;
  answered: number;
  correct: number;
}

export interface Solo {
  mode: SoloMode;
  topic: string | null;
  questionId: string | null;
  serial: number;
  servedAt: number;
  /** A practice of given questions (Practise these): the ids still to serve after this one. */
  queue?: readonly string[] | null;
}

export interface StoredCard {
  cardKey: string;
  due: number;
  state: string;
}

type Key3 = [string, string, string];
type SoloRow = {
  mode: string;
  topic: string | null;
  question_id: string | null;
  serial: number;
  served_at: number;
  queue: string | null;
};

function statements(db: Database) {
  return {
    addAttempt: db.prepare<[string, string, string, string, string, string, string, number, number]>(
      'INSERT INTO quiz_attempts (platform, scope, user_id, question_id, card_key, topic, mode, correct, answered_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    ),
    stats: db.prepare<Key3, TopicStats>(
      'SELECT topic, count(*) AS answered, sum(correct) AS correct FROM quiz_attempts WHERE platform = ? AND scope = ? AND user_id = ? GROUP BY topic ORDER BY topic',
    ),
    seen: db.prepare<Key3, { card_key: string; n: number }>(
      'SELECT card_key, count(*) AS n FROM quiz_attempts WHERE platform = ? AND scope = ? AND user_id = ? GROUP BY card_key',
    ),
    card: db.prepare<[...Key3, string], { card_key: string; due: number; state: string }>(
      'SELECT card_key, due, state FROM quiz_cards WHERE platform = ? AND scope = ? AND user_id = ? AND card_key = ?',
    ),
    putCard: db.prepare<[...Key3, string, number, string]>(
      'INSERT INTO quiz_cards (platform, scope, user_id, card_key, due, state) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (platform, scope, user_id, card_key) DO UPDATE SET due = excluded.due, state = excluded.state',
    ),
    due: db.prepare<[...Key3, number], { card_key: string; due: number; state: string }>(
      'SELECT card_key, due, state FROM quiz_cards WHERE platform = ? AND scope = ? AND user_id = ? AND due <= ? ORDER BY due, card_key',
    ),
    nextDue: db.prepare<Key3, { due: number | null; cards: number }>(
      'SELECT min(due) AS due, count(*) AS cards FROM quiz_cards WHERE platform = ? AND scope = ? AND user_id = ?',
    ),
    solo: db.prepare<Key3, SoloRow>(
      'SELECT mode, topic, question_id, serial, served_at, queue FROM quiz_solo WHERE platform = ? AND scope = ? AND user_id = ?',
    ),
    putSolo: db.prepare<[...Key3, string, string | null, string | null, number, number, string | null]>(
      'INSERT INTO quiz_solo (platform, scope, user_id, mode, topic, question_id, serial, served_at, queue) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (platform, scope, user_id) DO UPDATE SET mode = excluded.mode, topic = excluded.topic, question_id = excluded.question_id, serial = excluded.serial, served_at = excluded.served_at, queue = excluded.queue',
    ),
  };
}

export class ProgressStore {
  private readonly q: ReturnType<typeof statements>;

  constructor(db: Database) {
    this.q = statements(db);
  }

  addAttempt(member: SandboxKey, attempt: Attempt): void {
    this.q.addAttempt.run(
      ...key(member),
      attempt.questionId,
      attempt.cardKey,
      attempt.topic,
      attempt.mode,
      attempt.correct ? 1 : 0,
      attempt.at,
    );
  }

  stats(member: SandboxKey): TopicStats[] {
    return this.q.stats.all(...key(member));
  }

  /** How many times the member answered each card (a bank question, or a generator family). */
  seen(member: SandboxKey): Map<string, number> {
    return new Map(this.q.seen.all(...key(member)).map((r) => [r.card_key, r.n]));
  }

  card(member: SandboxKey, cardKey: string): StoredCard | undefined {
    const row = this.q.card.get(...key(member), cardKey);
    return row === undefined ? undefined : { cardKey: row.card_key, due: row.due, state: row.state };
  }

  putCard(member: SandboxKey, card: StoredCard): void {
    this.q.putCard.run(...key(member), card.cardKey, card.due, card.state);
  }

  /** Cards due at `now`, the most overdue first. */
  due(member: SandboxKey, now: number): StoredCard[] {
    return this.q.due
      .all(...key(member), now)
      .map((r) => ({ cardKey: r.card_key, due: r.due, state: r.state }));
  }

  /** The earliest due time of any card (null when the member has none). */
  nextDue(member: SandboxKey): number | null {
    return this.q.nextDue.get(...key(member))?.due ?? null;
  }

  solo(member: SandboxKey): Solo | undefined {
    const row = this.q.solo.get(...key(member));
    if (row === undefined) return undefined;
    return {
      mode: row.mode === 'review' ? 'review' : 'practice',
      topic: row.topic,
      questionId: row.question_id,
      serial: row.serial,
      servedAt: row.served_at,
      queue: row.queue === null ? null : row.queue.split(',').filter((id) => id !== ''),
    };
  }

  putSolo(member: SandboxKey, solo: Solo): void {
    const queue = solo.queue === undefined || solo.queue === null ? null : solo.queue.join(',');
    this.q.putSolo.run(
      ...key(member),
      solo.mode,
      solo.topic,
      solo.questionId,
      solo.serial,
      solo.servedAt,
      queue,
    );
  }
}

const key = (member: SandboxKey): Key3 => [member.platform, member.scope, member.user];
