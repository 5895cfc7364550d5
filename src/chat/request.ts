import type { Lang } from '../i18n/lang.ts';

/** What every chat surface turns a member's message into. Nothing here knows a platform's API. */
export type Platform = 'console' | 'discord' | 'slack';

/** What the member may do in the channel: moderators change `/settings` and steer any live quiz. */
export type Role = 'member' | 'moderator';

export interface Attachment {
  name: string;
  content: string;
}

export interface Request {
  platform: Platform;
  /** The workspace (Slack team) or guild (Discord); the console uses 'local'. */
  scope: string;
  /** The channel the message came from; live quizzes and leaderboards are per channel. */
  channel: string;
  /** The platform's stable user id. */
  user: string;
  /** A display name for leaderboards; never used for identity. */
  userName?: string;
  /**
   * The member's username on the platform (Discord username, Slack handle): stable and unique in
   * the scope, unlike a display name. `kubectl --context=NAME` names a teammate's sandbox by it.
   */
  username?: string;
  /**
   * Filled by the adapter from the platform's own notion (Discord: Manage Messages or Manage
   * Server; Slack: workspace admins and owners); the console's user is a moderator. Absent: member.
   */
  role?: Role;
  /** The member's roles or user groups on the platform, for settings that name one. */
  groups?: readonly string[];
  /**
   * The language of the member's app where the platform tells it (Discord's `interaction.locale`),
   * spoken when they have not chosen one with `/lang`.
   */
  locale?: Lang;
  text: string;
  /**
   * Set by an adapter that has already separated the command line from its standard input:
   * `text` is then the command line as typed, and three backticks in it open no fence (a
   * Discord slash option has no stdin; Slack's rich-text blocks carry a code block apart).
   */
  stdin?: string | null;
  attachments: Attachment[];
}
