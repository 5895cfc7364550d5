import type { Database } from 'better-sqlite3';

/** What `/progress` reads: labs finished, quiz accuracy, misses and daily answers, per scope. */
export interface MemberTopic {
  member: string;
  topic: string;
  answered: number;
  correct: number;
}

export interface LabDone {
  member: string;
  lab: string;
  finishedAt: number;
}

export interface Missed {
  questionId: string;
  wrong: number;
  answered: number;
}

type Scope = [string, string];

export class GroupProgressStore {
  private readonly q;

  constructor(db: Database) {
    this.q = {
      topics: db.prepare<Scope, { member: string; topic: string; answered: number; correct: number }>(
        `SELECT user_id AS member, topic, count(*) AS answered, sum(correct) AS correct FROM quiz_attempts
         WHERE platform = ? AND scope = ? GROUP BY user_id, topic ORDER BY user_id, topic`,
      ),
      labs: db.prepare<Scope, { member: string; lab: string; finished_at: number }>(
        `SELECT user_id AS member, lab_id AS lab, min(finished_at) AS finished_at FROM lab_runs
         WHERE platform = ? AND scope = ? AND finished_at IS NOT NULL GROUP BY user_id, lab_id ORDER BY user_id, lab_id`,
      ),
      members: db.prepare<[...Scope, ...Scope], { member: string }>(
        `SELECT user_id AS member FROM quiz_attempts WHERE platform = ? AND scope = ?
         UNION SELECT user_id FROM lab_runs WHERE platform = ? AND scope = ? ORDER BY 1 LIMIT 200`,
      ),
      missed: db.prepare<[...Scope, number], { question_id: string; wrong: number; answered: number }>(
        `SELECT question_id, sum(correct = 0) AS wrong, count(*) AS answered FROM quiz_attempts
         WHERE platform = ? AND scope = ? GROUP BY question_id HAVING wrong > 0
         ORDER BY wrong DESC, answered DESC, question_id LIMIT ?`,
      ),
      wrongPicks: db.prepare<[string, string, string], { answer: string; n: number }>(
        `SELECT a.answer, count(*) AS n FROM quiz_live_answers a
         JOIN quiz_session_questions q ON q.session_id = a.session_id AND q.idx = a.idx
         JOIN quiz_sessions s ON s.id = a.session_id
         WHERE s.platform = ? AND s.scope = ? AND q.question_id = ? AND a.correct = 0
         GROUP BY a.answer ORDER BY n DESC, a.answer LIMIT 20`,
      ),
      dailyDays: db.prepare<[string, string, string], { day: string }>(
        `SELECT DISTINCT a.day FROM daily_answers a JOIN daily_posts p ON p.id = a.post_id
         WHERE p.platform = ? AND p.scope = ? AND a.user_id = ? ORDER BY a.day DESC LIMIT 400`,
      ),
    };
  }

  topics(platform: string, scope: string): MemberTopic[] {
    return this.q.topics.all(platform, scope);
  }

  labs(platform: string, scope: string): LabDone[] {
    return this.q.labs
      .all(platform, scope)
      .map((r) => ({ member: r.member, lab: r.lab, finishedAt: r.finished_at }));
  }

  /** Members of the scope who answered a question or started a lab (at most 200). */
  members(platform: string, scope: string): string[] {
    return this.q.members.all(platform, scope, platform, scope).map((r) => r.member);
  }

  mostMissed(platform: string, scope: string, limit: number): Missed[] {
    return this.q.missed
      .all(platform, scope, limit)
      .map((r) => ({ questionId: r.question_id, wrong: r.wrong, answered: r.answered }));
  }

  /** Wrong live answers to a question in this scope, as given ("B", "A,D"), most given first. */
  wrongPicks(platform: string, scope: string, questionId: string): { answer: string; n: number }[] {
    return this.q.wrongPicks.all(platform, scope, questionId);
  }

  /** The local days (YYYY-MM-DD) on which the member answered a daily question, newest first. */
  dailyDays(platform: string, scope: string, user: string): string[] {
    return this.q.dailyDays.all(platform, scope, user).map((r) => r.day);
  }
}
