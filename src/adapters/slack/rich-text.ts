import { decodeSlackText, stripLeadingMention } from './mrkdwn.ts';

/**
 * A message that mentions the bot, read the way Slack's composer sends it. A code block typed in
 * Slack arrives twice: in `text` as "```apiVersion: v1\n…```" (the content right after the
 * opening fence, no language tag, the closing fence glued to the last line; `&`, `<`, `>`
 * escaped), and in `blocks` as rich_text → rich_text_preformatted, whose text is raw. The blocks
 * win where present; otherwise the glued fences are put back on lines of their own.
 */
export interface Mentioned {
  /** The command line (or, with `stdin` undefined, the whole message for the core to parse). */
  text: string;
  stdin?: string | null;
}

interface RichElement {
  type?: unknown;
  text?: unknown;
  url?: unknown;
  elements?: unknown;
}

const FENCE = '```';
/** A first line Slack users type as a language tag; Slack keeps it inside the block. */
const LANGUAGE_TAG = /^(ya?ml|json)[ \t]*$/i;

export function readMention(text: string, blocks: unknown): Mentioned {
  const typed = decodeSlackText(stripLeadingMention(text));
  const code = preformatted(blocks);
  if (code !== null) {
    const fenceAt = typed.indexOf(FENCE);
    const line = (fenceAt === -1 ? typed : typed.slice(0, fenceAt)).split('\n')[0]?.trim() ?? '';
    return { text: line, stdin: withoutTag(code) };
  }
  return { text: unglueFences(typed) };
}

/** The text of the first rich_text_preformatted element of the first rich_text block that has one. */
function preformatted(blocks: unknown): string | null {
  if (!Array.isArray(blocks)) return null;
  for (const block of blocks as RichElement[]) {
    if (block.type !== 'rich_text' || !Array.isArray(block.elements)) continue;
    for (const element of block.elements as RichElement[]) {
      if (element.type === 'rich_text_preformatted') {
        const text = plainText(element);
        return text.endsWith('\n') || text === '' ? text : `${text}\n`;
      }
    }
  }
  return null;
}

/** A rich-text element's characters: text as typed, links as shown. */
function plainText(element: RichElement): string {
  if (!Array.isArray(element.elements)) return '';
  let out = '';
  for (const child of element.elements as RichElement[]) {
    if (typeof child.text === 'string') out += child.text;
    else if (child.type === 'link' && typeof child.url === 'string') out += child.url;
  }
  return out;
}

function withoutTag(code: string): string {
  const newline = code.indexOf('\n');
  return newline !== -1 && LANGUAGE_TAG.test(code.slice(0, newline)) ? code.slice(newline + 1) : code;
}

/**
 * "cmd\n```apiVersion: v1\n…TCP```" → "cmd\n```\napiVersion: v1\n…TCP\n```": the opening fence
 * ends its line (a lone yaml/json word stays as the tag it was meant to be) and the closing one
 * starts its own.
 */
export function unglueFences(text: string): string {
  const open = text.indexOf(FENCE);
  if (open === -1) return text;
  const start = open + FENCE.length;
  const close = text.indexOf(FENCE, start);
  if (close === -1) return text;
  const firstLineEnd = text.indexOf('\n', start);
  const firstLine = text.slice(start, firstLineEnd === -1 ? close : Math.min(firstLineEnd, close));
  const tagged =
    firstLineEnd !== -1 && firstLineEnd < close && (firstLine === '' || LANGUAGE_TAG.test(firstLine));
  const body = tagged ? text.slice(firstLineEnd + 1, close) : text.slice(start, close);
  const content = body === '' || body.endsWith('\n') ? body : `${body}\n`;
  return `${text.slice(0, open)}${FENCE}\n${content}${FENCE}${text.slice(close + FENCE.length)}`;
}
