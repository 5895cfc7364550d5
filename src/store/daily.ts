import type { Database } from 'better-sqlite3';
import type { ChannelRef } from '../chat/outbox.ts';

/** The daily question: each channel's next due time, its posts (one per local day) and answers. */
export interface DailyPost {
  id: number;
  channel: ChannelRef;
  day: string;
  questionId: string;
}

export class DailyStore {
  private readonly q;

  constructor(db: Database) {
    this.q = {
      nextAt: db.prepare<[string, string, string], { next_at: number }>(
        'SELECT next_at FROM daily_schedule WHERE platform = ? AND scope = ? AND channel = ?',
      ),
      setNext: db.prepare<[string, string, string, number]>(
        `INSERT INTO daily_schedule (platform, scope, channel, next_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (platform, scope, channel) DO UPDATE SET next_at = excluded.next_at`,
      ),
      post: db.prepare<[string, string, string, string, string, number]>(
        'INSERT INTO daily_posts (platform, scope, channel, day, question_id, posted_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING',
      ),
      posted: db.prepare<[string, string, string], { question_id: string }>(
        'SELECT question_id FROM daily_posts WHERE platform = ? AND scope = ? AND channel = ?',
      ),
      byId: db.prepare<
        [number],
        { id: number; platform: string; scope: string; channel: string; day: string; question_id: string }
      >('SELECT id, platform, scope, channel, day, question_id FROM daily_posts WHERE id = ?'),
      setMessage: db.prepare<[string, number]>('UPDATE daily_posts SET message_id = ? WHERE id = ?'),
      answer: db.prepare<[number, string, string, string, number, number, string]>(
        'INSERT INTO daily_answers (post_id, user_id, user_name, answer, correct, answered_at, day) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING',
      ),
    };
  }

  nextAt(channel: ChannelRef): number | undefined {
    return this.q.nextAt.get(channel.platform, channel.scope, channel.channel)?.next_at;
  }

  setNextAt(channel: ChannelRef, at: number): void {
    this.q.setNext.run(channel.platform, channel.scope, channel.channel, at);
  }

  /** Records the post of `day`; undefined if that day already has one. */
  post(channel: ChannelRef, day: string, questionId: string, now: number): number | undefined {
    const info = this.q.post.run(channel.platform, channel.scope, channel.channel, day, questionId, now);
    return info.changes === 0 ? undefined : Number(info.lastInsertRowid);
  }

  postedQuestions(channel: ChannelRef): Set<string> {
    return new Set(
      this.q.posted.all(channel.platform, channel.scope, channel.channel).map((r) => r.question_id),
    );
  }

  get(id: number): DailyPost | undefined {
    const row = this.q.byId.get(id);
    if (row === undefined) return undefined;
    return {
      id: row.id,
      channel: { platform: row.platform as ChannelRef['platform'], scope: row.scope, channel: row.channel },
      day: row.day,
      questionId: row.question_id,
    };
  }

  setMessage(id: number, messageId: string): void {
    this.q.setMessage.run(messageId, id);
  }

  /** Records a member's answer; false if they already answered this post. */
  answer(
    postId: number,
    user: string,
    userName: string,
    answer: string,
    correct: boolean,
    now: number,
    day: string,
  ): boolean {
    return this.q.answer.run(postId, user, userName, answer, correct ? 1 : 0, now, day).changes > 0;
  }
}
