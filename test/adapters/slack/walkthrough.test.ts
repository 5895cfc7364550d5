import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Step, walkthrough } from '../walkthrough-script.ts';
import type { Posted } from './fake/state.ts';
import { ALICE, codeOf, type Harness, sectionTexts, startHarness, type Transport } from './harness.ts';

/**
 * The course-notes walkthrough on Slack, through the real Bolt app against the fake, over HTTP and
 * over Socket Mode, as a member does it there: `/kubectl …` and `/curl …` as slash commands, and a
 * manifest pasted after `@podium kubectl create -f -` in a code block (the composer's shape: rich
 * text blocks and glued fences). Every reply's code is the console's golden transcript, byte for
 * byte (same fixed clock).
 */
describe.each(['http', 'socket'] as Transport[])(
  'the course-notes walkthrough on Slack over %s',
  (transport) => {
    let h: Harness;
    beforeAll(async () => {
      h = await startHarness(transport, { guide: true });
    });
    afterAll(async () => {
      await h.close();
      expect(h.guard.outside()).toEqual([]);
    });

    /** A reply as text: its code sections unescaped, its other sections as they are. */
    const textOf = (p: Posted) =>
      sectionTexts(p)
        .map((s) =>
          s.startsWith('```') ? codeOf({ ...p, blocks: [{ type: 'section', text: { text: s } }] }) : s,
        )
        .join('\n');
    const parts = (text: string) => text.replace(/\n{2,}/g, '\n');

    async function replyOf(step: Extract<Step, { kind: 'command' }>): Promise<string> {
      const since = h.fake.state.posts.length;
      if (step.line.startsWith('curl ')) await h.command(ALICE, '/curl', step.line.slice(5));
      else if (step.manifest === null) await h.command(ALICE, '/kubectl', step.line.replace(/^kubectl /, ''));
      else await h.mention(ALICE, `${step.line}\n\`\`\`${step.manifest}\`\`\``);
      const mine = () =>
        h.fake.state.posts.slice(since).filter((p) => p.via !== 'chat.postMessage' || p.user === ALICE.id);
      const joined = () => mine().map(textOf).join('\n');
      // Long output may come in several messages; wait until they add up to the transcript's length.
      await h.fake
        .waitFor(() => parts(joined()).length >= parts(step.want.text).length, since)
        .catch(() => undefined);
      return joined();
    }

    it('GIVEN the walkthrough done with /kubectl, a pasted manifest and /curl THEN every reply is the golden transcript’s', async () => {
      let matched = 0;
      const steps = walkthrough();
      for (const step of steps) {
        if (step.kind === 'advance') {
          h.t.clock.now += step.ms;
          continue;
        }
        expect(parts(await replyOf(step)), step.line).toBe(parts(step.want.text));
        matched++;
      }
      expect(matched).toBe(steps.filter((s) => s.kind === 'command').length);
    });
  },
);
