import type { webApi } from '@slack/bolt';
import { type Reply, replyText } from '../../chat/reply.ts';
import { t } from '../../i18n/catalogue.ts';
import { noteFilesInDm, uploadReplyFiles } from './files.ts';
import { BUDGET } from './limits.ts';
import { escapeMrkdwn } from './mrkdwn.ts';
import { type RenderContext, renderReply, renderWithin } from './render.ts';
import type { Respond } from './respond.ts';

/**
 * How a Reply reaches Slack. Slash commands and clicks answer through their `response_url`
 * (which works even where the bot is not a channel member); app mentions and modal submissions
 * have none, so they post with the Web API. A public reply too long for a few messages goes as a
 * file; a private one is cut, because a file shared in a channel is seen by everyone.
 */
export interface Destination {
  client: webApi.WebClient;
  channel: string;
  user: string;
  render: RenderContext;
  /** Answer in this thread (an app mention inside a thread). */
  threadTs?: string;
}

export async function respondWith(respond: Respond, given: Reply, to: Destination): Promise<void> {
  const reply = noteFilesInDm(given, to.render.lang);
  if (await uploadedAsFile(reply, to)) return uploadReplyFiles(reply, to);
  const type = reply.visibility === 'public' ? 'in_channel' : 'ephemeral';
  for (const message of renderWithin(reply, to.render, BUDGET.messages)) {
    await respond({
      response_type: type,
      replace_original: false,
      text: message.text,
      blocks: message.blocks,
    });
  }
  await uploadReplyFiles(reply, to);
}

export async function postWith(given: Reply, to: Destination): Promise<void> {
  const reply = noteFilesInDm(given, to.render.lang);
  if (await uploadedAsFile(reply, to)) return uploadReplyFiles(reply, to);
  const thread = to.threadTs === undefined ? {} : { thread_ts: to.threadTs };
  for (const message of renderWithin(reply, to.render, BUDGET.messages)) {
    if (reply.visibility === 'public') {
      await to.client.chat.postMessage({ channel: to.channel, ...thread, ...message });
    } else {
      await to.client.chat.postEphemeral({ channel: to.channel, user: to.user, ...thread, ...message });
    }
  }
  await uploadReplyFiles(reply, to);
}

/** `files.uploadV2`: get an upload URL, send the bytes there, then share the file in the channel. */
async function uploadedAsFile(reply: Reply, to: Destination): Promise<boolean> {
  const fits = renderReply(reply, to.render).length <= BUDGET.messages;
  if (fits || reply.visibility !== 'public' || reply.choices.length > 0) return false;
  const content = replyText(reply);
  const lines = content.split('\n').length;
  const file = {
    channel_id: to.channel,
    content,
    filename: 'output.txt',
    title: 'output.txt',
    initial_comment: escapeMrkdwn(t(to.render.lang, 'slack.outputAsFile', { lines })),
  };
  await to.client.files.uploadV2(to.threadTs === undefined ? file : { ...file, thread_ts: to.threadTs });
  return true;
}
