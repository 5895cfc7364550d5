import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { GROUP_BANK as BANK } from '../group-bank.ts';
import type { FakeDiscord } from './fake/discord.ts';
import { EPHEMERAL } from './fake/limits.ts';
import { type FakeUser, member, PLAIN_MEMBER } from './fake/payloads.ts';
import type { StoredMessage } from './fake/state.ts';
import { expectClean, type Harness, startHarness } from './harness.ts';

/**
 * The study group on Discord, end to end through discord.js against the fake: a private kubectl
 * reply whose Share button reposts it in the channel, and a fair live quiz (a lobby with a Join
 * button, a member who arrives at question 2, partial credit on a multi-select, the reveal naming
 * the most-picked wrong option's misconception, a member who is not the host refused /quiz stop,
 * and the podium's Practise these button). One bank of two known questions keeps it exact.
 */

let h: Harness;
let fake: FakeDiscord;
const alice = member('5100000000000000001', 'alice');
const bob = member('5100000000000000002', 'bob', PLAIN_MEMBER);
const carol = member('5100000000000000003', 'carol', PLAIN_MEMBER);

beforeAll(async () => {
  h = await startHarness({ banks: [BANK] });
  fake = h.fake;
});
afterEach(() => {
  expectClean(fake);
});
afterAll(async () => {
  await h?.close();
});

type Component = {
  type?: number;
  custom_id?: string;
  label?: string;
  disabled?: boolean;
  style?: number;
  options?: { value: string; label: string }[];
};
const components = (message: StoredMessage): Component[] =>
  (message.components as { components: Component[] }[]).flatMap((row) => row.components);
const button = (message: StoredMessage, label: string): string => {
  const found = components(message).find((c) => c.label?.startsWith(label));
  if (found?.custom_id === undefined) throw new Error(`no ${label} in ${JSON.stringify(message.components)}`);
  return found.custom_id;
};
const posts = () => fake.channelMessages().filter((m) => m.interactionId === null);
const newPost = (after: number) =>
  fake
    .waitFor(() => posts()[after])
    .catch((e) => {
      throw new Error(
        `${e}\nposts: ${JSON.stringify(posts().map((p) => p.content))}\nall: ${JSON.stringify(fake.channelMessages().map((p) => p.content))}`,
      );
    });
async function click(user: FakeUser, message: StoredMessage, label: string): Promise<StoredMessage> {
  return fake.click(user, message, button(message, label)).reply();
}
/** Picks `letters` in a question's select menu, then presses its Submit button. */
async function pick(user: FakeUser, question: StoredMessage, letters: string[]): Promise<StoredMessage> {
  const [menu] = components(question);
  const values = (menu?.options ?? []).filter((o) => letters.some((l) => o.label.startsWith(`${l}.`)));
  const select = fake.select(
    user,
    question,
    menu?.custom_id ?? '',
    values.map((v) => v.value),
  );
  await fake.waitFor(() => select.record.callbacks.length > 0);
  return click(user, question, 'Submit');
}

/** Fires the quiz timers, earliest first, until `done` (a few at most). */
async function timeUntil(done: () => boolean): Promise<void> {
  for (let i = 0; i < 5 && !done(); i++) {
    await h.app.quiz.runner.idle();
    if (!h.timers.fireNext()) break;
    await h.app.quiz.runner.idle();
  }
  await fake.waitFor(done);
}

/** The right answer to whichever of the bank's two questions `question` is. */
const answerRight = (user: FakeUser, question: StoredMessage) =>
  question.content.includes('Where do labels go?')
    ? click(user, question, 'B')
    : pick(user, question, ['A', 'B']);
const RIGHT = /✅ (B ▇ 1|A ▇ 1)/;

