import type { Writable } from 'node:stream';
import type { MessageRef, Outbox } from '../../chat/outbox.ts';
import { type Reply, replyText } from '../../chat/reply.ts';
import type { WrittenFile } from './files.ts';

/**
 * The console's Outbox: what a live quiz posts (questions, reveals, the podium) is printed as it
 * happens, by "podium". With `--json` a post is one line shaped like a reply's
 * (`{"user":"podium","input":"","ok":true,"text":…,"choices":[…]}`) and an edit (a question
 * closing) is the same with `"edited":true`; without it, the text under a `[podium]` header.
 */
export function consoleOutbox(output: Writable, json: boolean): Outbox {
  let serial = 0;
  const print = (reply: Reply, edited: boolean) => {
    if (json) output.write(`${jsonLine('podium', '', reply, edited)}\n`);
    // In a terminal an edit (a question closing) shows only what changed: its last line.
    else if (edited) output.write(`[podium] ${replyText(reply).split('\n').at(-1) ?? ''}\n`);
    else output.write(`\n[podium]\n${replyText(reply)}${buttons(reply)}\n\n`);
  };
  return {
    async post(channel, reply): Promise<MessageRef> {
      serial += 1;
      print(reply, false);
      return { ...channel, id: String(serial) };
    },
    async edit(_message, reply) {
      print(reply, true);
    },
  };
}

/** One JSON line: the reply as plain text and its buttons, each with the text a click sends. */
export function jsonLine(
  user: string,
  input: string,
  reply: Reply,
  edited = false,
  files: readonly WrittenFile[] = [],
): string {
  return JSON.stringify({
    user,
    input,
    ok: reply.ok,
    text: replyText(reply),
    // A revealed question's buttons can no longer be clicked: none to list.
    choices:
      reply.choicesClosed === true
        ? []
        : reply.choices.map((c) => ({ id: c.id, label: c.label, action: c.action })),
    ...(edited ? { edited: true } : {}),
    ...(files.length > 0 ? { files } : {}),
  });
}

/** In a terminal there are no buttons: say what to type instead. */
function buttons(reply: Reply): string {
  if (reply.choices.length === 0 || reply.choicesClosed === true) return '';
  return `\n${reply.choices.map((c) => `  [${c.id}] ${c.action}`).join('\n')}`;
}
