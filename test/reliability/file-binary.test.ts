import { describe, expect, it } from 'vitest';
import { testApp } from '../helpers/app.ts';
import { dumpDatabase, REPLY_TABLES } from '../helpers/dump.ts';

/** `/file save` keeps text manifests only: NUL bytes or bytes that were not UTF-8 are refused. */
describe('/file save of binary content', () => {
  it.each([
    ['a NUL byte', 'apiVersion: v1\nkind: Pod\u0000\n'],
    ['bytes that were not UTF-8 (decoded as U+FFFD)', 'apiVersion: v1\nkind: Pod # \uFFFD\uFFFD\n'],
  ])('GIVEN %s THEN it is refused in words and nothing is saved', (_what, content) => {
    const t = testApp();
    t.say('alice', 'kubectl get po');
    const before = dumpDatabase(t.app.db, REPLY_TABLES);
    const reply = t.send('alice', `/file save pod.yaml\n\`\`\`yaml\n${content}\`\`\``);
    expect(reply.ok).toBe(false);
    expect(reply.blocks[0]?.text).toBe(
      '`pod.yaml` was not saved: it is not text (it has NUL bytes or is not valid UTF-8). Save a YAML or JSON manifest. Nothing was changed.',
    );
    expect(dumpDatabase(t.app.db, REPLY_TABLES)).toBe(before);
  });
});
