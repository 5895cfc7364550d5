import type { Database } from 'better-sqlite3';
import type { ChannelRef } from '../chat/outbox.ts';
import { type ChannelSettings, SettingsStore } from '../store/settings.ts';

/** The study group's stores: channel settings, shared replies, shared sandboxes, the daily question. */
export interface GroupService {
  settings: SettingsStore;
  /** A moderator changed a channel's settings (inside the command's transaction). */
  onSettingsChanged(channel: ChannelRef, settings: ChannelSettings, now: number): void;
}

export function createGroupService(db: Database): GroupService {
  const settings = new SettingsStore(db);
  return {
    settings,
    onSettingsChanged() {},
  };
}
