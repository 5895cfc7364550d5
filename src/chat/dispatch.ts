import { randomUUID } from 'node:crypto';
import { LIMITS } from '../cluster/limits.ts';
import { withVisibility } from '../group/share.ts';
import { withGuide } from '../guide/hook.ts';
import { t } from '../i18n/catalogue.ts';
import type { Lang } from '../i18n/lang.ts';
import type { Result } from '../result.ts';
import { askAgain, commitsMissed, oneVersionDuring } from '../store/data-version.ts';
import { durably, isBusy, transact } from '../store/db.ts';
import type { SandboxKey } from '../store/sandboxes.ts';
import type { App, ChatCommand, CommandContext, CommandEvent } from './context.ts';
import { messageOf } from './message.ts';
import { type Reply, textReply } from './reply.ts';
import type { Request } from './request.ts';

/**
 * A message's way through the bot, in three steps:
 *   admit    on the platform thread: the rate limit and the size cap (cheap, never a command);
 *   execute  where a budget can stop it (a worker, or in process): parse, route, and run the
 *            command in one SQLite transaction, so a command that fails changes nothing;
 *   settle   back on the platform thread, after the commit: the events the command left
 *            (a live quiz to deliver).
 * Any exception is a bug: it is logged with an id and the member gets a short apology.
 */
export interface Executed {
  reply: Reply;
  events: CommandEvent[];
}

/**
 * The member's own choice, else their app's language (where the platform says it), else the
 * channel's default (`/lang channel`), else the bot's.
 */
export function langOf(app: App, request: Request): Lang {
  return app.members.lang(keyOf(request)) ?? request.locale ?? app.channels.lang(request) ?? app.defaultLang;
}

export const keyOf = (request: Request): SandboxKey => ({
  platform: request.platform,
  scope: request.scope,
  user: request.user,
});

/** Who a request belongs to, as one string: the rate limiter's and the executor's routing key. */
export const routingKey = (key: SandboxKey): string => `${key.platform}/${key.scope}/${key.user}`;

/** null when the request may run; otherwise the reply that refuses it. */
export function admit(app: App, request: Request): Reply | null {
  return guarded(app, request, (lang) => {
    // The console is one person at a keyboard (or a script); chat platforms are shared.
    if (request.platform !== 'console') {
      const { waitMs, costly } = app.limiter.admit(routingKey(request), app.clock());
      const seconds = Math.ceil(waitMs / 1000);
      if (waitMs > 0)
        return textReply(
          t(lang(), costly ? 'executor.costly' : 'bot.rateLimited', { seconds }),
          false,
          'private',
        );
    }
    const size = Buffer.byteLength(request.text) + Buffer.byteLength(request.stdin ?? '');
    if (size > LIMITS.messageBytes)
      return textReply(t(lang(), 'bot.tooLong', { size, limit: LIMITS.messageBytes }), false, 'private');
    return null;
  });
}

/**
 * `beforeCommit` runs as the transaction's last step: a worker uses it to check that it still may
 * commit (its budget may have run out meanwhile); throwing rolls the command back.
 */
export function execute(
  app: App,
  commands: readonly ChatCommand[],
  request: Request,
  beforeCommit: () => void = () => {},
): Executed {
  const events: CommandEvent[] = [];
  const reply = oneVersionDuring(app.db, () =>
    guarded(app, request, (lang) => {
      const reply = respond(lang);
      return withGuide(app, request, lang(), reply);
    }),
  );
  return { reply, events };

  function respond(lang: () => Lang): Reply {
    const message = messageOf(request);
    if (!message.ok) return textReply(t(lang(), 'bot.unclosedFence'), false, 'private');
    const { command, stdin } = message.value;
    const route = routeOf(command, commands);
    if (route === null) return textReply(t(lang(), 'bot.unknownMessage'), false, 'private');
    if (route.command === undefined)
      return textReply(t(lang(), 'bot.unknownCommand', { name: route.name }), false, 'private');
    const pending: CommandEvent[] = [];
    const ctx = new Context(app, request, stdin, lang, pending);
    const transaction = route.command.durable === true ? durablyIn : inTransaction;
    const committed = transaction(
      app,
      () => {
        pending.length = 0;
        const result = route.command?.run(ctx, route.args) ?? { ok: false, error: textReply('', false) };
        return result.ok ? { ok: true, value: withVisibility(app, request, ctx.lang, result.value) } : result;
      },
      beforeCommit,
    );
    // Events of a rolled-back command never happened.
    if (committed.ok) events.push(...pending);
    // A committed reply was kept in its transaction (unless no id was left there); a rolled-back
    // one is kept now.
    return withVisibility(app, request, lang(), committed.reply);
  }
}

