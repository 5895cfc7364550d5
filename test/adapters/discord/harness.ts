import { expect } from 'vitest';
import { CHAT_COMMANDS } from '../../../commands/index.ts';
import { type DiscordBot, startDiscord } from '../../../src/adapters/discord/bot.ts';
import { dispatch } from '../../../src/chat/dispatch.ts';
import { replyText } from '../../../src/chat/reply.ts';
import { type TestApp, testApp } from '../../helpers/app.ts';
import { type FakeDiscord, startFakeDiscord } from './fake/discord.ts';
import { pings } from './fake/limits.ts';
import type { FakeUser } from './fake/payloads.ts';
import { CHANNEL_ID, GUILD_ID, TOKEN } from './fake/state.ts';

/** The real discord.js bot on a test app (fixed clock, in-memory SQLite), logged in to the fake. */
export interface Harness {
  fake: FakeDiscord;
  bot: DiscordBot;
  t: TestApp;
  /** What dispatch answers `text` from `user`'s Discord sandbox, as plain text (to compare with). */
  say(user: FakeUser, text: string): string;
  close(): Promise<void>;
}

/** discord.js waits 5 s between IDENTIFYs, as Discord requires; the fake does not, so tests need not. */
const NO_IDENTIFY_THROTTLE = { buildIdentifyThrottler: () => ({ waitForIdentify: async () => {} }) };

export async function startHarness(options: { heartbeatInterval?: number } = {}): Promise<Harness> {
  const fake = await startFakeDiscord(options);
  const t = testApp();
  const bot = await startDiscord(t.app, {
    token: TOKEN,
    api: fake.restUrl,
    restRetries: 0,
    restTimeout: 2000,
    waitGuildTimeout: 500,
    ws: NO_IDENTIFY_THROTTLE,
  });
  return {
    fake,
    bot,
    t,
    say: (user, text) =>
      replyText(
        dispatch(t.app, CHAT_COMMANDS, {
          platform: 'discord',
          scope: GUILD_ID,
          channel: CHANNEL_ID,
          user: user.id,
          text,
          attachments: [],
        }),
      ),
    close: async () => {
      await bot.stop();
      await fake.close();
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
