import { describe, expect, it } from 'vitest';
import { CACHE_LIMITS, SandboxStore } from '../../src/store/sandboxes.ts';
import { T0, testApp } from '../helpers/app.ts';
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

  it('GIVEN members with large sandboxes THEN the cache holds their stored bytes, least recently used out past its byte limit', () => {
    expect(CACHE_LIMITS.bytes).toBe(64 * 1024 * 1024);
    const t = testApp();
    const members = ['ann', 'ben', 'cat', 'dan'];
    for (const user of members) {
      for (let i = 0; i < 4; i++) t.say(user, `kubectl run p${i} --image=nginx`);
      for (let i = 0; i < 3; i++)
        expect(t.send(user, `kubectl annotate po p${i} big=${big(255)}`).ok).toBe(true);
    }
    const storedOf = (user: string) =>
      (
        t.app.db
          .prepare(
            `SELECT (SELECT sum(octet_length(body)) FROM objects WHERE sandbox_id = s.id)
                  + (SELECT coalesce(sum(octet_length(body)), 0) FROM port_forwards WHERE sandbox_id = s.id)
                  + (SELECT coalesce(sum(octet_length(content)), 0) FROM saved_files WHERE sandbox_id = s.id) AS bytes
               FROM sandboxes s WHERE s.user_id = ?`,
          )
          .get(user) as { bytes: number }
      ).bytes;
    const each = members.map(storedOf);
    for (const bytes of each) expect(bytes).toBeGreaterThan(750 * 1024);
    // The app's own cache, filled by the commits: sized by what they stored.
    expect(t.app.sandboxes.cacheSize()).toEqual({ sandboxes: 4, bytes: each.reduce((a, b) => a + b) });

    // A cache of 2 MiB keeps the two most recently used of these (about 0.8 MiB each).
    const store = new SandboxStore(t.app.db, { sandboxes: 200, bytes: 2 * 1024 * 1024 });
    const load = (user: string) =>
      store.load(store.open({ platform: 'console', scope: 'test', user }, T0), T0);
    for (const user of members) {
      const cluster = load(user);
      expect(cluster.pods.filter((p) => p.metadata.annotations.big !== undefined)).toHaveLength(3);
      expect(store.cacheSize().bytes).toBeLessThanOrEqual(2 * 1024 * 1024);
    }
    expect(store.cacheSize()).toEqual({ sandboxes: 2, bytes: (each[2] ?? 0) + (each[3] ?? 0) });
    // An evicted sandbox is read again from SQLite, whole.
    expect(load('ann').pods.map((p) => p.metadata.name)).toContain('p3');
    expect(store.cacheSize()).toEqual({ sandboxes: 2, bytes: (each[3] ?? 0) + (each[0] ?? 0) });
  });
});
