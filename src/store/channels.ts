import type { Database, Statement } from 'better-sqlite3';
import type { ChannelRef } from '../chat/outbox.ts';
import { isLang, type Lang } from '../i18n/lang.ts';
import { ReadCache } from './read-cache.ts';

/** Per-channel settings: the default language for members who have not chosen one (cached: ReadCache). */
export class ChannelStore {
  private readonly langs: ReadCache<Lang | null>;
  private readonly getLang: Statement<[string, string, string], { lang: string | null }>;
  private readonly putLang: Statement<[string, string, string, string]>;

  constructor(db: Database) {
    this.langs = new ReadCache(db);
    this.getLang = db.prepare('SELECT lang FROM channels WHERE platform = ? AND scope = ? AND channel = ?');
    this.putLang = db.prepare(
      'INSERT INTO channels (platform, scope, channel, lang) VALUES (?, ?, ?, ?) ON CONFLICT (platform, scope, channel) DO UPDATE SET lang = excluded.lang',
    );
  }

  lang(channel: ChannelRef): Lang | undefined {
    const lang = this.langs.get(channelOf(channel), () => {
      const row = this.getLang.get(channel.platform, channel.scope, channel.channel);
      return row?.lang !== undefined && row.lang !== null && isLang(row.lang) ? row.lang : null;
    });
    return lang ?? undefined;
  }

  setLang(channel: ChannelRef, lang: Lang): void {
    this.putLang.run(channel.platform, channel.scope, channel.channel, lang);
    this.langs.drop(channelOf(channel));
  }
}

/** A channel as one cache key. */
export const channelOf = (channel: ChannelRef) => `${channel.platform}/${channel.scope}/${channel.channel}`;