describe('the study group on Discord', () => {
  it('GIVEN a kubectl reply WHEN it arrives THEN it is private with a Share button, and Share posts it in the channel under the member’s name', async () => {
    const reply = await fake.command(bob, 'kubectl', { command: 'run web --image=nginx' }).reply();
    expect(reply.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(reply.content).toContain('pod/web created');
    const before = fake.channelMessages().filter((m) => (m.flags & EPHEMERAL) === 0).length;
    await fake.click(bob, reply, button(reply, 'Share')).reply();
    const shared = await fake.waitFor(() => {
      const visible = fake.channelMessages().filter((m) => (m.flags & EPHEMERAL) === 0);
      return visible.length > before ? visible.at(-1) : null;
    });
    expect(shared.content).toMatch(/^bob shared:/);
    expect(shared.content).toContain('pod/web created');
  });

  it('GIVEN bob shares his sandbox WHEN alice looks with --context=bob THEN she reads it, may not change it, and may not read carol’s unshared one', async () => {
    const unshared = await fake.command(alice, 'kubectl', { command: '--context=bob get po' }).reply();
    expect(unshared.content).toContain('context was not found for specified context: bob');
    const on = await fake.command(bob, 'sandbox share', { state: 'on' }).reply();
    expect(on.flags & EPHEMERAL).toBe(EPHEMERAL);
    const look = await fake.command(alice, 'kubectl', { command: 'get po --context=bob' }).reply();
    expect(look.content).toMatch(/NAME\s+READY\s+STATUS[\s\S]*\nweb\s/);
    const write = await fake.command(alice, 'kubectl', { command: '--context=bob delete po web' }).reply();
    expect(write.content).toMatch(/^You can only look at bob’s sandbox/);
    expect(h.say(bob, 'kubectl get po')).toMatch(/\nweb\s/);
    const carols = await fake.command(alice, 'kubectl', { command: '--context=carol get po' }).reply();
    expect(carols.content).toContain('context was not found for specified context: carol');
    const who = await fake.command(bob, 'sandbox share').reply();
    expect(who.content).toContain('alice');
  });

  it('GIVEN a lobby WHEN bob joins, carol arrives at question 2 and picks part of the key THEN she scores partly, the reveal names the misconception, bob may not stop it and Practise these practises the missed questions', async () => {
    const set = await fake.command(alice, 'settings', { name: 'lobby', value: '30' }).reply();
    expect(set.content).toContain('30');
    // A member without Manage Messages may not change the channel's settings.
    const refused = await fake.command(bob, 'settings', { name: 'lobby', value: '0' }).reply();
    expect(refused.flags & EPHEMERAL).toBe(EPHEMERAL);

    const before = posts().length;
    await fake.command(alice, 'quiz start', { topic: 'group', count: 2, seconds: 20 }).reply();
    const lobby = await newPost(before);
    expect(lobby.content).toMatch(/Join/);
    const joined = await click(bob, lobby, 'Join');
    expect(joined.flags & EPHEMERAL).toBe(EPHEMERAL);

    // The lobby's countdown ends: question 1 (only alice and bob are playing).
    await h.app.quiz.runner.idle();
    expect(h.timers.fireNext()).toBe(true);
    await h.app.quiz.runner.idle();
    const q1 = await newPost(before + 1);
    expect(q1.content).toContain('Where do labels go?');

    // bob is not the host and has no Manage Messages: /quiz stop is refused, politely and privately.
    const stop = await fake.command(bob, 'quiz stop').reply();
    expect(stop.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(stop.content).toBe('Only alice, who started this quiz, can do that.');

    h.clock.now += 1_000;
    await click(alice, q1, 'B');
    await click(bob, q1, 'A');
    // Everyone playing has answered: question 1 closes without waiting out its timer.
    await h.app.quiz.runner.idle();
    await fake.waitFor(() => q1.edits >= 2);
    expect(q1.content).toContain('Most picked wrong answer: A');
    expect(q1.content).toContain('You may be assuming spec.');
    // The reveal's pause ends: question 2.
    expect(h.timers.fireNext()).toBe(true);
    await h.app.quiz.runner.idle();
    const q2 = await newPost(before + 2);
    expect(q2.content).toContain('Where can you see annotations?');

    // carol never joined; she arrives now and answers question 2 with half of its key.
    h.clock.now += 1_000;
    const partly = await pick(carol, q2, ['A']);
    expect(partly.flags & EPHEMERAL).toBe(EPHEMERAL);
    await pick(alice, q2, ['A', 'B']);
    await pick(bob, q2, ['A', 'C']);
    await h.app.quiz.runner.idle();
    await fake.waitFor(() => q2.edits >= 2);
    // carol: (1 right - 0 wrong) / 2 = half the points; bob: (1 - 1) / 2 = nothing.
    expect(q2.content).toContain('Partly right: carol');
    expect(q2.content).toContain('You may be assuming annotations are labels.');
    expect(components(q2).every((c) => c.disabled === true)).toBe(true);

    const podium = await newPost(before + 3);
    expect(podium.content).toContain('🏁');
    expect(podium.content).toMatch(/carol · \d+/);
    const practice = await click(carol, podium, 'Practise these');
    expect(practice.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(practice.content).toMatch(/^Practice · what the group missed/);
    const group = await fake.command(alice, 'progress', { view: 'group' }).reply();
    expect(group.content).toContain('carol');
    expect(posts()).toHaveLength(before + 4);
  });

  it('GIVEN threads on in the channel settings WHEN a live quiz starts THEN a starter post opens a thread and the whole quiz (questions, answers, reveal, podium) is played in it', async () => {
    await fake.command(alice, 'settings', { name: 'lobby', value: '0' }).reply();
    const on = await fake.command(alice, 'settings', { name: 'threads', value: 'on' }).reply();
    expect(on.content).toContain('on');
    const before = posts().length;
    await fake.command(alice, 'quiz start', { topic: 'group', count: 1, seconds: 20 }).reply();
    const starter = await newPost(before);
    expect(starter.content).toMatch(/^🧵 Live quiz on Group, started by alice/);
    const [threadId, thread] = await fake.waitFor(() => [...fake.state.threads.entries()][0]);
    expect(thread).toMatchObject({
      parent: starter.channelId,
      messageId: starter.id,
      name: 'Live quiz: Group',
    });
    const inThread = () =>
      [...fake.state.messages.values()].filter((m) => m.channelId === threadId && m.interactionId === null);
    const question = await fake.waitFor(() => inThread()[0]);
    expect(question.content).toMatch(/^Question 1\/1 · Group/);

    // Answered from the thread (the click comes with the thread's channel id).
    h.clock.now += 1_000;
    const got = await answerRight(bob, question);
    expect(got.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(got.content).toMatch(/^Got it: (B|A,B)\./);
    await timeUntil(() => question.edits >= 2);
    expect(question.content).toMatch(RIGHT);
    const podium = await fake.waitFor(() => inThread()[1]);
    expect(podium.content).toContain('🏁');
    // The channel itself got only the starter.
    expect(posts()).toHaveLength(before + 1);
  });

  it('GIVEN threads on but the bot may not open one WHEN a live quiz starts THEN it is played in the channel instead', async () => {
    fake.state.threadsRefused = true;
    const threads = fake.state.threads.size;
    const before = posts().length;
    await fake.command(alice, 'quiz start', { topic: 'group', count: 1, seconds: 20 }).reply();
    const starter = await newPost(before);
    const question = await fake.waitFor(() =>
      posts().find((p, i) => i >= before && p.content.startsWith('Question 1/1 · Group')),
    );
    expect(fake.state.threads.size).toBe(threads);
    await answerRight(bob, question);
    await timeUntil(() => question.edits >= 2);
    expect(question.content).toMatch(RIGHT);
    fake.state.threadsRefused = false;
    // The starter no longer points to a thread that does not exist.
    expect(starter.content).toMatch(/^🎬 Live quiz on Group, started by alice, is played here/);
    expect(fake.state.rejections.map((r) => r.status)).toEqual([403]);
    fake.state.rejections.length = 0;
  });
});
