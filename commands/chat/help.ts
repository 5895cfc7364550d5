import type { ChatCommand } from '../../src/chat/context.ts';
import { textReply } from '../../src/chat/reply.ts';
import type { Platform } from '../../src/chat/request.ts';
import { catalogue, type MessageKey, t } from '../../src/i18n/catalogue.ts';
import { ok } from '../../src/result.ts';

const LINES: MessageKey[] = [
  'help.kubectl',
  'help.curl',
  'help.quiz',
  'help.lab',
  'help.file',
  'help.sandbox',
  'help.lang',
  'help.guide',
  'help.settings',
  'help.progress',
  'help.help',
];

/** A line as the member's platform types it (`help.curl.discord`), where it differs. */
export function onPlatform(key: MessageKey, platform: Platform): MessageKey {
  const own = `${key}.${platform}`;
  return own in catalogue ? (own as MessageKey) : key;
}

export const help: ChatCommand = {
  name: 'help',
  run(ctx) {
    const lines = LINES.map((key) => `• ${t(ctx.lang, onPlatform(key, ctx.request.platform))}`);
    const text = [t(ctx.lang, 'help.title'), '', ...lines].join('\n');
    return ok(textReply(text, true, 'private'));
  },
};
