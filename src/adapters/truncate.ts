import type { Block, Reply } from '../chat/reply.ts';
import { t } from '../i18n/catalogue.ts';
import type { Lang } from '../i18n/lang.ts';

/**
 * Keeps the first `budget` characters of the reply's blocks, whole lines only, and says how many
 * lines were left out: how either chat platform shows output where more messages cannot be sent.
 */
export function truncateReply(reply: Reply, lang: Lang, budget: number): Reply {
  let left = budget;
  let omitted = 0;
  const blocks: Block[] = [];
  for (const block of reply.blocks) {
    const lines = block.text.split('\n');
    const kept: string[] = [];
    for (const line of lines) {
      if (line.length + 1 <= left) {
        kept.push(line);
        left -= line.length + 1;
      } else {
        left = 0;
        omitted += 1;
      }
    }
    if (kept.length > 0) blocks.push({ kind: block.kind, text: kept.join('\n') });
  }
  if (omitted > 0) blocks.push({ kind: 'text', text: t(lang, 'slack.outputTruncated', { lines: omitted }) });
  return { ...reply, blocks };
}
