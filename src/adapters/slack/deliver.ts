import type { webApi } from '@slack/bolt';
import { type Reply, replyText, textReply } from '../../chat/reply.ts';
import { t } from '../../i18n/catalogue.ts';
import { directChannel, noteFilesInDm, uploadReplyFiles } from './files.ts';
import { BUDGET } from './limits.ts';
import { escapeMrkdwn } from './mrkdwn.ts';
import { type RenderContext, renderReply, renderWithin } from './render.ts';
import type { Respond } from './respond.ts';
import { responseBodies } from './response-body.ts';

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
  const send = async (reply: Reply) => {
    for (const body of responseBodies(reply, to.render)) await respond(body);
  };
  const reply = await asMessages(noteFilesInDm(given, to.render.lang), to);
  if (reply !== null) await send(reply);
  await filesOrSay(given, to, send);
}

export async function postWith(given: Reply, to: Destination): Promise<void> {
  const thread = to.threadTs === undefined ? {} : { thread_ts: to.threadTs };
  const send = async (reply: Reply) => {
    for (const message of renderWithin(reply, to.render, BUDGET.messages)) {
      if (reply.visibility === 'public') {
        await to.client.chat.postMessage({ channel: to.channel, ...thread, ...message });
      } else {
        await to.client.chat.postEphemeral({ channel: to.channel, user: to.user, ...thread, ...message });
      }
    }
  };
  const reply = await asMessages(noteFilesInDm(given, to.render.lang), to);
  if (reply !== null) await send(reply);
  await filesOrSay(given, to, send);
}

/**
 * Where neither the channel nor a `response_url` takes the answer (a channel the bot is not in,
 * and a modal kept open past the response_url's 30 minutes), the member's direct message with the
 * bot does, led by why it came there.
 */
export async function postInDm(given: Reply, to: Destination, why: unknown): Promise<void> {
  const channel = await directChannel(to);
  const note = {
    kind: 'text' as const,
    text: t(to.render.lang, 'slack.answerInDm', { error: slackError(why) }),
  };
  const reply: Reply = { ...given, visibility: 'public', blocks: [note, ...given.blocks] };
  await postWith(reply, { client: to.client, channel, user: to.user, render: to.render });
}

/**
 * The reply as messages, or null when it went as a file. An upload Slack refused (no
 * `files:write`, a channel the bot is not in) falls back to the messages, cut to what fits, with
 * a first line that says why: a long output never just vanishes.
 */
async function asMessages(reply: Reply, to: Destination): Promise<Reply | null> {
  try {
    return (await uploadedAsFile(reply, to)) ? null : reply;
  } catch (error) {
    const note = {
      kind: 'text' as const,
      text: t(to.render.lang, 'slack.uploadFailed', { error: slackError(error) }),
    };
    return { ...reply, blocks: [note, ...reply.blocks] };
  }
}

/** The reply's files; where Slack refuses them, a private line says so instead of silence. */
async function filesOrSay(
  reply: Reply,
  to: Destination,
  send: (reply: Reply) => Promise<void>,
): Promise<void> {
  try {
    await uploadReplyFiles(reply, to);
  } catch (error) {
    const count = reply.files?.length ?? 0;
    await send(
      textReply(
        t(to.render.lang, 'slack.filesFailed', { count, error: slackError(error) }),
        false,
        'private',
      ),
    );
  }
}

/** Slack's error code (`missing_scope: files:write`), or the error's message. */
export function slackError(error: unknown): string {
  const data = (error as { data?: { error?: unknown; needed?: unknown } }).data;
  if (typeof data?.error !== 'string') return error instanceof Error ? error.message : String(error);
  return typeof data.needed === 'string' ? `${data.error}: ${data.needed}` : data.error;
}

/** `files.uploadV2`: get an upload URL, send the bytes there, then share the file in the channel. */
async function uploadedAsFile(reply: Reply, to: Destination): Promise<boolean> {
  // Only a public reply without buttons may go as a file: a private one (a quiz confirmation)
  // is not rendered a second time to find out.
  if (reply.visibility !== 'public' || reply.choices.length > 0) return false;
  if (renderReply(reply, to.render).length <= BUDGET.messages) return false;
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