/**
 * What a command is given. The member's language is read when first used, inside the command's
 * transaction (no read transaction of its own). A class, because a getter in an object literal
 * made per command kept the command's objects alive through young collections (V8 puts a literal
 * getter's accessor pair in the old generation, and it points at the getter's closure), so each
 * young collection carried the commands' garbage into the old generation: 1.5-6 MB a time and
 * 10-30 ms pauses under B1, none with the class.
 */
class Context implements CommandContext {
  readonly key: SandboxKey;
  constructor(
    readonly app: App,
    readonly request: Request,
    readonly stdin: string | null,
    private readonly langNow: () => Lang,
    private readonly pending: CommandEvent[],
  ) {
    this.key = keyOf(request);
  }
  get lang(): Lang {
    return this.langNow();
  }
  emit(event: CommandEvent): void {
    this.pending.push(event);
  }
}

/** The platform thread's share of a committed command. */
export function settle(app: App, events: readonly CommandEvent[]): void {
  for (const event of events) {
    if (event.kind === 'liveQuizChanged') app.quiz.runner.notify(event.session);
  }
}

/** All three steps at once, in process (tests, benches). */
export function dispatch(app: App, commands: readonly ChatCommand[], request: Request): Reply {
  const refused = admit(app, request);
  if (refused !== null) return refused;
  const done = execute(app, commands, request);
  settle(app, done.events);
  return done.reply;
}

/** Runs `step` with a lazily read language; a bug becomes a logged, apologetic reply. */
function guarded<T>(app: App, request: Request, step: (lang: () => Lang) => T): T | Reply {
  let lang: Lang | undefined;
  const langNow = () => {
    lang ??= langOf(app, request);
    return lang;
  };
  try {
    return step(langNow);
  } catch (error) {
    const id = randomUUID().slice(0, 8);
    app.log.error({ err: error, errorId: id, platform: request.platform }, 'command failed');
    let said: Lang = app.defaultLang;
    try {
      said = langNow();
    } catch {
      // The database itself failed: apologise in the bot's language.
    }
    return textReply(t(said, 'bot.apology', { id }), false, 'private');
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

/**
 * Runs a command in one transaction. Transactions start deferred, so reads (most commands) never
 * wait for another connection. A write that finds another connection (a sibling worker) writing
 * cannot wait for it without risking a deadlock, so SQLite refuses it at once; the command is then
 * run again, from the start, in a transaction that takes the write lock first and waits its turn
 * (commands are deterministic for a given `now`, so the second run decides as the first would
 * have on the newer data).
 */
function inTransaction(
  app: App,
  run: () => Result<Reply, Reply>,
  beforeCommit: () => void,
): { ok: boolean; reply: Reply } {
  let mode: 'deferred' | 'immediate' = 'deferred';
  for (let tries = 1; ; tries++) {
    try {
      return attempt(app, run, beforeCommit, mode);
    } catch (e) {
      // Run again from the start, asking SQLite for the data version afresh: the caches it read
      // were out of date (data-version.ts), or another connection committed (BUSY).
      if (tries < 3 && e === MISSED) askAgain(app.db);
      else if (mode === 'deferred' && isBusy(e)) {
        askAgain(app.db);
        mode = 'immediate';
      } else throw e;
    }
  }
}

/** A command that started on cached values its first statement found out of date. */
const MISSED = new Error('the command read caches another connection had changed; run again');

/** The same, with `synchronous = FULL` for the commit (store/db.ts). */
const durablyIn: typeof inTransaction = (app, run, beforeCommit) =>
  durably(app.db, () => inTransaction(app, run, beforeCommit));

function attempt(
  app: App,
  run: () => Result<Reply, Reply>,
  beforeCommit: () => void,
  mode: 'deferred' | 'immediate',
): { ok: boolean; reply: Reply } {
  // Replies kept for Share are written along with a transaction that writes anyway, never by a
  // read's own (store/shares.ts).
  const shares = app.group.shares;
  const since = shares.changesBefore();
  try {
    const reply = transact(
      app.db,
      () => {
        const result = run();
        if (!result.ok) throw new Rollback(result.error);
        // Sandboxes made on first use are written last, so the write lock is held only briefly.
        app.sandboxes.flush();
        shares.alongWrite(since);
        // After the last statement, before the worker claims its commit.
        if (commitsMissed(app.db)) throw MISSED;
        beforeCommit();
        return result.value;
      },
      mode,
    );
    app.sandboxes.publish();
    shares.settled(true);
    return { ok: true, reply };
  } catch (e) {
    app.sandboxes.discard();
    shares.settled(false);
    // Whatever a command that missed a commit decided (a refusal, an error) came of stale values.
    if (commitsMissed(app.db)) throw MISSED;
    if (e instanceof Rollback) return { ok: false, reply: e.reply };
    throw e;
  }
}
