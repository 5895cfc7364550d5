import { Writable } from 'node:stream';
import { expect } from 'vitest';
import { CHAT_COMMANDS } from '../../../commands/index.ts';
import { type DiscordBot, startDiscord } from '../../../src/adapters/discord/bot.ts';
import { createApp } from '../../../src/app.ts';
import type { App } from '../../../src/chat/context.ts';
import { dispatch } from '../../../src/chat/dispatch.ts';
import { replyText } from '../../../src/chat/reply.ts';
import { createLogger } from '../../../src/log.ts';
import type { Bank } from '../../../src/quiz/banks.ts';
import type { Timers } from '../../../src/quiz/live-runner.ts';
import { T0 } from '../../helpers/app.ts';
import { type FakeDiscord, type FakeDiscordOptions, startFakeDiscord } from './fake/discord.ts';
import { pings } from './fake/limits.ts';
import type { FakeUser } from './fake/payloads.ts';
import { CHANNEL_ID, GUILD_ID, TOKEN } from './fake/state.ts';

/**
 * The real discord.js bot, logged in to the fake, on an app with an in-memory database, a fixed
 * clock (2025-01-15T10:00:00Z) and live-quiz timers that fire only when a test says so.
 */
export interface Harness {
  fake: FakeDiscord;
  bot: DiscordBot;
  app: App;
  clock: { now: number };
  logs: string[];
  timers: ManualTimers;
  /** What dispatch answers `text` from `user`'s Discord sandbox, as plain text (to compare with). */
  say(user: FakeUser, text: string): string;
  close(): Promise<void>;
}

/** discord.js waits 5 s between IDENTIFYs, as Discord requires; the fake does not, so tests need not. */
const NO_IDENTIFY_THROTTLE = { buildIdentifyThrottler: () => ({ waitForIdentify: async () => {} }) };

export async function startHarness(
  options: FakeDiscordOptions & { banks?: readonly Bank[]; guide?: boolean } = {},
): Promise<Harness> {
  const { banks: _banks, guide: _guide, ...fakeOptions } = options;
  const fake = await startFakeDiscord(fakeOptions);
  const clock = { now: T0 };
  // The fake's lifetimes (an interaction token's 15 minutes) run on the app's clock.
  fake.state.clock = () => clock.now;
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      logs.push(String(chunk));
      done();
    },
  });
  const timers = manualTimers(clock);
  const created = createApp({
    dbPath: ':memory:',
    log: createLogger('info', sink),
    clock: () => clock.now,
    defaultLang: 'en',
    // Guide lines only where a test asks for the member's whole view (the walkthrough).
    guide: options.guide ?? false,
    timers,
    ...(options.banks === undefined ? {} : { banks: options.banks }),
  });
  if (!created.ok) throw new Error(created.error);
  const app = created.value;
  const bot = await startDiscord(app, {
    token: TOKEN,
    api: fake.restUrl,
    // The REST policy the product ships (DISCORD_REST): three tries, rate-limit waits bounded.
    waitGuildTimeout: 500,
    ws: NO_IDENTIFY_THROTTLE,
  });
  return {
    fake,
    bot,
    app,
    clock,
    logs,
    timers,
    say: (user, text) =>
      replyText(
        dispatch(app, CHAT_COMMANDS, {
          platform: 'discord',
          scope: GUILD_ID,
          channel: CHANNEL_ID,
          user: user.id,
          text,
          attachments: [],
        }),
      ),
    close: async () => {
      app.quiz.runner.shutdown();
      await bot.stop();
      await fake.close();
      app.db.close();
    },
  };
}

export interface ManualTimers extends Timers {
  /** Moves the clock to the earliest timer and runs it; false when none is set. */
  fireNext(): boolean;
}

function manualTimers(clock: { now: number }): ManualTimers {
  const pending = new Set<{ at: number; run: () => void }>();
  return {
    set(run, ms) {
      const timer = { at: clock.now + ms, run };
      pending.add(timer);
      return timer;
    },
    clear(handle) {
      pending.delete(handle as { at: number; run: () => void });
    },
    fireNext() {
      const [next] = [...pending].sort((a, b) => a.at - b.at);
      if (next === undefined) return false;
      pending.delete(next);
      clock.now = Math.max(clock.now, next.at);
      next.run();
      return true;
    },
  };
}

/** Nothing Discord would refuse, and no message that could ping anyone. */
export function expectClean(fake: FakeDiscord): void {
  expect(fake.state.rejections).toEqual([]);
  for (const write of fake.state.writes) {
    expect(write.body.allowed_mentions, write.path).toEqual({ parse: [] });
    expect(pings(write.body), write.path).toEqual([]);
  }
}

/** The text inside the code fences of a message (or its pieces), fences removed. */
export function codeOf(...contents: string[]): string {
  return contents
    .map((c) => {
      const match = /^```\n([\s\S]*)\n```$/.exec(c);
      if (match === null) throw new Error(`not exactly one code block:\n${c}`);
      return match[1] ?? '';
    })
    .join('\n');
}
