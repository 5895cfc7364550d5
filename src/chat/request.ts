/** What every chat surface turns a member's message into. Nothing here knows a platform's API. */
export type Platform = 'console' | 'discord' | 'slack';

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
  text: string;
  attachments: Attachment[];
}
