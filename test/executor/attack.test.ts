import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDiscord } from '../../src/adapters/discord/bot.ts';
import { startSlack } from '../../src/adapters/slack/slack.ts';
import { type WorkerPool, workerPool } from '../../src/executor/pool.ts';
import { type FakeDiscord, startFakeDiscord } from '../adapters/discord/fake/discord.ts';
import { member } from '../adapters/discord/fake/payloads.ts';
import { TOKEN } from '../adapters/discord/fake/state.ts';
import { expectClean } from '../adapters/discord/harness.ts';
import { type FakeSlack, startFakeSlack } from '../adapters/slack/fake/fake-slack.ts';
import {
  appMention,
  form,
  postSigned,
  SIGNING_SECRET,
  slashCommand,
} from '../adapters/slack/fake/payloads.ts';
import type { Posted } from '../adapters/slack/fake/state.ts';
import { guardNetwork, type NetGuard } from '../adapters/slack/net-guard.ts';
import { type TestApp, testApp } from '../helpers/app.ts';
import { tempDbPath } from '../helpers/console.ts';

/**
 * Acceptance 2 of issue 16: while one member sends commands that bust the budget, a second
 * member's `kubectl get po` through the real Bolt HTTP receiver and through discord.js, both
 * against the local fakes, is answered, and every interaction is acknowledged in time (the
 * Discord fake rejects an interaction not acknowledged within 3 s; Bolt answers 404 to an
 * un-acked HTTP request). The attack is a test-only command (`/spin`, see costly-worker.ts),
 * injected through the pool's worker entry.
 */
const CHANNEL = 'C0STUDY';
const MALLORY = { id: 'U0MALLORY', name: 'mallory' };
const BOB = { id: 'U0BOB', name: 'bob' };
const DISCORD_BOB = member('3000000000000000077', 'bob');
const NO_IDENTIFY_THROTTLE = { buildIdentifyThrottler: () => ({ waitForIdentify: async () => {} }) };

let t: TestApp;
let pool: WorkerPool;
let slackFake: FakeSlack;
let discordFake: FakeDiscord;
let guard: NetGuard;
let eventsUrl: string;
const stops: (() => Promise<void>)[] = [];

beforeAll(async () => {
  guard = guardNetwork();
  const dbPath = tempDbPath('podium-attack-');
  t = testApp(dbPath);
  pool = workerPool(t.app, {
    dbPath,
    workers: 2,
    timeBudgetMs: 1500,
    entry: new URL('./costly-worker.ts', import.meta.url),
  });
  slackFake = await startFakeSlack();
  const slack = await startSlack(t.app, {
    botToken: slackFake.state.botToken,
    signingSecret: SIGNING_SECRET,
    apiUrl: slackFake.apiUrl,
    port: 0,
    host: '127.0.0.1',
    retries: 0,
    executor: pool,
  });
  eventsUrl = `http://127.0.0.1:${slack.port ?? 0}/slack/events`;
  discordFake = await startFakeDiscord();
  const discord = await startDiscord(t.app, {
    token: TOKEN,
    api: discordFake.restUrl,
    restRetries: 0,
    restTimeout: 2000,
    waitGuildTimeout: 500,
    ws: NO_IDENTIFY_THROTTLE,
    executor: pool,
  });
  stops.push(slack.stop, discord.stop, slackFake.close, discordFake.close, pool.close);
  await pool.ready();
}, 120_000);

afterAll(async () => {
  for (const stop of stops) await stop();
  guard.stop();
});

const mention = (who: typeof MALLORY, text: string) =>
  postSigned(eventsUrl, JSON.stringify(appMention(slackFake, who, CHANNEL, text)), {
    contentType: 'application/json',
  });
const isFor = (who: typeof MALLORY) => (p: Posted) => p.user === who.id;

describe('a member attacking the budget', () => {
  it('GIVEN mallory sending budget-busting commands WHEN bob runs kubectl get po on Slack and Discord meanwhile THEN bob is answered every time and every interaction is acknowledged in time', async () => {
    const attacks = await Promise.all([1, 2, 3].map(() => mention(MALLORY, '/spin get po')));
    expect(attacks.map((a) => a.status)).toEqual([200, 200, 200]);
    const stopped = () =>
      slackFake.state.posts.filter((p) => isFor(MALLORY)(p) && /too expensive/.test(p.text));
    const refused = () =>
      slackFake.state.posts.filter(
        (p) => isFor(MALLORY)(p) && /recent commands were very expensive/.test(p.text),
      );

    for (let i = 0; i < 5; i++) {
      const since = slackFake.state.posts.length;
      const ack = await postSigned(
        eventsUrl,
        form(slashCommand(slackFake, BOB, CHANNEL, '/kubectl', 'get po')),
      );
      expect(ack.status).toBe(200);
      // Only bob uses a slash command (with its response_url); mallory mentions the bot.
      const answer = await slackFake.waitFor((p) => p.via === 'response_url', since, 10_000);
      expect(answer.text).toContain('No resources found in default namespace.');

      const handle = discordFake.command(DISCORD_BOB, 'kubectl', { command: 'get po' });
      const seen = await handle.answer();
      expect(seen.content).toContain('No resources found in default namespace.');
    }

    // The first attack was stopped and said so, in words, to mallory alone; the two queued behind
    // it were refused by the rate limit, which charged mallory for it (slowed first).
    await slackFake.waitFor(() => refused().length === 2 && stopped().length === 1, 0, 60_000);
    expect(stopped()).toHaveLength(1);
    for (const post of [...stopped(), ...refused()]) expect(post.ephemeral).toBe(true);
    expect(stopped()[0]?.text).toMatch(/was stopped\. Nothing was changed\./);
    // And so is the next one.
    const since = slackFake.state.posts.length;
    await mention(MALLORY, '/spin get po');
    const slowed = await slackFake.waitFor(isFor(MALLORY), since, 10_000);
    expect(slowed.text).toMatch(/Your recent commands were very expensive/);

    expect(discordFake.state.interactions.size).toBe(5);
    expectClean(discordFake);
    expect(guard.outside()).toEqual([]);
  });
});
