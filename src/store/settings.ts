import type { Database } from 'better-sqlite3';
import type { ChannelRef } from '../chat/outbox.ts';
import { channelOf } from './channels.ts';
import { ReadCache } from './read-cache.ts';

/**
 * A channel's study-group settings (`/settings`), with the defaults a channel has before a
 * moderator changes anything. The channel's language stays in the ChannelStore.
 */
export type Output = 'private' | 'public';
export type QuizStarters = 'everyone' | 'moderators' | 'role';

export interface ChannelSettings {
  output: Output;
  quizStarters: QuizStarters;
  quizRole: string | null;
  quizCount: number | null;
  quizSeconds: number | null;
  lobbySeconds: number | null;
  threads: boolean;
  moderatorGroup: string | null;
  daily: boolean;
  dailyHour: number;
  dailyZone: string;
  dailyTopic: string | null;
  /** Guide lines under kubectl's output, for members who have not chosen (`/guide`); null: the bot's default. */
  guide: boolean | null;
}

export const DEFAULT_SETTINGS: ChannelSettings = {
  output: 'private',
  quizStarters: 'everyone',
  quizRole: null,
  quizCount: null,
  quizSeconds: null,
  lobbySeconds: null,
  threads: false,
  moderatorGroup: null,
  daily: false,
  dailyHour: 9,
  dailyZone: 'Asia/Seoul',
  dailyTopic: null,
  guide: null,
};

type Row = {
  output: string;
  quiz_starters: string;
  quiz_role: string | null;
  quiz_count: number | null;
  quiz_seconds: number | null;
  lobby_seconds: number | null;
  threads: number;
  moderator_group: string | null;
  daily: number;
  daily_hour: number;
  daily_zone: string;
  daily_topic: string | null;
  guide: number | null;
};

const COLUMNS =
  'output, quiz_starters, quiz_role, quiz_count, quiz_seconds, lobby_seconds, threads, moderator_group, daily, daily_hour, daily_zone, daily_topic, guide';

const caches = new WeakMap<Database, ReadCache<ChannelSettings>>();
function sharedCache(db: Database): ReadCache<ChannelSettings> {
  const cache = caches.get(db) ?? new ReadCache<ChannelSettings>(db);
  caches.set(db, cache);
  return cache;
}

export class SettingsStore {
  private readonly byChannel;
  private readonly upsert;
  private readonly dailyChannels;
  /** Read on every command (output visibility, the guide line): cached (ReadCache). */
  private readonly cache: ReadCache<ChannelSettings>;

  constructor(db: Database) {
    // One cache per connection, shared by every store on it: a write through one store (the
    // group's /settings) must drop what another (the quiz runner's) would read.
    this.cache = sharedCache(db);
    this.byChannel = db.prepare<[string, string, string], Row>(
      `SELECT ${COLUMNS} FROM channel_settings WHERE platform = ? AND scope = ? AND channel = ?`,
    );
    this.upsert = db.prepare<Record<string, string | number | null>>(
      `INSERT INTO channel_settings (platform, scope, channel, ${COLUMNS})
       VALUES ($platform, $scope, $channel, $output, $quiz_starters, $quiz_role, $quiz_count, $quiz_seconds, $lobby_seconds, $threads, $moderator_group, $daily, $daily_hour, $daily_zone, $daily_topic, $guide)
       ON CONFLICT (platform, scope, channel) DO UPDATE SET
         output = excluded.output, quiz_starters = excluded.quiz_starters, quiz_role = excluded.quiz_role,
         quiz_count = excluded.quiz_count, quiz_seconds = excluded.quiz_seconds, lobby_seconds = excluded.lobby_seconds,
         threads = excluded.threads, moderator_group = excluded.moderator_group, daily = excluded.daily,
         daily_hour = excluded.daily_hour, daily_zone = excluded.daily_zone, daily_topic = excluded.daily_topic,
         guide = excluded.guide`,
    );
    this.dailyChannels = db.prepare<[string], { platform: string; scope: string; channel: string }>(
      'SELECT platform, scope, channel FROM channel_settings WHERE daily = 1 AND platform = ? ORDER BY scope, channel',
    );
  }

  get(channel: ChannelRef): ChannelSettings {
    return this.cache.get(channelOf(channel), () => {
      const row = this.byChannel.get(channel.platform, channel.scope, channel.channel);
      return row === undefined ? DEFAULT_SETTINGS : Object.freeze(fromRow(row));
    });
  }

  put(channel: ChannelRef, settings: ChannelSettings): void {
    this.cache.drop(channelOf(channel));
    this.upsert.run({
      platform: channel.platform,
      scope: channel.scope,
      channel: channel.channel,
      output: settings.output,
      quiz_starters: settings.quizStarters,
      quiz_role: settings.quizRole,
      quiz_count: settings.quizCount,
      quiz_seconds: settings.quizSeconds,
      lobby_seconds: settings.lobbySeconds,
      threads: settings.threads ? 1 : 0,
      moderator_group: settings.moderatorGroup,
      daily: settings.daily ? 1 : 0,
      daily_hour: settings.dailyHour,
      daily_zone: settings.dailyZone,
      daily_topic: settings.dailyTopic,
      guide: settings.guide === null ? null : settings.guide ? 1 : 0,
    });
  }

  /** The channels of a platform with the daily question on. */
  dailyIn(platform: ChannelRef['platform']): ChannelRef[] {
    return this.dailyChannels.all(platform).map((r) => ({ ...r, platform }));
  }
}

const fromRow = (row: Row): ChannelSettings => ({
  output: row.output === 'public' ? 'public' : 'private',
  quizStarters:
    row.quiz_starters === 'moderators' || row.quiz_starters === 'role' ? row.quiz_starters : 'everyone',
  quizRole: row.quiz_role,
  quizCount: row.quiz_count,
  quizSeconds: row.quiz_seconds,
  lobbySeconds: row.lobby_seconds,
  threads: row.threads === 1,
  moderatorGroup: row.moderator_group,
  daily: row.daily === 1,
  dailyHour: row.daily_hour,
  dailyZone: row.daily_zone,
  dailyTopic: row.daily_topic,
  guide: row.guide === null ? null : row.guide === 1,
});
