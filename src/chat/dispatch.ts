import { randomUUID } from 'node:crypto';
import { LIMITS } from '../cluster/limits.ts';
import { t } from '../i18n/catalogue.ts';
import type { Result } from '../result.ts';
import type { App, ChatCommand, CommandContext } from './context.ts';
import { parseMessage } from './message.ts';
import { type Reply, textReply } from './reply.ts';
import type { Request } from './request.ts';

/**
 * The one entry point of every chat surface. It routes the message to its command and runs it in
 * one SQLite transaction: a command that fails rolls everything back, so bad input changes
 * nothing. Any exception is a bug: it is logged with an id and the member gets a short apology.
 */
export function dispatch(app: App, commands: readonly ChatCommand[], request: Request): Reply {
  const key = { platform: request.platform, scope: request.scope, user: request.user };
  let lang = app.defaultLang;
  try {
    // The member's own choice, else the channel's default (`/lang channel`), else the bot's.
    lang = app.members.lang(key) ?? app.channels.lang(request) ?? app.defaultLang;
    // The console is one person at a keyboard (or a script); chat platforms are shared.
    if (request.platform !== 'console') {
      const waitMs = app.limiter.take(`${request.platform}/${request.scope}/${request.user}`, app.clock());
      if (waitMs > 0)
        return textReply(t(lang, 'bot.rateLimited', { seconds: Math.ceil(waitMs / 1000) }), false, 'private');
    }
    const size = Buffer.byteLength(request.text);
    if (size > LIMITS.messageBytes) {
      return textReply(t(lang, 'bot.tooLong', { size, limit: LIMITS.messageBytes }), false, 'private');
    }
    const message = parseMessage(request.text);
    if (!message.ok) return textReply(t(lang, 'bot.unclosedFence'), false, 'private');
    const { command, stdin } = message.value;
    const route = routeOf(command, commands);
    if (route === null) return textReply(t(lang, 'bot.unknownMessage'), false, 'private');
    if (route.command === undefined)
      return textReply(t(lang, 'bot.unknownCommand', { name: route.name }), false, 'private');
    const ctx: CommandContext = { app, request, key, lang, stdin };
    return inTransaction(
      app,
      () => route.command?.run(ctx, route.args) ?? { ok: false, error: textReply('', false) },
    );
  } catch (error) {
    const id = randomUUID().slice(0, 8);
    app.log.error({ err: error, errorId: id, platform: request.platform }, 'command failed');
    return textReply(t(lang, 'bot.apology', { id }), false, 'private');
  }
}

type Route = { name: string; command: ChatCommand | undefined; args: string };

function routeOf(line: string, commands: readonly ChatCommand[]): Route | null {
  // `k` is everyone's shell alias for kubectl; only with arguments, so a bare "k" (okay) is chat.
  const kubectl = /^kubectl(?:\s+|$)(.*)$/s.exec(line) ?? /^k\s+(\S.*)$/s.exec(line);
  if (kubectl !== null)
    return { name: 'kubectl', command: commands.find((c) => c.name === 'kubectl'), args: kubectl[1] ?? '' };
  // curl and wget run on the member's own computer (commands/chat/curl.ts).
  const client = /^(curl|wget)(?:\s+|$)(.*)$/s.exec(line);
  if (client !== null) {
    const name = client[1] ?? '';
    return { name, command: commands.find((c) => c.name === name), args: client[2] ?? '' };
  }
  const slash = /^\/([\w-]+)(?:\s+|$)(.*)$/s.exec(line);
  if (slash === null) return null;
  const name = (slash[1] ?? '').toLowerCase();
  return { name, command: commands.find((c) => c.name === name), args: slash[2] ?? '' };
}

class Rollback {
  constructor(readonly reply: Reply) {}
}

function inTransaction(app: App, run: () => Result<Reply, Reply>): Reply {
  try {
    const reply = app.db.transaction(() => {
      const result = run();
      if (!result.ok) throw new Rollback(result.error);
      return result.value;
    })();
    app.sandboxes.publish();
    return reply;
  } catch (e) {
    app.sandboxes.discard();
    if (e instanceof Rollback) return e.reply;
    throw e;
  }
}
