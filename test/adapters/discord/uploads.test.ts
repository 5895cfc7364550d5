import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_MAX, MAX_PIECES } from '../../../src/adapters/discord/render.ts';
import { textReply } from '../../../src/chat/reply.ts';
import { member } from './fake/payloads.ts';
import { CHANNEL_ID, GUILD_ID } from './fake/state.ts';
import { expectClean, type Harness, startHarness } from './harness.ts';

/**
 * An upload Discord refuses (413, code 40005 "Request entity too large", past the server's upload
 * limit) through the real discord.js client: the member still gets the output, cut to fit in a
 * few messages, and is told that a file could not be sent and why.
 */
let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterEach(() => {
  h.fake.state.uploadLimit = 10_485_760;
  // The refused uploads are the point of these tests; nothing else may have been refused.
  const refused = h.fake.state.rejections.filter((r) => r.status === 413);
  expect(refused.every((r) => (r.body as { code: number }).code === 40005)).toBe(true);
  h.fake.state.rejections = h.fake.state.rejections.filter((r) => r.status !== 413);
  expectClean(h.fake);
});
afterAll(async () => {
  await h?.close();
});

describe('Discord: an upload Discord refuses', () => {
  it('GIVEN a server whose upload limit is below the output WHEN the output would go as output.txt THEN it arrives as messages cut to fit, led by why', async () => {
    const gina = member('300000000000000950', 'gina');
    const expected = h.say(gina, 'kubectl get po -A -o json');
    expect(expected.length).toBeGreaterThan(MAX_PIECES * CONTENT_MAX);
    h.fake.state.uploadLimit = 1000;
    const handle = h.fake.command(gina, 'kubectl', { command: 'get po -A -o json' });
    const first = await handle.reply();
    expect(first.files).toEqual([]);
    expect(first.content).toMatch(
      /^Discord did not take the output as a file \(Request entity too large\), so here is as much as fits in a few messages\./,
    );
    const messages = await h.fake.waitFor(() => {
      const all = [first, ...handle.record.followups];
      return all.some((m) => m.content.includes('more lines, not shown here')) ? all : null;
    });
    expect(messages.length).toBeLessThanOrEqual(MAX_PIECES);
    for (const m of messages) expect(m.content.length).toBeLessThanOrEqual(CONTENT_MAX);
    // What is shown is the output's beginning, line for line.
    const shown = messages
      .map((m) => /```\n([\s\S]*?)\n```/.exec(m.content)?.[1] ?? '')
      .filter((c) => c !== '')
      .join('\n');
    expect(shown.length).toBeGreaterThan(1000);
    expect(expected.startsWith(shown)).toBe(true);
    expect(h.fake.state.rejections.filter((r) => r.status === 413)).toHaveLength(1);
  });

  it('GIVEN a channel post too long for one message WHEN Discord refuses it as a file THEN one message arrives, cut to fit and saying why', async () => {
    const lines = Array.from({ length: 80 }, (_, i) => `line ${i} ${'x'.repeat(40)}`).join('\n');
    h.fake.state.uploadLimit = 100;
    const channel = { platform: 'discord' as const, scope: GUILD_ID, channel: CHANNEL_ID };
    const sent = await h.bot.outbox.post(channel, textReply(lines));
    const message = h.fake.state.messages.get(sent.id);
    expect(message?.files).toEqual([]);
    expect(message?.content).toMatch(
      /^Discord did not take the output as a file \(Request entity too large\)/,
    );
    expect(message?.content).toContain('line 0 xxx');
    expect(message?.content).toMatch(/… and \d+ more lines, not shown here\.$/);
    expect(message?.content.length).toBeLessThanOrEqual(CONTENT_MAX);
    expect(h.fake.state.rejections.filter((r) => r.status === 413)).toHaveLength(1);
  });

  it('GIVEN a server whose upload limit is below the picture WHEN /sandbox map THEN the text arrives and a line says 1 file could not be sent and why', async () => {
    const mina = member('300000000000000951', 'mina');
    h.fake.state.uploadLimit = 100;
    const handle = h.fake.command(mina, 'sandbox map');
    const reply = await handle.reply();
    expect(reply.files).toEqual([]);
    expect(reply.content).toContain('Your sandbox as a picture');
    const [note] = await handle.followups(1);
    expect(note?.content).toBe('1 file could not be sent. Discord answered: Request entity too large');
    expect(h.fake.state.rejections.filter((r) => r.status === 413)).toHaveLength(1);
  });
});
