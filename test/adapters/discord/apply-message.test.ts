import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { APPLY_MESSAGE_COMMAND } from '../../../src/adapters/discord/commands.ts';
import { EPHEMERAL } from './fake/limits.ts';
import { member } from './fake/payloads.ts';
import { codeOf, expectClean, type Harness, startHarness } from './harness.ts';

/**
 * "Apply manifest" in a message's Apps menu, through discord.js against the fake: a teammate's
 * message with a YAML code block (or YAML pasted without a fence, or the `message.txt` Discord
 * makes of a long paste) is applied to the sandbox of whoever used it, and only they see the
 * answer. A message without a manifest gets a private word on what it reads.
 */
let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterEach(() => expectClean(h.fake));
afterAll(async () => {
  await h?.close();
});

const alice = member('5300000000000000001', 'alice');
const bob = member('5300000000000000002', 'bob');
const POD = (name: string) =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\nspec:\n  containers:\n  - name: web\n    image: nginx\n`;

describe('Apply manifest on a message', () => {
  it('GIVEN alice’s message with a YAML block WHEN bob uses Apply manifest on it THEN the pod is created in bob’s sandbox, privately', async () => {
    const handle = h.fake.messageCommand(
      bob,
      APPLY_MESSAGE_COMMAND,
      alice,
      `try this:\n\`\`\`yaml\n${POD('shared-web')}\`\`\``,
    );
    const reply = await handle.answer();
    expect(reply.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(
      codeOf(
        reply.content
          .split('\n')
          .filter((l) => !l.startsWith('-#'))
          .join('\n'),
      ),
    ).toBe('pod/shared-web created');
    expect(h.say(bob, 'kubectl get po shared-web')).toMatch(/\nshared-web\s/);
    expect(h.say(alice, 'kubectl get po')).toBe('No resources found in default namespace.');
  });

  it('GIVEN YAML pasted without a fence WHEN applied THEN it is read as the manifest', async () => {
    const reply = await h.fake
      .messageCommand(bob, APPLY_MESSAGE_COMMAND, alice, POD('bare').trimEnd())
      .answer();
    expect(reply.content).toContain('pod/bare created');
  });

  it('GIVEN a long paste that Discord made into message.txt WHEN applied THEN the file is fetched and applied', async () => {
    const file = h.fake.attachment('message.txt', POD('from-file'));
    const reply = await h.fake.messageCommand(bob, APPLY_MESSAGE_COMMAND, alice, '', [file]).answer();
    expect(reply.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(reply.content).toContain('pod/from-file created');
  });

  it('GIVEN a message without a manifest WHEN applied THEN a private note says what it reads, and nothing changes', async () => {
    const before = h.say(bob, 'kubectl get po');
    const reply = await h.fake
      .messageCommand(bob, APPLY_MESSAGE_COMMAND, alice, 'how do I delete a pod?')
      .answer();
    expect(reply.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(reply.content).toMatch(/^That message holds no manifest/);
    expect(h.say(bob, 'kubectl get po')).toBe(before);
  });

  it('GIVEN an invalid manifest WHEN applied THEN kubectl’s error comes back privately', async () => {
    const reply = await h.fake
      .messageCommand(bob, APPLY_MESSAGE_COMMAND, alice, '```\nkind: Pod\n```')
      .answer();
    expect(reply.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(reply.content).toContain('apiVersion not set');
  });
});
