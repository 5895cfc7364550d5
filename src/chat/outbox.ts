import type { Reply } from './reply.ts';
import type { Platform } from './request.ts';

/**
 * How the core speaks without being asked: live-quiz questions, countdown ends, reveals and the
 * podium are posted (and later edited) in a channel by timers. Each adapter implements this for
 * its platform; the console prints to its output. The core never learns how a message is sent.
 */
export interface ChannelRef {
  platform: Platform;
  scope: string;
  channel: string;
}

export interface MessageRef extends ChannelRef {
  /** The platform's message id (Discord snowflake, Slack ts, console sequence number). */
  id: string;
}

export interface Outbox {
  post(channel: ChannelRef, reply: Reply): Promise<MessageRef>;
  edit(message: MessageRef, reply: Reply): Promise<void>;
  /** Opens a thread on a message (platforms that have them); the thread is a channel to post in. */
  startThread?(message: MessageRef, name: string): Promise<ChannelRef>;
  /**
   * A direct message to one member of `scope` (platforms that have them): how a live quiz's host
   * hears that the channel refused its messages, since an ephemeral note would be refused too.
   */
  tell?(scope: ChannelRef, user: string, reply: Reply): Promise<void>;
}
