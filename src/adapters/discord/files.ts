import type { Block, Reply, ReplyFile } from '../../chat/reply.ts';
import { fileBytes, safeFileName } from '../../chat/reply-files.ts';
import { t } from '../../i18n/catalogue.ts';
import { type OutgoingMessage, type RenderOptions, renderReply } from './render.ts';

/**
 * A reply's files as Discord attachments, within what one message may carry: at most 10 files
 * and 10 MiB in all (the upload limit of a server without boosts; chat-platforms.md §3). Files
 * past either limit are left out, in order, and counted so the reply can say so.
 */
export const MAX_ATTACHMENTS = 10;
export const ATTACHMENT_BYTES = 10 * 1024 * 1024;

export interface Attachment {
  name: string;
  data: Buffer;
  contentType: string;
}

export function replyAttachments(
  files: readonly ReplyFile[] | undefined,
  taken: { count: number; bytes: number } = { count: 0, bytes: 0 },
): { attachments: Attachment[]; leftOut: number } {
  const attachments: Attachment[] = [];
  let { count, bytes } = taken;
  let leftOut = 0;
  for (const file of files ?? []) {
    const data = fileBytes(file);
    if (count + 1 > MAX_ATTACHMENTS || bytes + data.length > ATTACHMENT_BYTES) {
      leftOut += 1;
      continue;
    }
    count += 1;
    bytes += data.length;
    attachments.push({ name: safeFileName(file.name), data, contentType: file.contentType });
  }
  return { attachments, leftOut };
}

/**
 * The messages for `reply` with its files riding on the last one (beside an `output.txt` the
 * renderer may already have put there); a note in the reply's language counts any left out.
 */
export function renderWithFiles(
  reply: Reply,
  render: RenderOptions,
): { message: OutgoingMessage; files: Attachment[] }[] {
  const plain = renderReply(reply, render);
  if ((reply.files ?? []).length === 0) return plain.map((message) => ({ message, files: [] }));
  const own = plain.at(-1)?.file ?? null;
  const taken = own === null ? { count: 0, bytes: 0 } : { count: 1, bytes: Buffer.byteLength(own.text) };
  const { attachments, leftOut } = replyAttachments(reply.files, taken);
  const note: Block[] =
    leftOut === 0
      ? []
      : [{ kind: 'text', text: t(render.lang, 'files.leftOut', { count: leftOut, platform: 'Discord' }) }];
  const messages =
    note.length === 0 ? plain : renderReply({ ...reply, blocks: [...reply.blocks, ...note] }, render);
  return messages.map((message, i) => ({ message, files: i === messages.length - 1 ? attachments : [] }));
}
