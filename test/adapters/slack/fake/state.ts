import { EventEmitter } from 'node:events';
import type { Rejection } from './blocks.ts';

/** What the fake remembers: every message the app got through, every call Slack refused. */
export interface Posted {
  via: 'chat.postMessage' | 'chat.postEphemeral' | 'chat.update' | 'response_url' | 'files';
  channel: string;
  /** The member an ephemeral message is for. */
  user?: string;
  /** The channel message created or changed (not for ephemeral messages). */
  ts?: string;
  ephemeral: boolean;
  text: string;
  blocks: unknown[];
  threadTs?: string;
  file?: { name: string; content: string; bytes: Buffer };
}

export interface StoredMessage {
  channel: string;
  ts: string;
  text: string;
  blocks: unknown[];
}

export interface OpenedView {
  id: string;
  user: string;
  /** As last opened or updated (`views.update` replaces it). */
  view: Record<string, unknown>;
}

export interface Refused extends Rejection {
  method: string;
}

export interface Trigger {
  user: string;
  issuedAt: number;
  used: boolean;
}

export interface ResponseUrl {
  channel: string;
  user: string;
  /** The message a click came from, which `replace_original` changes. */
  messageTs?: string;
  uses: number;
  /** When Slack issued it (the fake's clock): it works for 30 minutes. */
  issuedAt: number;
}

export interface Upload {
  filename: string;
  length: number;
  content: Buffer | null;
}

export class FakeState extends EventEmitter {
  readonly team = { id: 'T0FAKE', domain: 'podium-study' };
  readonly bot = { userId: 'UBOT', botId: 'BBOT', appId: 'A0FAKE' };
  readonly posts: Posted[] = [];
  readonly refused: Refused[] = [];
  readonly messages = new Map<string, StoredMessage>();
  readonly views: OpenedView[] = [];
  /** Each member's published home tab. */
  readonly homes = new Map<string, Record<string, unknown>>();
  readonly triggers = new Map<string, Trigger>();
  readonly responseUrls = new Map<string, ResponseUrl>();
  readonly uploads = new Map<string, Upload>();
  readonly tickets = new Set<string>();
  /** Direct-message channels opened by `conversations.open`, and the member each is with. */
  readonly directs = new Map<string, string>();
  /**
   * Channels the bot may not write in, and what Slack answers there: `not_in_channel` (a private
   * channel it was not invited to) or `channel_not_found` (one it cannot see at all).
   */
  readonly closedChannels = new Map<string, 'not_in_channel' | 'channel_not_found'>();
  /**
   * Channels whose Web API writes wait until the promise settles (a throttled or slow channel),
   * so a test can see what else gets through meanwhile.
   */
  readonly held = new Map<string, Promise<void>>();
  /** The workspace's members (`users.info`): everyone who sent the app something, and admins. */
  readonly users = new Map<string, { name: string; is_admin?: boolean; is_owner?: boolean }>();
  /** The workspace's user groups (`usergroups.list`), with their members' ids. */
  readonly usergroups: { id: string; handle: string; name: string; users: string[] }[] = [];
  /** Methods Slack throttles: the next N calls answer 429 `ratelimited` with `Retry-After: 1`. */
  readonly rateLimited = new Map<string, number>();
  /** Methods whose scope the app was not granted: Slack answers `missing_scope` (needed: …). */
  readonly missingScopes = new Map<string, string>();
  /** Tokens revoked while the app ran, and what Slack answers to them (`token_revoked`). */
  readonly revoked = new Map<string, string>();
  /** Every Web API method called, in order. */
  readonly calls: string[] = [];
  /**
   * The fake's clock (epoch ms), for lifetimes longer than a test should wait (a response_url's
   * 30 minutes); a test moves it instead of waiting.
   */
  clock: () => number = () => Date.now();
  private serial = 0;

  constructor(
    readonly botToken: string,
    readonly appToken: string,
    readonly triggerTtlMs: number,
  ) {
    super();
  }

  next(prefix: string): string {
    this.serial += 1;
    return `${prefix}${String(this.serial).padStart(4, '0')}`;
  }

  /** Slack message timestamps: seconds and a six-digit sequence, unique per workspace. */
  nextTs(): string {
    this.serial += 1;
    return `${1736935200 + this.serial}.${String(this.serial).padStart(6, '0')}`;
  }

  /** A member who sends the app something exists in the workspace (known to `users.info`). */
  know(member: { id: string; name: string }): void {
    if (!this.users.has(member.id)) this.users.set(member.id, { name: member.name });
  }

  post(posted: Posted): void {
    this.posts.push(posted);
    this.emit('post', posted);
  }

  refuse(method: string, rejection: Rejection): Rejection {
    this.refused.push({ method, ...rejection });
    return rejection;
  }
}
