import type { Database } from 'better-sqlite3';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CHAT_COMMANDS } from '../../commands/index.ts';
import type { App, ChatCommand } from '../../src/chat/context.ts';
import { dispatch } from '../../src/chat/dispatch.ts';
import { replyText, textReply } from '../../src/chat/reply.ts';
import { ok } from '../../src/result.ts';
import { commitsMissed, dataVersionOf, oneVersionDuring } from '../../src/store/data-version.ts';
import { openDatabase } from '../../src/store/db.ts';
import { testApp } from '../helpers/app.ts';
import { tempDbPath } from '../helpers/console.ts';

/**
 * A command whose reads all come from caches does not ask SQLite whether anything changed when
 * no connection of the process has written since it last asked (src/store/data-version.ts).
 * What it must never do: miss a write of this process, or build on a write it missed.
 */
const opened = (path: string): Database => {
  const db = openDatabase(path);
  if (!db.ok) throw new Error(db.error);
  return db.value;
};
/** The data version one command of `db` works on. */
const command = (db: Database): number => oneVersionDuring(db, () => dataVersionOf(db));
const write = (db: Database, user: string) =>
  db
    .prepare("INSERT INTO members (platform, scope, user_id, guide) VALUES ('console', 'test', ?, 0)")
    .run(user);

/** `/probe` sent by alice, `probe` beside every real command. */
const runProbe = (app: App, probe: ChatCommand) =>
  dispatch(app, [probe, ...CHAT_COMMANDS], {
    platform: 'console',
    scope: 'test',
    channel: 'general',
    user: 'alice',
    text: '/probe',
    attachments: [],
  });

afterEach(() => {
  vi.restoreAllMocks();
});

describe('the data version a command works on', () => {
  it('GIVEN two connections of the process WHEN one writes, by statement, transaction or exec THEN the other’s next command sees the new version', () => {
    const path = tempDbPath('podium-data-version-');
    const a = opened(path);
    const b = opened(path);
    const writes: ((db: Database) => void)[] = [
      (db) => write(db, 'alice'),
      (db) => db.transaction(() => write(db, 'bob'))(),
      (db) => db.transaction(() => write(db, 'carol')).immediate(),
      (db) => db.exec("UPDATE members SET guide = 1 WHERE user_id = 'alice'"),
      (db) => db.pragma('user_version = 99'),
    ];
    for (const made of writes) {
      const before = command(a);
      expect(command(a)).toBe(before);
      made(b);
      expect(command(a)).not.toBe(before);
    }
    a.close();
    b.close();
  });

  it('GIVEN a connection from outside the process WHEN it commits THEN a cached command may miss it for under a second, a statement never does', () => {
    const path = tempDbPath('podium-data-version-');
    const a = opened(path);
    const outside = new BetterSqlite3(path);
    const before = command(a);
    write(outside, 'dave');
    // Vouched for: nothing of this process wrote, and SQLite was asked a moment ago.
    expect(command(a)).toBe(before);
    // A command's first statement asks: what it read from caches is then known to be stale.
    oneVersionDuring(a, () => {
      expect(dataVersionOf(a)).toBe(before);
      a.prepare('SELECT count(*) FROM members').get();
      expect(commitsMissed(a)).toBe(true);
      expect(dataVersionOf(a)).not.toBe(before);
    });
    const now = command(a);
    write(outside, 'erin');
    expect(command(a)).toBe(now);
    const later = performance.now() + 1001;
    vi.spyOn(performance, 'now').mockReturnValue(later);
    expect(command(a)).not.toBe(now);
    outside.close();
    a.close();
  });

  it('GIVEN a connection that wrote itself THEN its own commit leaves the version it vouches for standing', () => {
    const path = tempDbPath('podium-data-version-');
    const a = opened(path);
    const outside = new BetterSqlite3(path);
    const before = command(a);
    write(a, 'frank');
    write(outside, 'gina');
    // Its own commit does not move its data version, and nobody else of the process wrote.
    expect(command(a)).toBe(before);
    outside.close();
    a.close();
  });

  it('GIVEN a command built on caches another connection changed WHEN its first statement finds out THEN dispatch runs it again and only the second run counts', () => {
    const path = tempDbPath('podium-data-version-');
    const t = testApp(path);
    const outside = new BetterSqlite3(path);
    const runs: string[] = [];
    const probe: ChatCommand = {
      name: 'probe',
      run: (ctx) => {
        // A cached read (the member's language), then another connection commits, then a statement.
        const lang = ctx.lang;
        if (runs.length === 0) write(outside, 'hank');
        const members = ctx.app.db.prepare('SELECT count(*) FROM members').pluck().get() as number;
        runs.push(`${lang} ${members}`);
        return ok(textReply(`run ${runs.length}: ${members} members`, true));
      },
    };
    expect(t.say('alice', 'kubectl get po')).toBe('No resources found in default namespace.');
    const reply = runProbe(t.app, probe);
    expect(runs).toEqual(['en 1', 'en 1']);
    expect(replyText(reply)).toBe('run 2: 1 members');
    outside.close();
  });

  it('GIVEN a command whose write SQLite refuses (another connection committed since its snapshot) WHEN dispatch runs it again THEN the second run reads what that connection committed, not the cached sandbox', () => {
    const path = tempDbPath('podium-data-version-');
    const a = testApp(path);
    const sibling = testApp(path);
    const alice = { platform: 'console' as const, scope: 'test', user: 'alice' };
    expect(a.say('alice', 'kubectl run web --image=nginx')).toBe('pod/web created');
    const seen: string[] = [];
    const probe: ChatCommand = {
      name: 'probe',
      run: (ctx) => {
        const sandbox = ctx.app.sandboxes.open(alice, ctx.app.clock());
        const pods = ctx.app.sandboxes
          .load(sandbox, ctx.app.clock())
          .pods.filter((p) => p.metadata.namespace === 'default')
          .map((p) => p.metadata.name)
          .sort();
        seen.push(pods.join(','));
        // The transaction's snapshot starts here; then the sibling commits; then this one writes.
        ctx.app.db.prepare('SELECT count(*) FROM sandboxes').get();
        if (seen.length === 1)
          expect(sibling.say('alice', 'kubectl run db --image=redis')).toBe('pod/db created');
        write(ctx.app.db, `m${seen.length}`);
        return ok(textReply(pods.join(','), true));
      },
    };
    const reply = runProbe(a.app, probe);
    expect(seen).toEqual(['web', 'db,web']);
    expect(replyText(reply)).toBe('db,web');
  });
});
