import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GROUP_BANK } from '../group-bank.ts';
import type { Member } from './fake/payloads.ts';
import type { Posted, StoredMessage } from './fake/state.ts';
import {
  type ActionElement,
  ALICE,
  BOB,
  CAROL,
  elementsOf,
  type Harness,
  sectionTexts,
  startHarness,
} from './harness.ts';

/**
 * A fair live quiz in a Slack channel, through the real Bolt HTTP receiver against the fake: a
 * lobby with a Join button, question 1 closing once everyone playing has answered, a member who
 * never joined answering question 2 with part of its key (partial credit), the reveal naming the
 * most-picked wrong option's misconception, /quiz stop refused to a member who is not the host,
 * and the podium's Practise these button starting a private practice.
 */
let h: Harness;
beforeAll(async () => {
  h = await startHarness('http', { timed: true, banks: [GROUP_BANK] });
});
afterAll(async () => {
  await h.close();
  expect(h.guard.outside()).toEqual([]);
});

const stored = (posted: Posted): StoredMessage => {
  const message = h.fake.state.messages.get(posted.ts ?? '');
  if (message === undefined) throw new Error('not a channel message');
  return message;
};
const textOf = (p: Posted | StoredMessage) => [p.text, ...sectionTexts(p as Posted)].join('\n');
const buttonNamed = (message: StoredMessage, label: string): ActionElement => {
  const found = elementsOf(message).find((e) => e.type === 'button' && e.text?.text.startsWith(label));
  if (found === undefined) throw new Error(`no ${label} button in ${JSON.stringify(message.blocks)}`);
  return found;
};
const press = (member: Member, message: StoredMessage, label: string) => {
  const { action_id, block_id, value } = buttonNamed(message, label);
  return h.click(member, message, { action_id, block_id, ...(value === undefined ? {} : { value }) });
};
/** Ticks the choices whose text starts with `letters` and presses Submit. */
function pick(member: Member, question: StoredMessage, letters: string[]): Promise<Posted> {
  const elements = elementsOf(question);
  const picker = elements.find((e) => e.action_id === 'podium.pick');
  const submit = elements.find((e) => e.action_id === 'podium.submit');
  if (picker === undefined || submit === undefined) throw new Error('no checkboxes');
  const selected = (picker.options ?? []).filter((o) => letters.some((l) => o.text.text.startsWith(`${l}.`)));
  const state = { [picker.block_id]: { 'podium.pick': { type: picker.type, selected_options: selected } } };
  return h.click(
    member,
    question,
    { action_id: submit.action_id, block_id: submit.block_id, value: 'submit' },
    state,
  );
}
const posted = (since: number, probe: (p: Posted) => boolean) =>
  h.fake.waitFor((p) => p.via === 'chat.postMessage' && probe(p), since);
const updated = (since: number, ts: string | undefined, probe: (p: Posted) => boolean) =>
  h.fake.waitFor((p) => p.via === 'chat.update' && p.ts === ts && probe(p), since);

describe('the study group in a Slack channel', () => {
  it('GIVEN a lobby WHEN bob joins, carol arrives at question 2 and picks part of the key THEN she scores partly, the reveal names the misconception, bob may not stop it and Practise these practises the missed questions', async () => {
    const since = h.fake.state.posts.length;
    await h.command(ALICE, '/quiz', 'start group 2 20 lobby:30');
    const lobby = stored(await posted(since, (p) => p.text.includes('Press Join')));
    await h.fake.waitFor((p) => p.via === 'response_url' && p.text.includes('Press Join'), since);
    const beforeJoin = h.fake.state.posts.length;
    await press(BOB, lobby, 'Join');
    const joined = await h.fake.waitFor((p) => p.user === BOB.id, beforeJoin);
    expect(joined.ephemeral).toBe(true);
    expect(textOf(joined)).toContain('You are in');

    const beforeQ1 = h.fake.state.posts.length;
    await h.tick(30_000);
    const q1Post = await posted(beforeQ1, (p) => textOf(p).includes('Where do labels go?'));
    const q1 = stored(q1Post);

    const stop = await h.command(BOB, '/quiz', 'stop');
    expect(stop.ephemeral).toBe(true);
    expect(textOf(stop)).toContain('Only alice, who started this quiz, can do that.');

    const beforeReveal1 = h.fake.state.posts.length;
    await press(ALICE, q1, 'B');
    await press(BOB, q1, 'A');
    // Everyone playing (alice, bob) has answered: no need to wait out the 20 s.
    await h.tick(0);
    const reveal1 = await updated(beforeReveal1, q1Post.ts, (p) =>
      p.text.startsWith('Question 1/2: the answer'),
    );
    expect(textOf(reveal1)).toContain('Most picked wrong answer: A (1). You may be assuming spec.');

    const beforeQ2 = h.fake.state.posts.length;
    await h.tick(6_000);
    const q2Post = await posted(beforeQ2, (p) => textOf(p).includes('Where can you see annotations?'));
    const q2 = stored(q2Post);
    // carol never joined: she arrives now and picks one of the two right answers.
    const partly = await pick(CAROL, q2, ['A']);
    expect(partly).toMatchObject({ ephemeral: true, user: CAROL.id });
    await pick(ALICE, q2, ['A', 'B']);
    const beforeReveal2 = h.fake.state.posts.length;
    await pick(BOB, q2, ['A', 'C']);
    await h.tick(0);
    const reveal2 = await updated(beforeReveal2, q2Post.ts, (p) =>
      p.text.startsWith('Question 2/2: the answer'),
    );
    expect(textOf(reveal2)).toContain('Partly right: carol');
    expect(textOf(reveal2)).toContain('You may be assuming annotations are labels.');

    const podium = stored(await posted(beforeReveal2, (p) => p.text.startsWith('🏁')));
    expect(textOf(podium)).toMatch(/carol · \d+/);
    const practice = await press(CAROL, podium, 'Practise these');
    expect(practice).toMatchObject({ ephemeral: true, user: CAROL.id });
    expect(textOf(practice)).toMatch(/Practice · what the group missed/);
  });
});
