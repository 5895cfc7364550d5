import type { Database, Statement } from 'better-sqlite3';
import { isLang, type Lang } from '../i18n/lang.ts';
import type { SandboxKey } from './sandboxes.ts';

/** Per-member preferences (the language the bot speaks to them in) and the name they are shown by. */
export class MemberStore {
  private readonly getLang: Statement<[string, string, string], { lang: string | null }>;
  private readonly putLang: Statement<[string, string, string, string]>;
  private readonly putName: Statement<[string, string, string, string]>;
  private readonly getNames: Statement<[string, string], { user_id: string; name: string }>;

  constructor(db: Database) {
    this.getLang = db.prepare('SELECT lang FROM members WHERE platform = ? AND scope = ? AND user_id = ?');
    this.putLang = db.prepare(
      'INSERT INTO members (platform, scope, user_id, lang) VALUES (?, ?, ?, ?) ON CONFLICT (platform, scope, user_id) DO UPDATE SET lang = excluded.lang',
    );
    // Written only when the name changed, so a member's every answer does not rewrite the row.
    this.putName = db.prepare(
      'INSERT INTO members (platform, scope, user_id, name) VALUES (?, ?, ?, ?) ON CONFLICT (platform, scope, user_id) DO UPDATE SET name = excluded.name WHERE name IS NOT excluded.name',
    );
    this.getNames = db.prepare(
      'SELECT user_id, name FROM members WHERE platform = ? AND scope = ? AND name IS NOT NULL',
    );
  }

  setName(key: SandboxKey, name: string): void {
    this.putName.run(key.platform, key.scope, key.user, name);
  }

  /** The names of a scope's members, by user id (those never seen by name are absent). */
  names(platform: string, scope: string): Map<string, string> {
    return new Map(this.getNames.all(platform, scope).map((r) => [r.user_id, r.name]));
  }

  lang(key: SandboxKey): Lang | undefined {
    const row = this.getLang.get(key.platform, key.scope, key.user);
    return row?.lang !== undefined && row.lang !== null && isLang(row.lang) ? row.lang : undefined;
  }

  setLang(key: SandboxKey, lang: Lang): void {
    this.putLang.run(key.platform, key.scope, key.user, lang);
  }
}
