import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STYLE } from '../../../src/map/style.ts';
import { ALICE, CHANNEL, type Harness, startHarness } from './harness.ts';

/**
 * `/sandbox map` end to end through the real Bolt client: the text answers the slash command,
 * and the PNG is uploaded to the channel with files.uploadV2 (Slack takes files up to 1 GB; the
 * map stays under 1 MB), bytes intact.
 */
let h: Harness;
beforeAll(async () => {
  h = await startHarness('socket');
});
afterAll(async () => {
  await h.close();
  expect(h.guard.outside()).toEqual([]);
});

describe('Slack: /sandbox map', () => {
  it('GIVEN a pod WHEN /sandbox map THEN the caption is posted and sandbox-map.png is uploaded to the channel', async () => {
    await h.command(ALICE, '/kubectl', 'run kubia --image=luksa/kubia --port=8080');
    const since = h.fake.state.posts.length;
    const first = await h.command(ALICE, '/sandbox', 'map');
    expect(first.text + JSON.stringify(first.blocks)).toContain('Your sandbox as a picture');
    const upload = await h.fake.waitFor((p) => p.via === 'files', since);
    expect(upload.channel).toBe(CHANNEL);
    expect(upload.file?.name).toBe('sandbox-map.png');
    const bytes = upload.file?.bytes ?? Buffer.alloc(0);
    expect(bytes.length).toBeLessThan(1024 * 1024);
    expect(PNG.sync.read(bytes).width).toBe(STYLE.width);
    expect(h.fake.state.refused).toEqual([]);
  });
});
