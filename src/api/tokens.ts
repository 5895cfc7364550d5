import { createHash, randomBytes } from 'node:crypto';
import type { Database, Statement } from 'better-sqlite3';
import type { SandboxKey } from '../store/sandboxes.ts';

/**
 * The API door's bearer tokens: random, shown to the member once (in their kubeconfig), kept
 * only as a SHA-256 hash, one per member (a new one replaces the old), revocable. A token is
 * never logged; only its hash ever reaches the database.
 */
export interface TokenOwner {
  key: SandboxKey;
  /** The member's context name (platform username) when the token was issued. */
  username: string;
}

const PREFIX = 'podium_';

export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

export class ApiTokenStore {
  private readonly insert: Statement<[string, string, string, string, string, number]>;
  private readonly dropMember: Statement<[string, string, string]>;
  private readonly find: Statement<
    [string],
    { platform: string; scope: string; user_id: string; username: string }
  >;

  constructor(db: Database) {
    this.insert = db.prepare(
      'INSERT INTO api_tokens (token_hash, platform, scope, user_id, username, created_at) VALUES (?, ?, ?, ?, ?, ?)',
    );
    this.dropMember = db.prepare('DELETE FROM api_tokens WHERE platform = ? AND scope = ? AND user_id = ?');
    this.find = db.prepare('SELECT platform, scope, user_id, username FROM api_tokens WHERE token_hash = ?');
  }

  /** A fresh token for the member, replacing any earlier one; the only time it exists in clear. */
  issue(key: SandboxKey, username: string, now: number): string {
    const token = PREFIX + randomBytes(32).toString('base64url');
    this.dropMember.run(key.platform, key.scope, key.user);
    this.insert.run(hashToken(token), key.platform, key.scope, key.user, username, now);
    return token;
  }

  /** Whether the member had a token to revoke. */
  revoke(key: SandboxKey): boolean {
    return this.dropMember.run(key.platform, key.scope, key.user).changes > 0;
  }

  ownerOf(token: string): TokenOwner | undefined {
    if (!token.startsWith(PREFIX) || token.length > 128) return undefined;
    const row = this.find.get(hashToken(token));
    if (row === undefined) return undefined;
    return {
      key: { platform: row.platform as SandboxKey['platform'], scope: row.scope, user: row.user_id },
      username: row.username,
    };
  }
}
