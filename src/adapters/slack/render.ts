import type { types } from '@slack/bolt';
import type { Block, Reply } from '../../chat/reply.ts';
import { t } from '../../i18n/catalogue.ts';
import type { Lang } from '../../i18n/lang.ts';
import { truncateReply } from '../truncate.ts';
import { choiceBlocks } from './choices.ts';
import { BUDGET, SLACK } from './limits.ts';
import { breakFences, escapeMrkdwn } from './mrkdwn.ts';

/**
 * A Reply as Block Kit messages: text blocks become mrkdwn sections, kubectl output becomes ```
 * code sections, the countdown a context line, the choices buttons. Everything echoed is escaped,
 * and output too long for one message is split at line boundaries into several, each within
 * Slack's limits (3,000 characters a section, 50 blocks, our per-message budget).
 */
export interface SlackMessage {
  /** The notification and accessibility fallback; Slack shows the blocks. */
  text: string;
  blocks: types.KnownBlock[];
}

export interface RenderContext {
  lang: Lang;
  /** Epoch ms, to say how many seconds a countdown has left. */
  now: number;
}

interface Section {
  mrkdwn: string;
  /** The first line of the section as the member would read it, for the fallback text. */
  plain: string;
}

const FENCE_OVERHEAD = '```\n\n```'.length;
/** Room left on the last page for the countdown and up to four rows of buttons. */
const TAIL_BLOCKS = 5;

export function renderReply(reply: Reply, ctx: RenderContext): SlackMessage[] {
  const tail = tailBlocks(reply, ctx);
  const tailChars = tail.reduce((n, b) => n + JSON.stringify(b).length, 0);
  const pages = paginate(reply.blocks.flatMap(sectionsOf));
  const last = pages.at(-1);
  if (tail.length > 0 && last !== undefined && charsOf(last) + tailChars > BUDGET.messageChars)
    pages.push([]);
  if (pages.length === 0) pages.push([]);
  let fallback = '';
  return pages.map((page, i) => {
    fallback = page[0]?.plain ?? fallback;
    const blocks: types.KnownBlock[] = page.map(sectionBlock);
    if (i === pages.length - 1) blocks.push(...tail);
    return { text: fallbackText(fallback || reply.choices[0]?.label || ' '), blocks };
  });
}

/**
 * The same reply in at most `max` messages: the longest output is cut at a line boundary and a
 * note says how many lines were left out. Used where more messages cannot be sent (an edit, an
 * ephemeral answer, a `response_url` with few uses left).
 */
export function renderWithin(reply: Reply, ctx: RenderContext, max: number): SlackMessage[] {
  let messages = renderReply(reply, ctx);
  let budget = Math.floor(max * BUDGET.messageChars * 0.8);
  while (messages.length > max && budget > 100) {
    messages = renderReply(truncateReply(reply, ctx.lang, budget), ctx);
    budget = Math.floor(budget / 2);
  }
  return messages.slice(0, max);
}

function sectionsOf(block: Block): Section[] {
  if (block.kind === 'text') {
    if (block.text.trim() === '') return [];
    return chunk(block.text, SLACK.sectionText, escapeMrkdwn);
  }
  // An empty output still shows as an (empty) box, as a terminal would show nothing.
  const text = block.text === '' ? ' ' : block.text;
  return chunk(text, SLACK.sectionText - FENCE_OVERHEAD, (s) => breakFences(escapeMrkdwn(s))).map((s) => ({
    ...s,
    mrkdwn: `\`\`\`\n${s.mrkdwn}\n\`\`\``,
  }));
}

/**
 * Splits `raw` into pieces whose encoded form fits `limit`, at line boundaries where possible;
 * a single line longer than the limit is cut between characters.
 */
export function chunk(raw: string, limit: number, encode: (s: string) => string): Section[] {
  const out: Section[] = [];
  let lines: string[] = [];
  let size = 0;
  const flush = () => {
    if (lines.length === 0) return;
    out.push({ mrkdwn: lines.map(encode).join('\n'), plain: firstLine(lines) });
    lines = [];
    size = 0;
  };
  for (const line of raw.split('\n')) {
    const encoded = encode(line).length;
    if (encoded > limit) {
      flush();
      for (const piece of cutLine(line, limit, encode)) out.push({ mrkdwn: encode(piece), plain: piece });
      continue;
    }
    if (lines.length > 0 && size + 1 + encoded > limit) flush();
    size += (lines.length > 0 ? 1 : 0) + encoded;
    lines.push(line);
  }
  flush();
  return out;
}

/**
 * Cuts by each character's encoded size; a backtick counts two, since breaking a ``` run adds up
 * to two characters for every three, so a piece never outgrows `limit` once encoded.
 */
function cutLine(line: string, limit: number, encode: (s: string) => string): string[] {
  const pieces: string[] = [];
  let piece = '';
  let size = 0;
  for (const ch of line) {
    const cost = ch === '`' ? 2 : encode(ch).length;
    if (size + cost > limit) {
      pieces.push(piece);
      piece = '';
      size = 0;
    }
    piece += ch;
    size += cost;
  }
  if (piece !== '') pieces.push(piece);
  return pieces;
}

function paginate(sections: Section[]): Section[][] {
  const pages: Section[][] = [];
  let page: Section[] = [];
  let chars = 0;
  for (const section of sections) {
    const full = chars + section.mrkdwn.length > BUDGET.messageChars;
    if (page.length > 0 && (full || page.length >= SLACK.messageBlocks - TAIL_BLOCKS)) {
      pages.push(page);
      page = [];
      chars = 0;
    }
    page.push(section);
    chars += section.mrkdwn.length;
  }
  if (page.length > 0) pages.push(page);
  return pages;
}

const charsOf = (page: Section[]) => page.reduce((n, s) => n + s.mrkdwn.length, 0);

const sectionBlock = (section: Section): types.SectionBlock => ({
  type: 'section',
  text: { type: 'mrkdwn', text: section.mrkdwn },
});

function tailBlocks(reply: Reply, ctx: RenderContext): types.KnownBlock[] {
  const blocks: types.KnownBlock[] = [];
  if (reply.deadline !== undefined) blocks.push(countdown(reply.deadline, ctx));
  blocks.push(...choiceBlocks(reply, ctx.lang));
  return blocks;
}

/**
 * Slack renders `<!date^UNIX^{time_secs}|fallback>` in each reader's own time zone, so the
 * countdown says when answering closes wherever the member is, plus the seconds left now.
 */
function countdown(deadline: number, ctx: RenderContext): types.ContextBlock {
  const unix = Math.floor(deadline / 1000);
  const fallback = `${new Date(unix * 1000).toISOString().slice(11, 19)} UTC`;
  const seconds = Math.max(0, Math.ceil((deadline - ctx.now) / 1000));
  const sentence = escapeMrkdwn(t(ctx.lang, 'slack.deadline', { time: '\u0000', seconds }));
  const text = sentence.replace('\u0000', `<!date^${unix}^{time_secs}|${fallback}>`);
  return { type: 'context', elements: [{ type: 'mrkdwn', text }] };
}

function firstLine(lines: string[]): string {
  return lines.find((l) => l.trim() !== '')?.trim() ?? '';
}

function fallbackText(plain: string): string {
  const cut = [...plain].slice(0, SLACK.fallbackText).join('');
  return escapeMrkdwn(cut === '' ? ' ' : cut);
}
