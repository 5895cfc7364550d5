import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChatCommand } from '../../../src/chat/context.ts';
import { type Reply, textReply } from '../../../src/chat/reply.ts';
import { ok } from '../../../src/result.ts';
import { ALICE, CHANNEL, type Harness, startHarness } from './harness.ts';

/**
 * A reply's files through the real Bolt client: uploaded with files.uploadV2 (getUploadURLExternal,
 * the bytes, completeUploadExternal) into the channel when the reply is public, into the member's
 * DM when it is private. Any bytes work, so the "picture" is a few non-UTF-8 bytes.
 */
const PICTURE = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0xff, 0x00, 0xfe]);

const withFiles = (visibility: 'public' | 'private', count: number): Reply => ({
  ...textReply('here is your picture', true, visibility),
  files: Array.from({ length: count }, (_, i) => ({
    name: i === 0 ? 'map.png' : `map ${i}.png`,
    contentType: 'image/png',
    data: PICTURE,
  })),
});

/** Stands in for `/sandbox` (a registered slash command): `/sandbox public|private N` answers with N files. */
const pictures: ChatCommand = {
  name: 'sandbox',
  run: (_ctx, args) => {
    const [visibility, count] = args.split(' ');
    return ok(withFiles(visibility === 'private' ? 'private' : 'public', Number(count ?? 1)));
  },
};

let h: Harness;
beforeAll(async () => {
  h = await startHarness('http', { commands: [pictures] });
});
afterAll(async () => {
  await h.close();
  expect(h.guard.outside()).toEqual([]);
});

describe('Slack: a reply with files', () => {
  it('GIVEN a public reply with a PNG WHEN answered THEN the text goes to the channel and the bytes are uploaded there unchanged', async () => {
    const since = h.fake.state.posts.length;
    const first = await h.command(ALICE, '/sandbox', 'public 1');
    expect(first.text).toContain('here is your picture');
    const upload = await h.fake.waitFor((p) => p.via === 'files', since);
    expect(upload.channel).toBe(CHANNEL);
    expect(upload.file?.name).toBe('map.png');
    expect(new Uint8Array(upload.file?.bytes ?? [])).toEqual(PICTURE);
    expect(h.fake.state.refused).toEqual([]);
  });

  it('GIVEN a private reply with files WHEN answered THEN they go to the member DM, never the channel, and the ephemeral text says so', async () => {
    const since = h.fake.state.posts.length;
    const first = await h.command(ALICE, '/sandbox', 'private 2');
    expect(first.ephemeral).toBe(true);
    expect(first.text + JSON.stringify(first.blocks)).toContain('direct messages');
    await h.fake.waitFor((p) => p.via === 'files' && p.file?.name === 'map_1.png', since);
    const uploads = h.fake.state.posts.slice(since).filter((p) => p.via === 'files');
    expect(uploads.map((p) => p.file?.name)).toEqual(['map.png', 'map_1.png']);
    for (const upload of uploads) expect(upload.channel).toBe(`D${ALICE.id.slice(1)}`);
    expect(h.fake.state.directs.get(`D${ALICE.id.slice(1)}`)).toBe(ALICE.id);
    expect(h.fake.state.refused).toEqual([]);
  });

  it('GIVEN twelve files WHEN answered THEN all twelve arrive (uploads in batches of ten)', async () => {
    const since = h.fake.state.posts.length;
    await h.command(ALICE, '/sandbox', 'public 12');
    await h.fake.waitFor((p) => p.via === 'files' && p.file?.name === 'map_11.png', since);
    expect(h.fake.state.posts.slice(since).filter((p) => p.via === 'files')).toHaveLength(12);
  });
});
