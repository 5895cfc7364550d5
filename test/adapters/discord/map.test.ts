import { PNG } from 'pngjs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ATTACHMENT_BYTES } from '../../../src/adapters/discord/files.ts';
import { STYLE } from '../../../src/map/style.ts';
import { member } from './fake/payloads.ts';
import { expectClean, type Harness, startHarness } from './harness.ts';

/**
 * `/sandbox map` end to end through the real discord.js client and the strict fake: the PNG
 * arrives as an attachment of the interaction's response, within Discord's upload limit, and
 * decodes to the map.
 */
let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterEach(() => {
  expectClean(h.fake);
});
afterAll(async () => {
  await h?.close();
});

describe('Discord: /sandbox map', () => {
  it('GIVEN a pod WHEN /sandbox map selector:env!=prod THEN the reply carries sandbox-map.png, a valid PNG under the limit', async () => {
    const mina = member('300000000000000900', 'mina');
    h.say(mina, 'kubectl run kubia --image=luksa/kubia --labels=env=prod');
    const reply = await h.fake.command(mina, 'sandbox map', { selector: 'env!=prod' }).reply();
    expect(reply.content).toContain('Your sandbox as a picture');
    expect(reply.files.map((f) => f.name)).toEqual(['sandbox-map.png']);
    const bytes = reply.files[0]?.bytes ?? new Uint8Array();
    expect(bytes.length).toBeGreaterThan(1000);
    expect(bytes.length).toBeLessThanOrEqual(ATTACHMENT_BYTES);
    const png = PNG.sync.read(Buffer.from(bytes));
    expect(png.width).toBe(STYLE.width);
  });

  it('GIVEN text:True WHEN /sandbox map THEN a code block tree and no attachment', async () => {
    const jun = member('300000000000000901', 'jun');
    const reply = await h.fake.command(jun, 'sandbox map', { text: true }).reply();
    expect(reply.files).toEqual([]);
    expect(reply.content).toContain('node node01 (worker)');
  });
});
