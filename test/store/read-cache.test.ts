import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { testApp } from '../helpers/app.ts';
import { tempDbPath } from '../helpers/console.ts';

/**
 * What every message reads (a channel's settings and language, a member's guide choice) is cached
 * per connection, and the cache answers what SQLite holds, whoever wrote it and however it ended.
 */
const general = { platform: 'console' as const, scope: 'test', channel: 'general' };
const alice = { platform: 'console' as const, scope: 'test', user: 'alice' };

describe('cached reads of settings, channel language and guide choice', () => {
  it('GIVEN cached settings WHEN a moderator changes them THEN the next read sees the change', () => {
    const t = testApp(':memory:', ['mia']);
    expect(t.app.group.settings.get(general).output).toBe('private');
    t.send('mia', '/settings output public');
    expect(t.app.group.settings.get(general).output).toBe('public');
    expect(t.send('alice', 'kubectl get po').visibility).toBe('public');
    t.send('mia', '/settings output private');
    expect(t.send('alice', 'kubectl get po').visibility).toBe('private');
  });

  it('GIVEN changes made in a transaction that rolls back THEN the caches never hold them', () => {
    const t = testApp();
    expect(t.app.group.settings.get(general).output).toBe('private');
    expect(t.app.channels.lang(general)).toBeUndefined();
    expect(t.app.members.guide(alice)).toBeUndefined();
    expect(() =>
      t.app.db.transaction(() => {
        t.app.group.settings.put(general, { ...t.app.group.settings.get(general), output: 'public' });
        t.app.channels.setLang(general, 'ko');
        t.app.members.setGuide(alice, false);
        expect(t.app.group.settings.get(general).output).toBe('public');
        expect(t.app.channels.lang(general)).toBe('ko');
        expect(t.app.members.guide(alice)).toBe(false);
        throw new Error('rolled back');
      })(),
    ).toThrow('rolled back');
    expect(t.app.group.settings.get(general).output).toBe('private');
    expect(t.app.channels.lang(general)).toBeUndefined();
    expect(t.app.members.guide(alice)).toBeUndefined();
  });

  it('GIVEN another connection (a sibling worker) changes them THEN this one reads the change', () => {
    const path = tempDbPath('podium-read-cache-');
    const t = testApp(path);
    expect(t.app.group.settings.get(general).output).toBe('private');
    expect(t.app.channels.lang(general)).toBeUndefined();
    expect(t.app.members.guide(alice)).toBeUndefined();
    expect(t.send('alice', 'kubectl get po').visibility).toBe('private');
    const sibling = new BetterSqlite3(path);
    sibling
      .prepare(
        "INSERT INTO channel_settings (platform, scope, channel, output) VALUES ('console', 'test', 'general', 'public')",
      )
      .run();
    sibling
      .prepare(
        "INSERT INTO channels (platform, scope, channel, lang) VALUES ('console', 'test', 'general', 'ko')",
      )
      .run();
    sibling
      .prepare("INSERT INTO members (platform, scope, user_id, guide) VALUES ('console', 'test', 'alice', 0)")
      .run();
    sibling.close();
    // The next command reads the change (a command asks SQLite for the data version once).
    expect(t.send('alice', 'kubectl get po').visibility).toBe('public');
    expect(t.app.group.settings.get(general).output).toBe('public');
    expect(t.app.channels.lang(general)).toBe('ko');
    expect(t.app.members.guide(alice)).toBe(false);
  });
});
