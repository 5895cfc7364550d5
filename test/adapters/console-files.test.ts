import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileWriter } from '../../src/adapters/console/files.ts';
import { jsonLine } from '../../src/adapters/console/outbox.ts';
import { type Reply, textReply } from '../../src/chat/reply.ts';

const dir = () => join(mkdtempSync(join(tmpdir(), 'podium-files-')), 'files');
const reply: Reply = {
  ...textReply('your map'),
  files: [
    { name: 'map.png', contentType: 'image/png', data: new Uint8Array([0x89, 0x50, 0xff]) },
    { name: 'map.txt', contentType: 'text/plain', data: '노드 worker-1\n' },
  ],
};

describe('console: a reply with files', () => {
  it('GIVEN a PNG and a text file WHEN written THEN both land in the files dir byte for byte, content listed only for text', () => {
    const where = dir();
    const written = fileWriter(where)(reply);
    expect(written.map((f) => f.name)).toEqual(['map.png', 'map.txt']);
    for (const f of written) expect(f.path.startsWith(where)).toBe(true);
    expect([...readFileSync(written[0]?.path ?? '')]).toEqual([0x89, 0x50, 0xff]);
    expect(readFileSync(written[1]?.path ?? '', 'utf8')).toBe('노드 worker-1\n');
    expect(written[0]).not.toHaveProperty('content');
    expect(written[1]?.content).toBe('노드 worker-1\n');
    const line = JSON.parse(jsonLine('alice', '/sandbox map', reply, false, written));
    expect(line.files).toEqual(written);
  });

  it('GIVEN the same reply twice WHEN written THEN the second never overwrites the first', () => {
    const write = fileWriter(dir());
    const first = write(reply);
    const second = write(reply);
    expect(new Set([...first, ...second].map((f) => f.path)).size).toBe(4);
  });

  it('GIVEN a reply without files WHEN written THEN nothing is written and the JSON line has no files key', () => {
    expect(fileWriter(dir())(textReply('x'))).toEqual([]);
    expect(JSON.parse(jsonLine('a', 'b', textReply('x')))).not.toHaveProperty('files');
  });
});
