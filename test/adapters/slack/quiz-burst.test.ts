import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GROUP_BANK } from '../group-bank.ts';
import { blockActions } from './fake/payloads.ts';
import type { Posted } from './fake/state.ts';
import { ALICE, CHANNEL, elementsOf, type Harness, startHarness } from './harness.ts';

/**
 * Many clicks at once through the real Bolt HTTP receiver: every one is acked, recorded once
 * (in batches) and confirmed once, privately, to the member who clicked; a second click of the
 * same member is told it already answered and changes nothing.
 */
const MEMBERS = 30;

/** Waits (the fake's own polling, not a timed assertion) until `count` posts since `since` match. */
async function postsMatching(
  h: Harness,
  match: (p: Posted) => boolean,
  since: number,
  count: number,
): Promise<Posted[]> {
  for (let i = 0; i < 500; i++) {
    const found = h.fake.state.posts.slice(since).filter(match);
    if (found.length >= count) return found;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return h.fake.state.posts.slice(since).filter(match);
}

// In process, and in the worker pool `npm start` runs, whose worker posts the confirmations itself
// through Slack's reply sink (src/executor/sink.ts).
describe.each([
  { where: 'in process', pool: false },
  { where: 'in the worker pool', pool: true },
])('a burst of quiz answers in a Slack channel, commands $where', ({ pool }) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness('http', { timed: true, banks: [GROUP_BANK], pool });
  });
  afterAll(async () => {
    await h.close();
    expect(h.guard.outside()).toEqual([]);
  });

  it(`GIVEN a live question WHEN ${MEMBERS} members click at once (one of them twice) THEN each is recorded once and confirmed once, privately`, async () => {
    const since = h.fake.state.posts.length;
    await h.command(ALICE, '/quiz', 'start group 1 30');
    const posted = await h.fake.waitFor(
      (p) => p.via === 'chat.postMessage' && elementsOf(p).length > 0,
      since,
    );
    const question = h.fake.state.messages.get(posted.ts ?? '');
    if (question === undefined) throw new Error('the question is not a channel message');
    const elements = elementsOf(question);
    const buttons = elements.filter((e) => e.type === 'button' && e.action_id.startsWith('podium.choice.'));
    const picker = elements.find((e) => e.action_id === 'podium.pick');
    const submit = elements.find((e) => e.action_id === 'podium.submit');
    // Member i picks choice i (in turn), so each confirmation names the member's own pick.
    const picked = new Map<string, string>();
    const click = (i: number) => {
      const member = { id: `U0BURST${i}`, name: `member${i}` };
      const button = buttons[i % Math.max(1, buttons.length)];
      if (button !== undefined) {
        if (!picked.has(member.id)) picked.set(member.id, (button.value ?? '').split(' ').at(-1) ?? '');
        const { action_id, block_id, value = '' } = button;
        return h.deliver(
          'interactive',
          blockActions(h.fake, member, question, { action_id, block_id, value }),
        );
      }
      if (picker === undefined || submit === undefined) throw new Error('neither buttons nor checkboxes');
      const options = picker.options ?? [];
      const option = options[i % options.length];
      if (!picked.has(member.id)) picked.set(member.id, option?.value.split(' ').at(-1) ?? '');
      const state = {
        [picker.block_id]: { 'podium.pick': { type: picker.type, selected_options: [option] } },
      };
      const action = { action_id: submit.action_id, block_id: submit.block_id, value: 'submit' };
      return h.deliver('interactive', blockActions(h.fake, member, question, action, state));
    };
    const before = h.fake.state.posts.length;
    const acks = await Promise.all([...Array.from({ length: MEMBERS }, (_, i) => click(i)), click(0)]);
    expect(acks.map((a) => a.status)).toEqual(Array(MEMBERS + 1).fill(200));

    const replies = await postsMatching(
      h,
      (p) => p.via === 'response_url' && p.user?.startsWith('U0BURST') === true,
      before,
      MEMBERS + 1,
    );
    expect(replies.every((p) => p.ephemeral)).toBe(true);
    const confirmed = replies.filter((p) => p.text.startsWith('Got it'));
    expect(confirmed.map((p) => p.user).sort()).toEqual(
      Array.from({ length: MEMBERS }, (_, i) => `U0BURST${i}`).sort(),
    );
    for (const p of confirmed) expect(p.text).toContain(`Got it: ${picked.get(p.user ?? '')}.`);
    const again = replies.filter((p) => !p.text.startsWith('Got it'));
    expect(again.map((p) => [p.user, p.text.includes('You already answered this question')])).toEqual([
      ['U0BURST0', true],
    ]);
    // In the pool, the worker that recorded them posted every one of those replies itself.
    if (pool) expect(h.pool?.repliesSent()).toBe(MEMBERS + 1);
    const rows = h.t.app.db
      .prepare(
        `SELECT a.user_id AS user, count(*) AS n FROM quiz_live_answers a JOIN quiz_sessions s ON s.id = a.session_id
         WHERE s.platform = 'slack' AND s.channel = ? GROUP BY a.user_id`,
      )
      .all(CHANNEL) as { user: string; n: number }[];
    expect(rows.length).toBe(MEMBERS);
    expect(rows.every((r) => r.n === 1)).toBe(true);
  });
});
