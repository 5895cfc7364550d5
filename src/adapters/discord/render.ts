import {
  type APIActionRowComponent,
  type APIComponentInMessageActionRow,
  ButtonStyle,
  ComponentType,
} from 'discord.js';
import { type Block, type Reply, replyText } from '../../chat/reply.ts';
import { t } from '../../i18n/catalogue.ts';
import type { Lang } from '../../i18n/lang.ts';
import { truncateReply } from '../truncate.ts';
import type { IdTable } from './custom-id.ts';

/**
 * A Reply as Discord messages, within Discord's limits: content of at most 2,000 characters
 * (long output is split at line boundaries, every piece a closed code block, or sent as a text
 * file past a few pieces), at most 25 buttons in rows of 5, and no way for echoed text to ping
 * anyone or break out of a code block. Pure: the adapter decides how each message is sent.
 */
export const CONTENT_MAX = 2000;
/** More pieces than this and the output goes in a file: a wall of messages helps nobody. */
export const MAX_PIECES = 4;
export const OUTPUT_FILE = 'output.txt';
const BUTTONS_PER_ROW = 5;
const MAX_BUTTONS = 25;
const BUTTON_LABEL_MAX = 80;
const OPTION_LABEL_MAX = 100;
const FENCE = '```';
/** Discord refuses an empty message; a reply with nothing to show still needs a body. */
const EMPTY = '\u200b';

export type Row = APIActionRowComponent<APIComponentInMessageActionRow>;

export interface OutgoingMessage {
  content: string | null;
  components: Row[];
  file: { name: string; text: string } | null;
}

export interface RenderOptions {
  ids: IdTable;
  /** The language of the few labels the adapter draws itself (the multi-select submit button). */
  lang: Lang;
}

/**
 * The messages to send for `reply`, in order; choices ride on the last one. Past `maxPieces`
 * pieces, one message carries the whole reply as a text file instead.
 */
export function renderReply(reply: Reply, options: RenderOptions, maxPieces = MAX_PIECES): OutgoingMessage[] {
  const trailer = reply.deadline === undefined ? [] : [countdown(reply.deadline)];
  const pieces = splitContent(reply.blocks, trailer, CONTENT_MAX);
  const components = choiceRows(reply, options);
  if (pieces.length > maxPieces) {
    const text = replyText(reply);
    return [{ content: trailer[0] ?? null, components, file: { name: OUTPUT_FILE, text } }];
  }
  if (pieces.length === 0) return [{ content: EMPTY, components, file: null }];
  return pieces.map((content, i) => ({
    content,
    components: i === pieces.length - 1 ? components : [],
    file: null,
  }));
}

/**
 * The reply in at most `maxPieces` messages and never as a file (where a file was refused): the
 * output is cut at a line boundary and a note says how many lines were left out.
 */
export function renderCut(reply: Reply, options: RenderOptions, maxPieces = MAX_PIECES): OutgoingMessage[] {
  let messages = renderReply(reply, options, maxPieces);
  let budget = Math.floor(maxPieces * CONTENT_MAX * 0.8);
  while (messages.some((m) => m.file !== null) && budget > 100) {
    messages = renderReply(truncateReply(reply, options.lang, budget), options, maxPieces);
    budget = Math.floor(budget / 2);
  }
  return messages.map((m) => ({ ...m, file: null }));
}

/** One message whatever the length: a channel post the core may edit later. */
export function renderSingle(reply: Reply, options: RenderOptions): OutgoingMessage {
  const [only] = renderReply(reply, options, 1);
  return only ?? { content: EMPTY, components: [], file: null };
}

/** Discord renders `<t:…:R>` as a live "in 20 seconds" in each reader's own language. */
export const countdown = (deadline: number): string => `⏳ <t:${Math.ceil(deadline / 1000)}:R>`;

/** Inside a code block only a run of backticks can close it; a zero-width joiner breaks every run. */
export const escapeCode = (text: string): string => text.replace(/`(?=`)/g, '`\u200d');

/**
 * Greedy line packing. A code block split across pieces is closed at the end of one piece and
 * reopened at the start of the next; a single line too long for any piece is cut into chunks.
 */
