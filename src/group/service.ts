import type { Database } from 'better-sqlite3';
import type { Logger } from 'pino';
import type { ChannelRef } from '../chat/outbox.ts';
import { DailyStore } from '../store/daily.ts';
import { GroupProgressStore } from '../store/group-progress.ts';
import { SandboxShareStore } from '../store/sandbox-shares.ts';
import { type ChannelSettings, SettingsStore } from '../store/settings.ts';
import { ShareStore } from '../store/shares.ts';
import { reschedule } from './daily.ts';

/** The study group's stores: channel settings, shared replies, shared sandboxes, the daily question. */
export interface GroupService {
  settings: SettingsStore;
  /** Private replies kept for their Share button. */
  shares: ShareStore;
  /** Sandboxes opened read-only to teammates, and who looked. */
  sandboxShares: SandboxShareStore;
  /** What /progress reads. */
  progress: GroupProgressStore;
  /** The daily question's schedule, posts and answers. */
  daily: DailyStore;
  /** A moderator changed a channel's settings (inside the command's transaction). */
  onSettingsChanged(channel: ChannelRef, settings: ChannelSettings, now: number): void;
}

export function createGroupService(db: Database, log?: Pick<Logger, 'error'>): GroupService {
  const settings = new SettingsStore(db);
  const daily = new DailyStore(db);
  return {
    settings,
    shares: new ShareStore(db, log),
    sandboxShares: new SandboxShareStore(db),
    progress: new GroupProgressStore(db),
    daily,
    onSettingsChanged(channel, next, now) {
      reschedule(daily, channel, next, now);
    },
  };
}
