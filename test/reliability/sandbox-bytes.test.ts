import { describe, expect, it } from 'vitest';
import { testApp } from '../helpers/app.ts';
import { dumpDatabase, REPLY_TABLES } from '../helpers/dump.ts';

/** A sandbox holds at most 2 MiB; the in-memory cache is bounded in bytes, not only in sandboxes. */
const big = (kb: number) => 'x'.repeat(kb * 1024);

function withPods(count: number) {
  const t = testApp();
  for (let i = 0; i < count; i++) t.say('alice', `kubectl run p${i} --image=nginx`);
  return t;
}

describe('sandbox bytes', () => {
  it('GIVEN 100 pods WHEN annotate --all with 255 KB THEN a clear error in the member’s words and nothing changed', () => {
    const t = withPods(100);
    const before = dumpDatabase(t.app.db, REPLY_TABLES);
    const reply = t.send('alice', `kubectl annotate po --all big=${big(255)}`);
    expect(reply.ok).toBe(false);
    expect(reply.blocks[0]?.text).toMatch(
      /^That would make your sandbox 2\d\.\d MiB; the limit is 2\.0 MiB for all its objects, port-forwards and saved files together\. Nothing was changed/,
    );
    expect(dumpDatabase(t.app.db, REPLY_TABLES)).toBe(before);
    expect(t.say('alice', 'kubectl get po p0 -o yaml')).not.toContain('big:');
  });

  it('GIVEN a sandbox near the cap THEN smaller writes and deletes still work, and get -o yaml of all of it stays bounded', () => {
    const t = withPods(10);
    for (let i = 0; i < 7; i++)
      expect(t.send('alice', `kubectl annotate po p${i} big=${big(255)}`).ok).toBe(true);
    expect(t.send('alice', `kubectl annotate po p7 big=${big(255)}`).ok).toBe(false);
    expect(t.send('alice', `kubectl annotate po p7 small=${big(100)}`).ok).toBe(true);
    expect(t.say('alice', 'kubectl delete po p0 --now')).toMatch(/^pod "p0" deleted/);
    expect(t.send('alice', `kubectl annotate po p8 big=${big(150)}`).ok).toBe(true);
    const yaml = t.say('alice', 'kubectl get po -o yaml');
    expect(yaml.length).toBeLessThan(3 * 1024 * 1024);
  });
});
