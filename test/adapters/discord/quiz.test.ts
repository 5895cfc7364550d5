import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Bank } from '../../../src/quiz/banks.ts';
import { parseBank } from '../../../src/quiz/banks.ts';
import { T0 } from '../../helpers/app.ts';
import type { FakeDiscord } from './fake/discord.ts';
import { EPHEMERAL } from './fake/limits.ts';
import { type FakeUser, member } from './fake/payloads.ts';
import type { StoredMessage } from './fake/state.ts';
import { expectClean, type Harness, startHarness } from './harness.ts';

/**
 * A live quiz in a channel, end to end: the question posted through the Outbox with answer
 * buttons (or a select menu and a submit button) and a countdown, members clicking (one twice),
 * each click confirmed privately, the question closed by an edit when time is up, the reveal with
 * per-choice counts edited into the question message (no new post), and the podium. Two
 * one-question banks keep the questions known (topics of their own: no generated family joins them).
 */
const bank = (topic: string, question: string): Bank => {
  const parsed = parseBank(
    `topic: ${topic}\ntitle: { ko: "${topic}", en: "${topic}" }\nquestions:\n${question}`,
    `${topic}.yaml`,
    topic,
  );
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));
  return parsed.value;
};
const choice = (id: string, text: string, right = false) =>
  `      - id: ${id}\n        ko: "${text}"\n        en: "${text}"\n${right ? '' : '        misconception: { ko: "아니에요.", en: "No." }\n'}`;
const BANKS = [
  bank(
    'label-basics',
    `  - id: dsc-001
    kind: single
    section: "파드와 레이블(label)"
    prompt: { ko: "레이블은 어디에?", en: "Where do labels go?" }
    choices:
${choice('A', 'spec.labels')}${choice('B', 'metadata.labels', true)}${choice('C', 'status.labels')}    answer: B
    explanation: { ko: "metadata 아래.", en: "Under metadata." }
    concept: labels
`,
  ),
  bank(
    'annotation-basics',
    `  - id: dsc-002
    kind: multi
    section: "파드와 어노테이션"
    prompt: { ko: "어노테이션을 보는 방법은?", en: "Where can you see annotations?" }
    choices:
${choice('A', 'describe', true)}${choice('B', 'get -o yaml', true)}${choice('C', 'get --show-labels')}    answer: [A, B]
    explanation: { ko: "describe와 -o yaml.", en: "describe and -o yaml." }
    concept: labels
`,
  ),
];

let h: Harness;
let fake: FakeDiscord;
const alice = member('5000000000000000001', 'alice');
const bob = member('5000000000000000002', 'bob');
const carol = member('5000000000000000003', 'carol');

beforeAll(async () => {
  h = await startHarness({ banks: BANKS });
  fake = h.fake;
});
afterEach(() => {
  expectClean(fake);
});
afterAll(async () => {
  await h?.close();
});

/** Messages the bot posted in the channel by itself (through the Outbox), oldest first. */
const posts = () => fake.channelMessages().filter((m) => m.interactionId === null);
const newPost = async (after: number) => fake.waitFor(() => posts()[after]);
/** The edits (PATCHes) the bot sent for a channel message, oldest first. */
const patches = (message: StoredMessage) => fake.state.writes.filter((w) => w.path === `edit ${message.id}`);
const customIds = (message: StoredMessage) =>
  (
    message.components as {
      components: { custom_id?: string; label?: string; options?: { value: string; label: string }[] }[];
    }[]
  ).flatMap((row) => row.components);
const button = (message: StoredMessage, label: string) => {
  const found = customIds(message).find((c) => c.label?.startsWith(label));
  if (found?.custom_id === undefined)
    throw new Error(`no button ${label} in ${JSON.stringify(message.components)}`);
  return found.custom_id;
};
async function click(user: FakeUser, message: StoredMessage, label: string): Promise<StoredMessage> {
  const handle = fake.click(user, message, button(message, label));
  const reply = await handle.reply();
  expect(handle.record.callbacks).toEqual([4]);
  return reply;
}
/** Lets the runner deliver, fires the next quiz timer, and lets it deliver again. */
async function timeUp(): Promise<void> {
  await h.app.quiz.runner.idle();
  expect(h.timers.fireNext()).toBe(true);
  await h.app.quiz.runner.idle();
}

