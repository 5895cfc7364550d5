import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Step, walkthrough } from '../walkthrough-script.ts';
import { EPHEMERAL } from './fake/limits.ts';
import { member } from './fake/payloads.ts';
import type { StoredMessage } from './fake/state.ts';
import { codeOf, expectClean, type Harness, startHarness } from './harness.ts';

/**
 * The course-notes walkthrough on Discord, through discord.js against the fake, as a member does
 * it there: kubectl with `/kubectl command:…`, a pasted manifest as a file attached to `/kubectl`
 * (a slash option has no stdin), `curl` with `/curl args:…`. Every reply, put back together from
 * its code blocks, is the console's golden transcript, byte for byte (same fixed clock).
 */
let h: Harness;
beforeAll(async () => {
  h = await startHarness({ guide: true });
});
afterAll(async () => {
  expectClean(h.fake);
  await h.close();
});

const alice = member('5200000000000000001', 'alice');

/** The text of a reply (every piece's code block, joined), once all its pieces have arrived. */
async function replyOf(step: Extract<Step, { kind: 'command' }>): Promise<string> {
  const handle = invoke(step);
  const first = await handle.answer();
  const pieces = () => [first, ...handle.record.followups.filter((f) => f !== first)];
  const joined = (all: StoredMessage[]) => all.map((m) => plain(m.content)).join('\n');
  // Long output comes in several messages; wait until they add up to as much as the transcript.
  const all = await h.fake
    .waitFor(() => (joined(pieces()).length >= step.want.text.length ? pieces() : null), 2000)
    .catch(() => pieces());
  expect(all.every((m) => (m.flags & EPHEMERAL) === EPHEMERAL)).toBe(true);
  return joined(all);
}

/**
 * A message as text: a lone code block is kubectl's output exactly; a message with a note beside
 * its code block (a hint, a sandbox note) loses its fence lines.
 */
const plain = (content: string) => {
  try {
    return codeOf(content);
  } catch {
    return content
      .split('\n')
      .filter((l) => l !== '```')
      .join('\n');
  }
};
/** Blank lines between a reply's parts are presentation (a platform separates blocks its own way). */
const parts = (text: string) => text.replace(/\n{2,}/g, '\n');

function invoke(step: Extract<Step, { kind: 'command' }>) {
  const line = step.line;
  if (line.startsWith('curl ')) return h.fake.command(alice, 'curl', { args: line.slice(5) });
  const command = line.replace(/^kubectl /, '');
  if (step.manifest === null) return h.fake.command(alice, 'kubectl', { command });
  const file = h.fake.attachment('pod.yaml', step.manifest);
  return h.fake.command(alice, 'kubectl', { command: command.replace('-f -', '-f pod.yaml'), file });
}

describe('the course-notes walkthrough on Discord', () => {
  it('GIVEN the walkthrough done with /kubectl, an attached manifest and /curl THEN every reply is the golden transcript’s', async () => {
    let matched = 0;
    const steps = walkthrough();
    for (const step of steps) {
      if (step.kind === 'advance') {
        h.clock.now += step.ms;
        continue;
      }
      const got = await replyOf(step);
      expect(parts(got), step.line).toBe(parts(step.want.text));
      matched++;
    }
    expect(matched).toBe(steps.filter((s) => s.kind === 'command').length);
  });
});
