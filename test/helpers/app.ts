import { Writable } from 'node:stream';
import { CHAT_COMMANDS } from '../../commands/index.ts';
import { createApp } from '../../src/app.ts';
import type { App } from '../../src/chat/context.ts';
import { dispatch } from '../../src/chat/dispatch.ts';
import { type Reply, replyText } from '../../src/chat/reply.ts';
import type { Platform } from '../../src/chat/request.ts';
import { createLogger } from '../../src/log.ts';

/** 2025-01-15T10:00:00Z: the fixed "now" of every test sandbox. */
export const T0 = Date.UTC(2025, 0, 15, 10, 0, 0);

export interface TestApp {
  app: App;
  clock: { now: number };
  logs: string[];
  /** Sends a message as `user` and returns the reply. */
  send(user: string, text: string, platform?: Platform): Reply;
  /** Same, returning the reply's plain text. */
  say(user: string, text: string): string;
  advance(ms: number): void;
}

/**
 * A bot on a fixed clock. Guide lines are off unless `guide` says otherwise: tests of kubectl's
 * output see kubectl's output; the guide's own tests and the golden transcripts turn them on.
 */
export function testApp(
  dbPath = ':memory:',
  moderators: readonly string[] = [],
  options: { guide?: boolean } = {},
): TestApp {
  const clock = { now: T0 };
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      logs.push(String(chunk));
      done();
    },
  });
  const created = createApp({
    dbPath,
    log: createLogger('info', sink),
    clock: () => clock.now,
    defaultLang: 'en',
    guide: options.guide ?? false,
  });
  if (!created.ok) throw new Error(created.error);
  const app = created.value;
  const send = (user: string, text: string, platform: Platform = 'console') =>
    dispatch(app, CHAT_COMMANDS, {
      platform,
      scope: 'test',
      channel: 'general',
      user,
      userName: user,
      username: user,
      role: moderators.includes(user) ? 'moderator' : 'member',
      text,
      attachments: [],
    });
  return {
    app,
    clock,
    logs,
    send,
    say: (user, text) => replyText(send(user, text)),
    advance: (ms) => {
      clock.now += ms;
    },
  };
}
