import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CHAT_COMMANDS } from '../../../commands/index.ts';
import { dispatch } from '../../../src/chat/dispatch.ts';
import { replyText } from '../../../src/chat/reply.ts';
import { member } from './fake/payloads.ts';
import { MAIN_GUILD, SECOND_GUILD } from './fake/state.ts';
import { codeOf, expectClean, type Harness, startHarness } from './harness.ts';

/**
 * Sharding readiness: the fake Discord recommends 2 shards (`GET /gateway/bot`), serves two
 * servers, one on each shard (`(guild_id >> 22) % 2`: MAIN_GUILD on 1, SECOND_GUILD on 0), and
 * sends each server's interactions only on its shard's connection. The one bot process, with
 * `shards: 'auto'`, runs both shards and answers both servers from its one database.
 */
let h: Harness;
beforeAll(async () => {
  h = await startHarness({ shards: 2, guilds: [MAIN_GUILD, SECOND_GUILD] });
});
afterEach(() => {
  expectClean(h.fake);
});
afterAll(async () => {
  await h?.close();
});

describe('Discord with two shards in one process', () => {
  it('GIVEN Discord recommends 2 shards WHEN the bot logs in THEN it identifies as [0, 2] and [1, 2] and each server is on its own shard', () => {
    expect([...h.fake.gateway.stats.shards].sort()).toEqual([
      [0, 2],
      [1, 2],
    ]);
    expect(h.bot.client.ws.shards.size).toBe(2);
    expect(h.bot.client.guilds.cache.get(MAIN_GUILD.id)?.shardId).toBe(1);
    expect(h.bot.client.guilds.cache.get(SECOND_GUILD.id)?.shardId).toBe(0);
  });

  it('GIVEN one member in both servers WHEN they run kubectl in each THEN both shards answer, and each server keeps its own sandbox in the one database', async () => {
    const ana = member('300000000000000970', 'ana');
    const second = { guild: SECOND_GUILD };
    const before = h.fake.gateway.stats.dispatches.length;
    await h.fake.command(ana, 'kubectl', { command: 'run web-main --image=nginx' }).reply();
    await h.fake.command(ana, 'kubectl', { command: 'run web-second --image=nginx' }, second).reply();
    const main = await h.fake.command(ana, 'kubectl', { command: 'get po -o name' }).reply();
    const other = await h.fake.command(ana, 'kubectl', { command: 'get po -o name' }, second).reply();
    expect(codeOf(main.content)).toBe('pod/web-main');
    expect(codeOf(other.content)).toBe('pod/web-second');
    // Each interaction reached the bot on its own server's shard.
    const carried = h.fake.gateway.stats.dispatches
      .slice(before)
      .filter((d) => d.t === 'INTERACTION_CREATE')
      .map((d) => d.shard);
    expect(carried).toEqual([1, 0, 1, 0]);
    // Both servers' sandboxes are in the app's one database, keyed by server.
    const get = (scope: string, channel: string) =>
      replyText(
        dispatch(h.app, CHAT_COMMANDS, {
          platform: 'discord',
          scope,
          channel,
          user: ana.id,
          text: 'kubectl get po -o name',
          attachments: [],
        }),
      );
    expect(get(MAIN_GUILD.id, MAIN_GUILD.channel)).toBe('pod/web-main');
    expect(get(SECOND_GUILD.id, SECOND_GUILD.channel)).toBe('pod/web-second');
  });
});
