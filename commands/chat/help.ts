import type { ChatCommand } from '../../src/chat/context.ts';
import { textReply } from '../../src/chat/reply.ts';
import { type MessageKey, t } from '../../src/i18n/catalogue.ts';
import { ok } from '../../src/result.ts';

const LINES: MessageKey[] = [
  'help.kubectl',
  'help.curl',
  'help.quiz',
  'help.lab',
  'help.file',
  'help.sandbox',
  'help.lang',
  'help.settings',
  'help.progress',
  'help.help',
];

export const help: ChatCommand = {
  name: 'help',
  run(ctx) {
    const text = [t(ctx.lang, 'help.title'), '', ...LINES.map((key) => `• ${t(ctx.lang, key)}`)].join('\n');
    return ok(textReply(text, true, 'private'));
  },
};
