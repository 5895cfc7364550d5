import type { Database, Statement } from 'better-sqlite3';
import { isLang, type Lang } from '../i18n/lang.ts';
import type { SandboxKey } from './sandboxes.ts';

/** Per-member preferences (the language the bot speaks to them in). */
export class MemberStore {
  private readonly getLang: Statement<[string, string, string], { lang: string | null }>;
  private readonly putLang: Statement<[string, string, string, string]>;

  constructor(db: Database) {
    this.getLang = db.prepare('SELECT lang FROM members WHERE platform = ? AND scope = ? AND user_id = ?');
    this.putLang = db.prepare(
      'INSERT INTO members (platform, scope, user_id, lang) VALUES (?, ?, ?, ?) ON CONFLICT (platform, scope, user_id) DO UPDATE SET lang = excluded.lang',
    );
  }

  lang(key: SandboxKey): Lang | undefined {
    const row = this.getLang.get(key.platform, key.scope, key.user);
    return row?.lang !== undefined && row.lang !== null && isLang(row.lang) ? row.lang : undefined;
  }

  setLang(key: SandboxKey, lang: Lang): void {
    this.putLang.run(key.platform, key.scope, key.user, lang);
  }
}
