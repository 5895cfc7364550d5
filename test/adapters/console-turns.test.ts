import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runConsole } from '../../src/adapters/console/console.ts';
import { createApp } from '../../src/app.ts';
import { createLogger } from '../../src/log.ts';

describe('console: lines piped in at once', () => {
  it('GIVEN three lines in one write WHEN run THEN the event loop turns between their replies, as between chat messages', async () => {
    const app = createApp({ dbPath: ':memory:', log: createLogger('silent') });
    if (!app.ok) throw new Error(app.error);
    const seen: string[] = [];
    // Each reply schedules a mark for the next turn of the event loop: it must come before the
    // next reply (what waits for a turn, such as the finalizers that free a picture's native
    // memory, must not wait for the last line).
    const output = new Writable({
      write(chunk: Buffer, _encoding, done) {
        const input = (JSON.parse(chunk.toString()) as { input: string }).input;
        seen.push(input);
        setImmediate(() => seen.push(`turn after ${input}`));
        done();
      },
    });
    const input = new PassThrough();
    const session = runConsole(app.value, {
      user: 'alice',
      json: true,
      input,
      output,
      interactive: false,
      filesDir: join(mkdtempSync(join(tmpdir(), 'podium-turns-')), 'files'),
    });
    input.end('kubectl get po\nkubectl get ns\nkubectl version\n');
    await session;
    expect(seen).toEqual([
      'kubectl get po',
      'turn after kubectl get po',
      'kubectl get ns',
      'turn after kubectl get ns',
      'kubectl version',
      'turn after kubectl version',
    ]);
  });
});
