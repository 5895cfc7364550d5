import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { replyText } from '../../src/chat/reply.ts';
import { testApp } from '../helpers/app.ts';
import { dumpDatabase, REPLY_TABLES } from '../helpers/dump.ts';

/** `/sandbox map --context=NAME`: a read-only picture of a teammate's shared sandbox, as kubectl --context. */
describe('/sandbox map --context', () => {
  const setup = () => {
    const t = testApp();
    t.send('bob', 'kubectl run web --image=nginx --labels=app=web');
    t.send('alice', 'kubectl run mine --image=nginx');
    return t;
  };

  it('GIVEN bob has not shared WHEN alice maps --context=bob THEN kubectl’s error, never her own map, and nothing changes', () => {
    const t = setup();
    const before = dumpDatabase(t.app.db, REPLY_TABLES);
    for (const line of [
      '/sandbox map --context=bob',
      '/sandbox map --context bob --text',
      '/sandbox map --context=nobody',
    ]) {
      const reply = t.send('alice', line);
      expect(reply.ok, line).toBe(false);
      expect(replyText(reply)).toMatch(
        /^Error in configuration: context was not found for specified context: (bob|nobody)\n\nNobody here called/,
      );
      expect(reply.files ?? []).toEqual([]);
    }
    expect(t.send('alice', '/sandbox map --context').ok).toBe(false);
    expect(dumpDatabase(t.app.db, REPLY_TABLES)).toBe(before);
  });

  it('GIVEN bob shared WHEN alice maps --context=bob THEN she sees bob’s pods (not hers), nothing of bob’s changes, and bob sees the look', () => {
    const t = setup();
    t.send('bob', '/sandbox share on');
    const objects = () => JSON.stringify(t.app.db.prepare('SELECT * FROM objects ORDER BY 1, 2, 3, 4').all());
    const before = objects();
    const tree = t.send('alice', '/sandbox map --context=bob --text');
    expect(tree.ok).toBe(true);
    expect(replyText(tree)).toContain('web');
    expect(replyText(tree)).not.toContain('mine');
    const picture = t.send('alice', '/sandbox map -l app=web --context bob');
    expect(replyText(picture)).toMatch(
      /^bob’s shared sandbox as a picture \(read-only\): 1 pod on \d nodes, namespace default\./,
    );
    const png = picture.files?.[0];
    expect(png?.name).toBe('sandbox-map.png');
    expect(PNG.sync.read(Buffer.from(png?.data ?? [])).width).toBeGreaterThan(0);
    expect(objects()).toBe(before);
    // Her own context is her own map.
    expect(replyText(t.send('alice', '/sandbox map --context=alice --text'))).toContain('mine');
    expect(t.say('bob', '/sandbox share')).toContain('/sandbox map --context=bob --text');
  });
});
