import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APPLY_SHORTCUT } from '../../../src/adapters/slack/listeners.ts';
import { messageShortcut } from './fake/payloads.ts';
import { ALICE, BOB, CHANNEL, codeOf, type Harness, sectionTexts, startHarness } from './harness.ts';

/**
 * "Apply manifest" in a message's More actions menu, through the real Bolt app against the fake:
 * bob applies the YAML alice pasted (as the composer sends it: rich-text blocks, glued fences in
 * the text) to his own sandbox, and only he sees the answer.
 */
let h: Harness;
beforeAll(async () => {
  h = await startHarness('http');
});
afterAll(async () => {
  await h.close();
  expect(h.guard.outside()).toEqual([]);
});

const POD = (name: string) =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\nspec:\n  containers:\n  - name: web\n    image: nginx`;

async function shortcut(typed: string) {
  const since = h.fake.state.posts.length;
  const { status } = await h.deliver(
    'interactive',
    messageShortcut(h.fake, BOB, ALICE, CHANNEL, APPLY_SHORTCUT, typed),
  );
  expect(status).toBe(200);
  return h.fake.waitFor(() => true, since);
}

describe('Apply manifest on a Slack message', () => {
  it('GIVEN alice’s message with a code block WHEN bob uses Apply manifest THEN the pod is in bob’s sandbox and only bob sees the answer', async () => {
    const answer = await shortcut(`try this one:\n\`\`\`${POD('from-alice')}\`\`\``);
    expect(answer).toMatchObject({ via: 'response_url', ephemeral: true });
    expect(codeOf(answer)).toBe('pod/from-alice created');
    const bobs = await h.command(BOB, '/kubectl', 'get po from-alice');
    expect(codeOf(bobs)).toMatch(/\nfrom-alice\s/);
    const alices = await h.command(ALICE, '/kubectl', 'get po');
    expect(codeOf(alices)).toBe('No resources found in default namespace.');
  });

  it('GIVEN a message with no manifest WHEN used THEN a private note says what it reads', async () => {
    const answer = await shortcut('how do I delete a pod?');
    expect(answer).toMatchObject({ via: 'response_url', ephemeral: true });
    expect(sectionTexts(answer).join('\n')).toMatch(/^That message holds no manifest/);
  });
});
