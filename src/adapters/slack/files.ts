import type { Reply } from '../../chat/reply.ts';
import { fileBytes, safeFileName } from '../../chat/reply-files.ts';
import { t } from '../../i18n/catalogue.ts';
import type { Destination } from './deliver.ts';

/**
 * A reply's files, uploaded with `files.uploadV2` (getUploadURLExternal, the bytes, then
 * completeUploadExternal): into the channel for a public reply, and into the member's direct
 * messages for a private one, since an ephemeral message cannot carry a file and a file shared
 * in the channel is seen by everyone. Slack takes up to 1 GB a file; the core's files are far
 * smaller, and the 10 a call is respected by uploading in batches.
 */
const FILES_PER_CALL = 10;

export async function uploadReplyFiles(reply: Reply, to: Destination): Promise<void> {
  const files = reply.files ?? [];
  if (files.length === 0) return;
  const channel = reply.visibility === 'public' ? to.channel : await directChannel(to);
  const thread = reply.visibility === 'public' && to.threadTs !== undefined ? { thread_ts: to.threadTs } : {};
  for (let i = 0; i < files.length; i += FILES_PER_CALL) {
    const batch = files.slice(i, i + FILES_PER_CALL).map((f) => {
      const filename = safeFileName(f.name);
      return { file: fileBytes(f), filename, title: filename };
    });
    await to.client.files.uploadV2({ channel_id: channel, file_uploads: batch, ...thread });
  }
}

/** The DM channel between the bot and the member (`conversations.open`, scope `im:write`). */
export async function directChannel(to: Destination): Promise<string> {
  const opened = await to.client.conversations.open({ users: to.user });
  const id = opened.channel?.id;
  if (id === undefined) throw new Error('conversations.open returned no channel');
  return id;
}

/** A private reply with files says where they went, in the member's language. */
export function noteFilesInDm(reply: Reply, lang: Destination['render']['lang']): Reply {
  const count = reply.files?.length ?? 0;
  if (count === 0 || reply.visibility === 'public') return reply;
  return { ...reply, blocks: [...reply.blocks, { kind: 'text', text: t(lang, 'files.inDm', { count }) }] };
}
