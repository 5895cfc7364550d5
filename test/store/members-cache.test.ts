import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { testApp } from '../helpers/app.ts';
import { tempDbPath } from '../helpers/console.ts';

/** The per-member language cache answers what SQLite holds, whoever wrote it and however it ended. */
const alice = { platform: 'console' as const, scope: 'test', user: 'alice' };

describe('member language cache', () => {
  it('GIVEN a cached language WHEN the member changes it THEN the next message reads the new one', () => {
    const t = testApp();
    expect(t.app.members.lang(alice)).toBeUndefined();
    t.send('alice', '/lang ko');
    expect(t.app.members.lang(alice)).toBe('ko');
    t.send('alice', '/lang en');
    expect(t.app.members.lang(alice)).toBe('en');
  });

  it('GIVEN a change made in a transaction that rolls back THEN the cache never holds it', () => {
    const t = testApp();
    t.send('alice', '/lang en');
    expect(t.app.members.lang(alice)).toBe('en');
    expect(() =>
      t.app.db.transaction(() => {
        t.app.members.setLang(alice, 'ko');
        expect(t.app.members.lang(alice)).toBe('ko');
        throw new Error('rolled back');
      })(),
    ).toThrow('rolled back');
    expect(t.app.members.lang(alice)).toBe('en');
  });

  it('GIVEN another connection (a sibling worker) changes the language THEN this one reads the change', () => {
    const path = tempDbPath('podium-langs-');
    const t = testApp(path);
    t.send('alice', '/lang en');
    expect(t.app.members.lang(alice)).toBe('en');
    const sibling = new BetterSqlite3(path);
    sibling.prepare("UPDATE members SET lang = 'ko' WHERE user_id = 'alice'").run();
    sibling.close();
    expect(t.app.members.lang(alice)).toBe('ko');
  });
});
