import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GROUP_BANK } from '../group-bank.ts';
import type { Member } from './fake/payloads.ts';
import type { Posted, StoredMessage } from './fake/state.ts';
import {
  ALICE,
  BOB,
  CAROL,
  CHANNEL,
  elementsOf,
  type Harness,
  sectionTexts,
  startHarness,
} from './harness.ts';

/**
 * A live quiz through the real Bolt app: the core's runner posts questions with the adapter's
 * Outbox (`chat.postMessage`), members click the Block Kit buttons, each click is confirmed
 * privately, the close edits the question (`chat.update`), a second edit of the same message
 * shows the reveal and its counts (no new post), and the quiz ends with the podium. Deadlines run on timers driven by hand, never on the wall clock.
 */
let h: Harness;
beforeAll(async () => {
  // Two known questions with buttons or checkboxes (the real banks also draw command questions).
  h = await startHarness('socket', { timed: true, banks: [GROUP_BANK] });
});
afterAll(async () => {
  await h.close();
  expect(h.guard.outside()).toEqual([]);
});

const stored = (posted: Posted): StoredMessage => {
  const message = h.fake.state.messages.get(posted.ts ?? '');
  if (message === undefined) throw new Error('the question is not a channel message');
  return message;
};

/** Clicks choice `index` (a button), or ticks choices `indexes` and presses Submit. */
async function answer(member: Member, question: StoredMessage, indexes: number[]): Promise<Posted> {
  const elements = elementsOf(question);
  const buttons = elements.filter((e) => e.type === 'button' && e.action_id.startsWith('podium.choice.'));
  if (buttons.length > 0) {
    const button = buttons[indexes[0] ?? 0];
    if (button === undefined) throw new Error('no such button');
    const { action_id, block_id, value } = button;
    return h.click(member, question, { action_id, block_id, ...(value === undefined ? {} : { value }) });
  }
  const picker = elements.find((e) => e.action_id === 'podium.pick');
  const submit = elements.find((e) => e.action_id === 'podium.submit');
  if (picker === undefined || submit === undefined) throw new Error('neither buttons nor checkboxes');
  const selected = indexes.map((i) => picker.options?.[i]);
  const state = { [picker.block_id]: { 'podium.pick': { type: picker.type, selected_options: selected } } };
  return h.click(
    member,
    question,
    { action_id: submit.action_id, block_id: submit.block_id, value: 'submit' },
    state,
  );
}

/** The choice ids a question offers, in order (the last word of each action). */
function choiceIds(question: StoredMessage): string[] {
  return elementsOf(question)
    .flatMap((e) =>
      e.action_id === 'podium.pick'
        ? (e.options ?? []).map((o) => o.value)
        : e.value === undefined || e.action_id === 'podium.submit'
          ? []
          : [e.value],
    )
    .map((action) => action.split(' ').at(-1) ?? '');
}

const textOf = (p: { text: string; blocks: unknown[] }) =>
  [
    ...sectionTexts(p as Posted),
    ...p.blocks.flatMap((b) => {
      const block = b as { type: string; elements?: { text?: string }[] };
      return block.type === 'context' ? (block.elements ?? []).map((e) => e.text ?? '') : [];
    }),
  ].join('\n');

const isQuestion = (p: Posted) => p.via === 'chat.postMessage' && elementsOf(p).length > 0;

describe('a live quiz in a Slack channel', () => {
  it('GIVEN three members WHEN they answer with the buttons (one twice) THEN each is confirmed privately, the reveal counts the picks and a podium ends it', async () => {
    const since = h.fake.state.posts.length;
    await h.command(ALICE, '/quiz', 'start group 2 30');
    const started = await h.fake.waitFor((p) => p.via === 'response_url', since);
    expect(started.ephemeral).toBe(false);
    expect(started.text).toContain('Live quiz on');

    // Question 1: buttons (or checkboxes) and a countdown from the deadline.
    const first = await h.fake.waitFor(isQuestion, since);
    expect(first.channel).toBe(CHANNEL);
    const q1 = stored(first);
    const unix = Math.floor((h.t.clock.now + 30_000) / 1000);
    expect(textOf(q1)).toContain(`<!date^${unix}^{time_secs}|10:00:30 UTC> (30 s left)`);
    const [a, b] = choiceIds(q1);

    const got = await answer(ALICE, q1, [0]);
    expect(got).toMatchObject({ ephemeral: true, user: ALICE.id });
    expect(textOf(got)).toContain(`Got it: ${a}.`);
    expect(textOf(await answer(BOB, q1, [1]))).toContain(`Got it: ${b}.`);
    const again = await answer(BOB, q1, [0]);
    expect(again).toMatchObject({ ephemeral: true, user: BOB.id });
    expect(textOf(again)).toContain(`You already answered this question (${b})`);
    expect(textOf(await answer(CAROL, q1, [0]))).toContain(`Got it: ${a}.`);

    // The deadline passes: the question loses its buttons in place, and the reveal counts.
    const beforeClose = h.fake.state.posts.length;
    await h.tick(30_000);
    const closed = await h.fake.waitFor((p) => p.via === 'chat.update' && p.ts === first.ts, beforeClose);
    expect(elementsOf(closed)).toEqual([]);
    expect(textOf(closed)).toContain('This question is closed.');
    // The reveal is a second edit of the same question message, above the closed question.
    const reveal = await h.fake.waitFor(
      (p) => p.via === 'chat.update' && p.ts === first.ts && p.text.startsWith('Question 1/2: the answer is'),
      beforeClose,
    );
    expect(reveal.channel).toBe(CHANNEL);
    expect(elementsOf(reveal)).toEqual([]);
    const counts = textOf(reveal);
    expect(counts).toMatch(new RegExp(`${a} ▇▇ 2`));
    expect(counts).toMatch(new RegExp(`${b} ▇ 1`));
    expect(counts).toContain('This question is closed.');
    expect(counts.indexOf('the answer is')).toBeLessThan(counts.indexOf('This question is closed.'));
    expect(textOf(stored(first))).toBe(counts);

    // Question 2 after the pause; once all three have answered it closes by itself.
    const beforeSecond = h.fake.state.posts.length;
    await h.tick(6_000);
    const second = await h.fake.waitFor(isQuestion, beforeSecond);
    const q2 = stored(second);
    for (const member of [ALICE, BOB, CAROL]) await answer(member, q2, [0]);
    await h.t.app.quiz.runner.idle();
    const podium = await h.fake.waitFor(
      (p) => p.via === 'chat.postMessage' && p.text.startsWith('🏁'),
      beforeSecond,
    );
    expect(textOf(podium)).toMatch(/🥇 \w+ · \d+ pts/);
    // Question 2's reveal is likewise edited into its message, and no reveal is ever posted anew.
    const reveal2 = await h.fake.waitFor(
      (p) =>
        p.via === 'chat.update' && p.ts === second.ts && p.text.startsWith('Question 2/2: the answer is'),
      beforeSecond,
    );
    expect(textOf(reveal2)).toContain('This question is closed.');
    const newPosts = h.fake.state.posts.slice(beforeClose).filter((p) => p.via === 'chat.postMessage');
    expect(newPosts.map((p) => p.ts)).toEqual([second.ts, podium.ts]);
    expect(newPosts.filter((p) => textOf(p).includes('the answer is'))).toEqual([]);
    expect(h.fake.state.refused).toEqual([]);
  });
});