export function splitContent(blocks: readonly Block[], trailer: readonly string[], limit: number): string[] {
  const out: string[] = [];
  let piece: string[] = [];
  let length = -1;
  let inCode = false;
  const closing = () => (inCode ? FENCE.length + 1 : 0);
  const fits = (line: string) => length + 1 + line.length + closing() <= limit;
  const put = (line: string) => {
    piece.push(line);
    length += 1 + line.length;
  };
  const flush = () => {
    if (inCode) {
      if (piece[piece.length - 1] === FENCE) piece.pop();
      else piece.push(FENCE);
    }
    if (piece.length > 0) out.push(piece.join('\n'));
    piece = [];
    length = -1;
    if (inCode) put(FENCE);
  };
  const add = (line: string) => {
    const room = limit - FENCE.length * 2 - 2;
    for (const chunk of chunks(line, room)) {
      if (!fits(chunk)) flush();
      put(chunk);
    }
  };
  let previous: Block['kind'] | null = null;
  for (const block of blocks) {
    // Paragraphs need a blank line between them; a code block sets itself apart.
    if (block.kind === 'text' && previous === 'text') add('');
    previous = block.kind;
    if (block.kind === 'code') {
      if (block.text === '') continue;
      if (!fits(FENCE) || length + FENCE.length * 2 + 4 > limit) flush();
      put(FENCE);
      inCode = true;
      for (const line of escapeCode(block.text).split('\n')) add(line);
      put(FENCE);
      inCode = false;
    } else {
      for (const line of block.text.split('\n')) add(line);
    }
  }
  for (const line of trailer) add(line);
  if (piece.length > 0) out.push(piece.join('\n'));
  return out.filter((p) => p.trim() !== '');
}

function chunks(line: string, size: number): string[] {
  if (line.length <= size) return [line];
  const points = Array.from(line);
  const out: string[] = [];
  let current = '';
  for (const point of points) {
    if (current.length + point.length > size) {
      out.push(current);
      current = '';
    }
    current += point;
  }
  out.push(current);
  return out;
}

function choiceRows(reply: Reply, { ids, lang }: RenderOptions): Row[] {
  const seen = new Set<string>();
  // A revealed question keeps its buttons, disabled, the right ones green.
  const closed = reply.choicesClosed === true;
  const choices = reply.choices
    .map((c) => ({
      ...c,
      customId: closed ? `x:${c.id}` : ids.encode(reply.multiSelect === true ? 'm' : 'c', c.action),
    }))
    .filter((c) => !seen.has(c.customId) && seen.add(c.customId))
    .slice(0, MAX_BUTTONS);
  if (choices.length === 0) return [];
  if (reply.multiSelect === true && !closed) {
    return [
      row([
        {
          type: ComponentType.StringSelect,
          custom_id: ids.encode('m', ''),
          min_values: 1,
          max_values: choices.length,
          options: choices.map((c) => ({ label: label(c.label, c.id, OPTION_LABEL_MAX), value: c.customId })),
        },
      ]),
      row([
        {
          type: ComponentType.Button,
          style: ButtonStyle.Primary,
          custom_id: ids.encode('s', ''),
          label: t(lang, 'discord.submit'),
        },
      ]),
    ];
  }
  const rows: Row[] = [];
  for (let i = 0; i < choices.length; i += BUTTONS_PER_ROW) {
    rows.push(
      row(
        choices.slice(i, i + BUTTONS_PER_ROW).map((c) => ({
          type: ComponentType.Button,
          style: c.right === true ? ButtonStyle.Success : ButtonStyle.Secondary,
          custom_id: c.customId,
          label: label(c.label, c.id, BUTTON_LABEL_MAX),
          ...(closed ? { disabled: true } : {}),
        })),
      ),
    );
  }
  return rows;
}

const row = (components: APIComponentInMessageActionRow[]): Row => ({
  type: ComponentType.ActionRow,
  components,
});

/** Buttons show no markdown, so backticks would appear literally; long labels are cut with "…". */
function label(text: string, fallback: string, max: number): string {
  const plain = text.replace(/`/g, '').trim() || fallback;
  const points = Array.from(plain);
  return points.length <= max ? plain : `${points.slice(0, max - 1).join('')}…`;
}