describe('a live quiz on Discord', () => {
  it('GIVEN three members WHEN they click answers (one twice) THEN private confirmations, a countdown, the reveal with counts and the podium', async () => {
    const start = await fake
      .command(alice, 'quiz start', { topic: 'label-basics', count: 1, seconds: 20 })
      .reply();
    expect(start.flags & EPHEMERAL).toBe(0);
    const question = await newPost(0);
    expect(question.content).toContain('Where do labels go?');
    expect(question.content).toContain(`<t:${T0 / 1000 + 20}:R>`);
    expect(customIds(question).map((c) => c.label)).toEqual([
      'A. spec.labels',
      'B. metadata.labels',
      'C. status.labels',
    ]);

    h.clock.now += 2_000;
    const first = await click(alice, question, 'B');
    expect(first.flags).toBe(EPHEMERAL);
    expect(first.content).toContain('B');
    await click(bob, question, 'C');
    const twice = await click(bob, question, 'B');
    expect(twice.flags).toBe(EPHEMERAL);
    expect(twice.content).toContain('C');
    h.clock.now += 8_000;
    await click(carol, question, 'B');

    await timeUp();
    // The question is closed by a first edit, then the reveal is edited into it (no new post).
    // Revealed: the buttons stay, all disabled, the right ones green (style 3).
    expect(revealedButtons(question).every((b) => b.disabled === true)).toBe(true);
    expect(revealedButtons(question).some((b) => b.style === 3)).toBe(true);
    expect(question.edits).toBe(2);
    expect(patches(question)).toHaveLength(2);
    const reveal = question.content;
    expect(reveal).toMatch(/✅ B ▇▇ 2/);
    expect(reveal).toMatch(/▫️ C ▇ 1/);
    expect(reveal).toMatch(/▫️ A +0/);
    expect(reveal).toContain('Under metadata.');
    // The reveal reads first, the closed question follows it.
    expect(reveal.indexOf('✅ B ▇▇ 2')).toBeLessThan(reveal.indexOf('Where do labels go?'));

    // It was the last question: the podium follows the reveal at once, and is the only other post.
    const podium = await newPost(1);
    expect(posts()).toHaveLength(2);
    expect(podium.content).not.toMatch(/✅ B ▇▇ 2/);
    // The faster right answer scores more (bob, who answered wrongly, scored nothing).
    const medals = podium.content.split('\n').filter((l) => /^(🥇|🥈|🥉)/.test(l));
    expect(medals.slice(0, 2).map((l) => l.split(' ').slice(0, 2).join(' '))).toEqual([
      '🥇 alice',
      '🥈 carol',
    ]);
    expect(podium.content).toMatch(/\n\n🏆 /);
  });

  it('GIVEN a multiple-choice question WHEN a member picks in the menu and submits THEN the picks count as one answer', async () => {
    const before = posts().length;
    await fake.command(alice, 'quiz start', { topic: 'annotation-basics', count: 1, seconds: 30 }).reply();
    const question = await newPost(before);
    const [menu, submit] = customIds(question);
    expect(menu?.options?.map((o) => o.label)).toEqual([
      'A. describe',
      'B. get -o yaml',
      'C. get --show-labels',
    ]);
    expect(submit?.label).toBe('Submit');

    const early = await fake.click(carol, question, submit?.custom_id ?? '').reply();
    expect(early.flags).toBe(EPHEMERAL);
    expect(early.content).toBe('Pick your answers in the menu first, then press the button.');

    const values = menu?.options?.map((o) => o.value) ?? [];
    const pick = fake.select(bob, question, menu?.custom_id ?? '', [values[1] ?? '', values[0] ?? '']);
    await fake.waitFor(() => pick.record.callbacks.length > 0);
    expect(pick.record.callbacks).toEqual([6]);
    const confirmed = await fake.click(bob, question, submit?.custom_id ?? '').reply();
    expect(confirmed.flags).toBe(EPHEMERAL);
    expect(confirmed.content).toContain('A,B');

    await timeUp();
    // The reveal is edited into the question message (after the closing edit), not posted anew.
    // Revealed: the buttons stay, all disabled, the right ones green (style 3).
    expect(revealedButtons(question).every((b) => b.disabled === true)).toBe(true);
    expect(revealedButtons(question).some((b) => b.style === 3)).toBe(true);
    expect(question.edits).toBe(2);
    expect(patches(question)).toHaveLength(2);
    const reveal = question.content;
    expect(reveal).toMatch(/✅ A ▇ 1/);
    expect(reveal).toMatch(/✅ B ▇ 1/);
    expect(reveal).toMatch(/▫️ C +0/);
    expect(reveal.indexOf('✅ A ▇ 1')).toBeLessThan(reveal.indexOf('Where can you see annotations?'));
    // The next post is the final results, and nothing else was posted.
    const podium = await newPost(before + 1);
    expect(podium.content).toContain('🏁');
    expect(podium.content).not.toMatch(/✅ A ▇ 1/);
    expect(posts()).toHaveLength(before + 2);
  });

  it('GIVEN a live quiz whose reveal comes over 15 minutes after /quiz start WHEN time is up THEN the reveal and podium still arrive, as channel messages (the start’s token has expired)', async () => {
    const before = posts().length;
    const start = fake.command(alice, 'quiz start', { topic: 'label-basics', count: 1, seconds: 20 });
    await start.reply();
    const question = await newPost(before);
    await click(bob, question, 'B');
    // 16 minutes on: Discord now refuses the start interaction's token (401, 50027).
    h.clock.now += 16 * 60_000;
    // Timers an earlier quiz left may fire first; a few at most.
    for (let i = 0; i < 5 && question.edits < 2; i += 1) await timeUp();
    expect(question.edits).toBe(2);
    expect(question.content).toMatch(/✅ B ▇ 1/);
    const podium = await newPost(before + 1);
    expect(podium.content).toContain('🏁');
    expect(podium.interactionId).toBeNull();
    // Nothing went through the expired token (expectClean: nothing refused), nor through any token.
    const late = fake.state.writes.filter(
      (w) => !w.path.startsWith('create ') && !w.path.startsWith('edit '),
    );
    expect(late.every((w) => w.path.startsWith('callback '))).toBe(true);
    expect(start.record.followups).toEqual([]);
  });

  it('GIVEN /quiz practice WHEN the member clicks an answer on the private question THEN the feedback is private too', async () => {
    const dave = member('5000000000000000004', 'dave');
    const handle = fake.command(dave, 'quiz practice', { topic: 'label-basics' });
    const question = await handle.reply();
    expect(question.flags).toBe(EPHEMERAL);
    expect(question.content).toContain('Where do labels go?');
    const feedback = await click(dave, question, 'A');
    expect(feedback.flags).toBe(EPHEMERAL);
    expect(feedback.content).toContain('Under metadata.');
    expect(posts().filter((p) => p.content.includes('dave'))).toEqual([]);
  });
});

/** The buttons of a message as last edited. */
function revealedButtons(message: { components: unknown }): { disabled?: boolean; style?: number }[] {
  const rows = message.components as { components: { disabled?: boolean; style?: number }[] }[];
  return rows.flatMap((r) => r.components);
}
