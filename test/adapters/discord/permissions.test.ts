import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../src/store/settings.ts';
import { member } from './fake/payloads.ts';
import { CHANNEL_ID, GUILD_ID, isEphemeral, QUIET_CHANNEL_ID } from './fake/state.ts';
import { codeOf, expectClean, type Harness, startHarness } from './harness.ts';

/**
 * A channel where the bot may answer interactions but not post messages of its own (Send
 * Messages denied by an overwrite). A live quiz there would be announced and then never appear,
 * so it is refused up front, naming what is missing; what goes through the interaction works.
 */
let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});
const quiet = { channel: QUIET_CHANNEL_ID };
const setThreads = (on: boolean) =>
  h.app.group.settings.put(
    { platform: 'discord', scope: GUILD_ID, channel: QUIET_CHANNEL_ID },
    { ...DEFAULT_SETTINGS, threads: on },
  );

describe('a live quiz where the bot may not post', () => {
  it('GIVEN Send Messages and Attach Files denied WHEN /quiz start THEN it is refused privately, naming them, and nothing is posted', async () => {
    const alice = member('6000000000000000001', 'alice');
    const reply = await h.fake.command(alice, 'quiz start', {}, quiet).reply();
    expect(isEphemeral(reply)).toBe(true);
    expect(reply.content).toContain('I am missing Send Messages, Attach Files here');
    expect(reply.content).not.toContain('View Channel');
    await h.app.quiz.runner.idle();
    expect(
      h.fake.channelMessages().filter((m) => m.channelId === QUIET_CHANNEL_ID && m.interactionId === null),
    ).toEqual([]);
    expectClean(h.fake);
  });

  it('GIVEN quiz threads on in that channel and a member whose Discord is Korean WHEN /quiz start THEN the thread permissions are named too, in Korean', async () => {
    setThreads(true);
    const minji = { ...member('6000000000000000002', 'minji'), locale: 'ko' };
    const reply = await h.fake.command(minji, 'quiz start', {}, quiet).reply();
    expect(reply.content).toContain('메시지 보내기, 파일 첨부, 공개 스레드 만들기, 스레드에서 메시지 보내기');
    setThreads(false);
    expectClean(h.fake);
  });

  it('GIVEN the same channel WHEN /kubectl runs THEN it is answered through the interaction, which needs no permission', async () => {
    const bob = member('6000000000000000003', 'bob');
    const reply = await h.fake.command(bob, 'kubectl', { command: 'get ns default' }, quiet).reply();
    expect(codeOf(reply.content)).toMatch(/^NAME +STATUS +AGE\ndefault +Active/);
    expectClean(h.fake);
  });

  it('GIVEN the same channel WHEN the /apply modal is submitted there THEN the member is told the result through the interaction', async () => {
    const cho = member('6000000000000000004', 'cho');
    const modal = await h.fake.command(cho, 'apply', {}, quiet).modal();
    const box = (modal.components as { component: { custom_id: string } }[])[0]?.component.custom_id ?? '';
    const manifest =
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: quiet-pod\nspec:\n  containers:\n  - name: main\n    image: nginx\n';
    const submitted = h.fake.submitModal(cho, modal, { [box]: manifest }, quiet);
    expect(submitted.record.payload.channel_id).toBe(QUIET_CHANNEL_ID);
    const reply = await submitted.answer();
    expect(codeOf(reply.content)).toBe('pod/quiet-pod created');
    expectClean(h.fake);
  });
});

describe('a live quiz whose channel starts refusing its messages', () => {
  it('GIVEN a running quiz WHEN the channel begins to answer 403 50013 THEN its host is told once, by direct message, and the quiz still ends', async () => {
    const host = member('6000000000000000009', 'hana');
    const started = await h.fake.command(host, 'quiz start', { count: 2 }).reply();
    expect(started.content).not.toContain('missing');
    await h.app.quiz.runner.idle();
    h.fake.state.closedChannels.add(CHANNEL_ID);
    for (let i = 0; i < 20 && h.timers.fireNext(); i++) await h.app.quiz.runner.idle();
    const refused = h.fake.state.rejections.splice(0);
    expect(refused.length).toBeGreaterThan(1);
    for (const r of refused) expect(r).toMatchObject({ status: 403, body: { code: 50013 } });
    const [dm, ...others] = [...h.fake.state.dms].filter(([, user]) => user === host.id);
    expect(others).toEqual([]);
    const told = [...h.fake.state.messages.values()].filter((m) => m.channelId === dm?.[0]);
    expect(told).toHaveLength(1);
    expect(told[0]?.content).toMatch(
      /^Your live quiz “.+” could not post in its channel \(Missing Permissions\)/,
    );
    h.fake.state.closedChannels.delete(CHANNEL_ID);
    expectClean(h.fake);
  });
});

describe('Discord rate limits, with the REST policy Podium ships (DISCORD_REST)', () => {
  it('GIVEN the channel is throttled for half a second WHEN a live quiz posts THEN discord.js waits and the question arrives', async () => {
    h.fake.state.throttled.set(CHANNEL_ID, { times: 1, retryAfter: 0.5 });
    const before = h.fake.channelMessages().filter((m) => m.interactionId === null).length;
    await h.fake.command(member('6000000000000000021', 'rin'), 'quiz start', { count: 1 }).reply();
    await h.app.quiz.runner.idle();
    expect(h.fake.channelMessages().filter((m) => m.interactionId === null).length).toBe(before + 1);
    expect(h.fake.state.rejections.splice(0).map((r) => r.status)).toEqual([429]);
    await h.fake.command(member('6000000000000000021', 'rin'), 'quiz stop').reply();
    await h.app.quiz.runner.idle();
    expectClean(h.fake);
  });

  it('GIVEN Discord asks for a wait of a minute WHEN a live quiz posts THEN the post fails at once (no minute-long stall) and the host is told', async () => {
    const host = member('6000000000000000022', 'sora');
    h.fake.state.throttled.set(CHANNEL_ID, { times: 1, retryAfter: 60 });
    await h.fake.command(host, 'quiz start', { count: 1 }).reply();
    await h.app.quiz.runner.idle();
    expect(h.fake.state.rejections.splice(0).map((r) => r.status)).toEqual([429]);
    const dm = [...h.fake.state.dms].find(([, user]) => user === host.id)?.[0];
    const told = [...h.fake.state.messages.values()].filter((m) => m.channelId === dm);
    expect(told).toHaveLength(1);
    expect(told[0]?.content).toContain('could not post in its channel');
    h.fake.state.throttled.delete(CHANNEL_ID);
    await h.fake.command(host, 'quiz stop').reply();
    await h.app.quiz.runner.idle();
    expectClean(h.fake);
  });
});
