import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChatCommand } from '../../../src/chat/context.ts';
import { type Reply, textReply } from '../../../src/chat/reply.ts';
import { ok } from '../../../src/result.ts';
import { blockActions } from './fake/payloads.ts';
import { ALICE, CHANNEL, type Harness, sectionTexts, startHarness } from './harness.ts';

/**
 * The adapter's side of buttons, on its own: a command that echoes what a click dispatched, so
 * the test sees exactly the text the adapter built from a button or a multiple selection.
 */
const echo: ChatCommand = {
  name: 'echo',
  run: (ctx, args) => ok(textReply(`${ctx.request.user} sent: ${args}`, true, 'private')),
};

let h: Harness;
beforeAll(async () => {
  h = await startHarness('http', { commands: [echo] });
});
afterAll(async () => {
  await h.close();
  expect(h.guard.outside()).toEqual([]);
});

const question = (multiSelect: boolean, n = 3): Reply => ({
  ok: true,
  blocks: [{ kind: 'text', text: 'Which are true?' }],
  choices: Array.from({ length: n }, (_, i) => {
    const id = String.fromCharCode(65 + i);
    return { id, label: `${id}. option ${id}`, action: `/echo pick ${id}` };
  }),
  visibility: 'public',
  ...(multiSelect ? { multiSelect } : {}),
});

const ref = { platform: 'slack', scope: 'T0FAKE', channel: CHANNEL } as const;
const message = (ts: string) => {
  const found = h.fake.state.messages.get(ts);
  if (found === undefined) throw new Error(`no message ${ts}`);
  return found;
};

describe('answer buttons and multiple selections on Slack', () => {
  it('GIVEN a message with buttons posted by the Outbox WHEN a member clicks one THEN its action is dispatched as that member, answered privately', async () => {
    const posted = await h.bot.outbox.post(ref, question(false));
    const answer = await h.click(ALICE, message(posted.id), {
      action_id: 'podium.choice.1',
      block_id: 'whatever',
      value: '/echo pick B',
    });
    expect(answer).toMatchObject({ via: 'response_url', ephemeral: true, user: ALICE.id });
    expect(sectionTexts(answer)).toEqual([`${ALICE.id} sent: pick B`]);
  });

  it('GIVEN checkboxes WHEN a member ticks C then A and submits THEN one answer “A,C” is dispatched', async () => {
    const posted = await h.bot.outbox.post(ref, question(true));
    const stored = message(posted.id);
    const actions = stored.blocks.find((b) => (b as { type: string }).type === 'actions') as {
      block_id: string;
      elements: { type: string; options?: { value: string }[] }[];
    };
    expect(actions.elements.map((e) => e.type)).toEqual(['checkboxes', 'button']);
    const options = actions.elements[0]?.options ?? [];
    // Ticking a box is only acknowledged; nothing is posted.
    const before = h.fake.state.posts.length;
    const tick = await h.deliver(
      'interactive',
      blockActions(h.fake, ALICE, stored, { action_id: 'podium.pick', block_id: actions.block_id }),
    );
    expect(tick.status).toBe(200);
    const state = {
      [actions.block_id]: {
        'podium.pick': { type: 'checkboxes', selected_options: [options[2], options[0]] },
      },
    };
    const answer = await h.click(
      ALICE,
      stored,
      { action_id: 'podium.submit', block_id: actions.block_id, value: 'submit' },
      state,
    );
    expect(h.fake.state.posts.length).toBe(before + 1);
    expect(sectionTexts(answer)).toEqual([`${ALICE.id} sent: pick A,C`]);
  });

  it('GIVEN twelve options to pick from WHEN rendered THEN a multi-select menu stands in for checkboxes, and Slack accepts it', async () => {
    const posted = await h.bot.outbox.post(ref, question(true, 12));
    expect(JSON.stringify(message(posted.id).blocks)).toContain('"type":"multi_static_select"');
    expect(h.fake.state.refused).toEqual([]);
  });

  it('GIVEN a posted question WHEN the Outbox edits it THEN chat.update changes that same message', async () => {
    const posted = await h.bot.outbox.post(ref, question(false));
    await h.bot.outbox.edit(posted, textReply('closed'));
    expect(message(posted.id).blocks).toEqual([
      { type: 'section', text: { type: 'mrkdwn', text: 'closed' } },
    ]);
  });
});
