import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHAT_RATE_LIMIT } from '../../../src/chat/rate-limit.ts';
import type { Member } from './fake/payloads.ts';
import type { Posted } from './fake/state.ts';
import { ALICE, BOB, CAROL, codeOf, type Harness, sectionTexts, startHarness } from './harness.ts';

/**
 * The member behind a Slack request, filled by the adapter (users.info, usergroups.list): the
 * handle that `kubectl --context=NAME` names, workspace admins as moderators of `/settings`, and
 * user groups that `/settings moderators GROUP` names. Through the real Bolt app.
 */
let h: Harness;
const CHANNEL = 'C0MEMBERS';
beforeAll(async () => {
  h = await startHarness('http');
  h.fake.state.users.set(ALICE.id, { name: 'alice', is_admin: true });
  h.fake.state.users.set(CAROL.id, { name: 'carol' });
  h.fake.state.usergroups.push({
    id: 'S0LEADS',
    handle: 'study-leads',
    name: 'Study leads',
    users: [CAROL.id],
  });
});
afterAll(async () => {
  await h.close();
  expect(h.guard.outside()).toEqual([]);
});
const say = (member: Member, command: string, text: string): Promise<Posted> => {
  h.t.advance(CHAT_RATE_LIMIT.refillMs);
  return h.command(member, command, text, CHANNEL);
};
const allText = (p: Posted) => [p.text, ...sectionTexts(p)].join('\n');

describe('who a Slack member is', () => {
  it('GIVEN alice is a workspace admin and bob is not WHEN each changes a /settings THEN alice may, bob is refused', async () => {
    expect(allText(await say(ALICE, '/settings', 'lobby 0'))).toContain(
      'Setting `lobby` of this channel is now `0`.',
    );
    const refused = await say(BOB, '/settings', 'lobby 30');
    expect(refused.ephemeral).toBe(true);
    expect(allText(refused)).not.toContain('is now');
    expect(allText(await say(ALICE, '/settings', ''))).toMatch(/lobby\W+0/);
  });

  it('GIVEN /settings moderators study-leads WHEN carol, in that user group, changes a setting THEN she may', async () => {
    expect(allText(await say(ALICE, '/settings', 'moderators study-leads'))).toContain('is now');
    expect(allText(await say(CAROL, '/settings', 'lobby 15'))).toContain(
      'Setting `lobby` of this channel is now `15`.',
    );
  });

  it('GIVEN bob shares his sandbox WHEN alice runs kubectl --context=bob THEN she reads bob’s pods (his Slack handle names them); a write is refused', async () => {
    await say(BOB, '/kubectl', 'run web --image=nginx');
    expect(allText(await say(BOB, '/sandbox', 'share on'))).toContain('--context=bob');
    const looked = await say(ALICE, '/kubectl', '--context=bob get po');
    expect(codeOf(looked)).toMatch(/^NAME +READY +STATUS +RESTARTS +AGE\nweb +/);
    const own = await say(ALICE, '/kubectl', 'get po');
    expect(codeOf(own)).toBe('No resources found in default namespace.');
    const write = await say(ALICE, '/kubectl', '--context=bob delete po web');
    expect(codeOf(write)).not.toContain('deleted');
    expect(codeOf(await say(BOB, '/kubectl', 'get po web'))).toMatch(/^NAME.*\nweb +/);
  });
});
