import { describe, expect, it } from 'vitest';
import { createIdTable } from '../../../src/adapters/discord/custom-id.ts';
import {
  ATTACHMENT_BYTES,
  MAX_ATTACHMENTS,
  renderWithFiles,
  replyAttachments,
} from '../../../src/adapters/discord/files.ts';
import { type Reply, type ReplyFile, textReply } from '../../../src/chat/reply.ts';

const options = () => ({ ids: createIdTable(), lang: 'en' as const });
const png = (name: string, size: number): ReplyFile => ({
  name,
  contentType: 'image/png',
  data: new Uint8Array(size),
});
const withFiles = (files: ReplyFile[], text = 'the map'): Reply => ({ ...textReply(text), files });

describe('Discord attachments for a reply', () => {
  it('GIVEN two files WHEN rendered THEN both ride on the only message, bytes unchanged, names made safe', () => {
    const [only, ...rest] = renderWithFiles(
      withFiles([
        png('map.png', 5),
        { name: '../../etc/passwd yaml', contentType: 'text/plain', data: 'hi' },
      ]),
      options(),
    );
    expect(rest).toEqual([]);
    expect(only?.files.map((f) => [f.name, f.data.length])).toEqual([
      ['map.png', 5],
      ['_.._etc_passwd_yaml', 2],
    ]);
  });

  it('GIVEN output long enough to span messages WHEN rendered THEN the files ride on the last one only', () => {
    const long = Array.from({ length: 60 }, (_, i) => `line ${i} ${'x'.repeat(50)}`).join('\n');
    const messages = renderWithFiles(withFiles([png('map.png', 3)], long), options());
    expect(messages.length).toBeGreaterThan(1);
    expect(messages.map((m) => m.files.length)).toEqual([...messages.slice(1).map(() => 0), 1]);
  });

  it('GIVEN more than ten files or more than 10 MiB WHEN attached THEN the rest are left out and the reply says how many', () => {
    const many = Array.from({ length: MAX_ATTACHMENTS + 2 }, (_, i) => png(`f${i}.png`, 1));
    expect(replyAttachments(many)).toMatchObject({ leftOut: 2 });
    const big = [png('a.png', ATTACHMENT_BYTES - 10), png('b.png', 11), png('c.png', 10)];
    const { attachments, leftOut } = replyAttachments(big);
    expect(attachments.map((a) => a.name)).toEqual(['a.png', 'c.png']);
    expect(leftOut).toBe(1);
    const [message] = renderWithFiles(withFiles(many), options());
    expect(message?.files).toHaveLength(MAX_ATTACHMENTS);
    expect(message?.message.content).toContain('2 files were left out');
  });

  it('GIVEN a reply without files WHEN rendered THEN no attachment and no note', () => {
    const [message] = renderWithFiles(textReply('plain'), options());
    expect(message?.files).toEqual([]);
    expect(message?.message.content).toBe('plain');
  });
});
