import type { Database } from 'better-sqlite3';
import type { SandboxKey } from './sandboxes.ts';

/**
 * Sandboxes their owners opened to the members of the same server or workspace (read-only),
 * found by the owner's platform username, and who looked at them.
 */
export interface Look {
  looker: string;
  lookerName: string;
  command: string;
  at: number;
}

/** How many looks `/sandbox share` shows, and keeps per owner. */
export const LOOKS_KEPT = 10;

export class SandboxShareStore {
  private readonly q;

  constructor(db: Database) {
    this.q = {
      dropName: db.prepare<[string, string, string, string]>(
        'DELETE FROM sandbox_shares WHERE platform = ? AND scope = ? AND username = ? AND user_id <> ?',
      ),
      put: db.prepare<[string, string, string, string, number]>(
        `INSERT INTO sandbox_shares (platform, scope, user_id, username, shared_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (platform, scope, user_id) DO UPDATE SET username = excluded.username`,
      ),
      drop: db.prepare<[string, string, string]>(
        'DELETE FROM sandbox_shares WHERE platform = ? AND scope = ? AND user_id = ?',
      ),
      byUser: db.prepare<[string, string, string], { username: string }>(
        'SELECT username FROM sandbox_shares WHERE platform = ? AND scope = ? AND user_id = ?',
      ),
      byName: db.prepare<[string, string, string], { user_id: string }>(
        'SELECT user_id FROM sandbox_shares WHERE platform = ? AND scope = ? AND username = ?',
      ),
      names: db.prepare<[string, string, number], { username: string }>(
        'SELECT username FROM sandbox_shares WHERE platform = ? AND scope = ? ORDER BY username LIMIT ?',
      ),
      look: db.prepare<[string, string, string, string, string, string, number]>(
        'INSERT INTO sandbox_looks (platform, scope, owner, looker, looker_name, command, looked_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ),
      trim: db.prepare<[string, string, string, string, string, string, number]>(
        `DELETE FROM sandbox_looks WHERE platform = ? AND scope = ? AND owner = ? AND id NOT IN
           (SELECT id FROM sandbox_looks WHERE platform = ? AND scope = ? AND owner = ? ORDER BY looked_at DESC, id DESC LIMIT ?)`,
      ),
      looks: db.prepare<
        [string, string, string, number],
        { looker: string; looker_name: string; command: string; looked_at: number }
      >(
        'SELECT looker, looker_name, command, looked_at FROM sandbox_looks WHERE platform = ? AND scope = ? AND owner = ? ORDER BY looked_at DESC, id DESC LIMIT ?',
      ),
    };
  }

  /** Opens the owner's sandbox under `username`; a former holder of that name loses it. */
  share(owner: SandboxKey, username: string, now: number): void {
    this.q.dropName.run(owner.platform, owner.scope, username, owner.user);
    this.q.put.run(owner.platform, owner.scope, owner.user, username, now);
  }

  unshare(owner: SandboxKey): void {
    this.q.drop.run(owner.platform, owner.scope, owner.user);
  }

  isShared(owner: SandboxKey): boolean {
    return this.q.byUser.get(owner.platform, owner.scope, owner.user) !== undefined;
  }

  /** The owner of the sandbox shared as `username` in this server or workspace. */
  ownerOf(platform: string, scope: string, username: string): SandboxKey | undefined {
    const row = this.q.byName.get(platform, scope, username);
    return row === undefined
      ? undefined
      : { platform: platform as SandboxKey['platform'], scope, user: row.user_id };
  }

  /** Usernames of the shared sandboxes of a server or workspace (at most `limit`). */
  names(platform: string, scope: string, limit = 50): string[] {
    return this.q.names.all(platform, scope, limit).map((r) => r.username);
  }

  recordLook(owner: SandboxKey, look: Look): void {
    const { platform, scope, user } = owner;
    this.q.look.run(platform, scope, user, look.looker, look.lookerName, look.command, look.at);
    this.q.trim.run(platform, scope, user, platform, scope, user, LOOKS_KEPT);
  }

  looks(owner: SandboxKey): Look[] {
    return this.q.looks
      .all(owner.platform, owner.scope, owner.user, LOOKS_KEPT)
      .map((r) => ({ looker: r.looker, lookerName: r.looker_name, command: r.command, at: r.looked_at }));
  }
}
