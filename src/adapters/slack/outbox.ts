import type { webApi } from '@slack/bolt';
import type { ChannelRef, MessageRef, Outbox } from '../../chat/outbox.ts';
import type { Reply } from '../../chat/reply.ts';
import type { Lang } from '../../i18n/lang.ts';
import { BUDGET } from './limits.ts';
import { renderWithin } from './render.ts';

/**
 * The core's Outbox on Slack: live-quiz questions, reveals and podiums posted by timers with
 * `chat.postMessage` and changed in place with `chat.update`. The message id is Slack's `ts`. A
 * reply that needs several messages is posted in order and the last one (with the buttons) is the
 * one later edited; an edit always fits one message.
 */
export function slackOutbox(
  client: webApi.WebClient,
  lang: (channel: ChannelRef) => Lang,
  clock: () => number,
): Outbox {
  return {
    async post(channel: ChannelRef, reply: Reply): Promise<MessageRef> {
      const messages = renderWithin(reply, { lang: lang(channel), now: clock() }, BUDGET.messages);
      let ts = '';
      for (const message of messages) {
        const posted = await client.chat.postMessage({ channel: channel.channel, ...message });
        ts = posted.ts ?? ts;
      }
      return { ...channel, id: ts };
    },
    async tell(scope: ChannelRef, user: string, reply: Reply): Promise<void> {
      const opened = await client.conversations.open({ users: user });
      const dm = opened.channel?.id;
      if (dm === undefined) throw new Error('conversations.open returned no channel');
      for (const message of renderWithin(reply, { lang: lang(scope), now: clock() }, 1))
        await client.chat.postMessage({ channel: dm, ...message });
    },
    async edit(message: MessageRef, reply: Reply): Promise<void> {
      const [one] = renderWithin(reply, { lang: lang(message), now: clock() }, 1);
      if (one === undefined) return;
      await client.chat.update({ channel: message.channel, ts: message.id, ...one });
    },
  };
}
