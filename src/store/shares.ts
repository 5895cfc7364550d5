import type { Database } from 'better-sqlite3';
import type { Reply } from '../chat/reply.ts';
import type { Request } from '../chat/request.ts';

/**
 * Private replies kept for their Share button: the button carries only the id (Discord's
 * custom_id holds 100 characters, kubectl output far more), the reply itself stays here.
 */
export interface StoredReply {
  id: number;
  platform: string;
  scope: string;
  user: string;
  userName: string;
  reply: Reply;
  sharedAt: number | null;
}

/** Kept a week: long enough for any button still on screen, short enough to stay small. */
export const SHARE_KEEP_MS = 7 * 24 * 3600 * 1000;

const PRUNE_EVERY_MS = 60_000;

type Row = {
  id: number;
  platform: string;
  scope: string;
  user_id: string;
  user_name: string;
  reply: string;
  created_at: number;
  shared_at: number | null;
};

export class ShareStore {
  private readonly insert;
  private readonly byId;
  private readonly mark;
  private readonly prune;

  constructor(db: Database) {
    this.insert = db.prepare<[string, string, string, string, string, string, number]>(
      'INSERT INTO shared_replies (platform, scope, channel, user_id, user_name, reply, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    this.byId = db.prepare<[number], Row>(
      'SELECT id, platform, scope, user_id, user_name, reply, created_at, shared_at FROM shared_replies WHERE id = ?',
    );
    this.mark = db.prepare<[number, number]>('UPDATE shared_replies SET shared_at = ? WHERE id = ?');
    this.prune = db.prepare<[number]>('DELETE FROM shared_replies WHERE created_at < ?');
  }

  /** When this connection last deleted the expired rows. */
  private prunedAt = Number.NEGATIVE_INFINITY;

  /** Keeps a reply (one statement; the expired rows are deleted at most once a minute). */
  keep(request: Request, reply: Reply, now: number): number {
    if (now - this.prunedAt >= PRUNE_EVERY_MS || now < this.prunedAt) {
      this.prune.run(now - SHARE_KEEP_MS);
      this.prunedAt = now;
    }
    const info = this.insert.run(
      request.platform,
      request.scope,
      request.channel,
      request.user,
      request.userName ?? request.user,
      JSON.stringify(reply),
      now,
    );
    return Number(info.lastInsertRowid);
  }

  /** The reply kept as `id`, unless it is older than a week (deleted or not yet). */
  get(id: number, now: number): StoredReply | undefined {
    const row = this.byId.get(id);
    if (row === undefined || row.created_at < now - SHARE_KEEP_MS) return undefined;
    return {
      id: row.id,
      platform: row.platform,
      scope: row.scope,
      user: row.user_id,
      userName: row.user_name,
      reply: JSON.parse(row.reply) as Reply,
      sharedAt: row.shared_at,
    };
  }

  markShared(id: number, now: number): void {
    this.mark.run(now, id);
  }
}
