import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it, vi } from 'vitest';
import { CHAT_COMMANDS } from '../../commands/index.ts';
import { execute } from '../../src/chat/dispatch.ts';
import { type Reply, replyText } from '../../src/chat/reply.ts';
import { workerPool } from '../../src/executor/pool.ts';
import { loadMigrations, migrate } from '../../src/store/migrate.ts';
import { FLUSH, replyToStore, storedReply } from '../../src/store/shares.ts';
import { testApp } from '../helpers/app.ts';
import { tempDbPath } from '../helpers/console.ts';

const HOLD_WORKER = new URL('./hold-worker.ts', import.meta.url);

/**
 * Replies kept for the Share button are held in memory and written later, several at a time
 * (src/store/shares.ts): a read command stays a read, and nothing the member sees changes.
 */
const shareId = (reply: Reply): number => {
  const action = reply.choices.find((c) => c.id === 'share')?.action ?? '';
  const match = /^\/share (\d+)$/.exec(action);
  if (match === null) throw new Error(`no Share button on ${JSON.stringify(reply)}`);
  return Number(match[1]);
};

const codeOf = (reply: Reply): string => reply.blocks.find((b) => b.kind === 'code')?.text ?? '';

const rows = (db: BetterSqlite3.Database): number =>
  (db.prepare('SELECT count(*) AS n FROM shared_replies').get() as { n: number }).n;

const dataVersion = (db: BetterSqlite3.Database): number =>
  db.pragma('data_version', { simple: true }) as number;

describe('replies kept for Share, held in memory', () => {
  it('GIVEN two bots on one database file WHEN both answer many commands, and after a restart THEN no Share id is given twice, and every reply is there to share', () => {
    const path = tempDbPath('podium-share-ids-');
    const a = testApp(path);
    const b = testApp(path);
    const ids: number[] = [];
    // More than a block of ids each, interleaved, so that both reserve several blocks.
    for (let i = 0; i < FLUSH.idBlock * 2 + 10; i++) {
      ids.push(shareId(a.send('alice', 'kubectl get po')));
      ids.push(shareId(b.send('bob', 'kubectl get po')));
    }
    a.app.close();
    b.app.close();
    const again = testApp(path);
    for (let i = 0; i < 5; i++) ids.push(shareId(again.send('carol', 'kubectl get po')));
    expect(new Set(ids).size).toBe(ids.length);
    again.app.close();
    const check = testApp(path);
    expect(rows(check.app.db)).toBe(ids.length);
    const last = ids.at(-1) ?? 0;
    expect(replyText(check.send('carol', `/share ${last}`))).toBe(
      'carol shared:\n\nNo resources found in default namespace.',
    );
  });

  it('GIVEN a held reply WHEN shared before it is written, and another after THEN both post once, and the written row stays shared', () => {
    const { app, send } = testApp();
    const early = shareId(send('alice', 'kubectl get po'));
    const late = shareId(send('alice', 'kubectl get po nope'));
    expect(app.group.shares.holding).toBe(2);
    expect(replyText(send('alice', `/share ${early}`))).toBe(
      'alice shared:\n\nNo resources found in default namespace.',
    );
    // The share command wrote its own held row; the other waits for the timer (or a full buffer).
    expect(app.group.shares.holding).toBe(1);
    expect(rows(app.db)).toBe(1);
    app.group.shares.flush();
    expect(rows(app.db)).toBe(2);
    expect(replyText(send('alice', `/share ${early}`))).toBe(
      'You already shared that output in the channel.',
    );
    expect(replyText(send('alice', `/share ${late}`))).toBe(
      'alice shared:\n\nError from server (NotFound): pods "nope" not found',
    );
    const third = shareId(send('alice', 'kubectl get po'));
    app.group.shares.flush();
    expect(app.group.shares.holding).toBe(0);
    expect(send('alice', `/share ${third}`).visibility).toBe('public');
    expect(send('alice', `/share ${third}`).ok).toBe(false);
  });

  it('GIVEN held replies WHEN a command that writes rolls back, and then one commits THEN they are held still (a command writes only its own changes), and written by the timer', async () => {
    const { app, send } = testApp();
    const id = shareId(send('alice', 'kubectl get po'));
    const request = {
      platform: 'console' as const,
      scope: 'test',
      channel: 'general',
      user: 'alice',
      userName: 'alice',
      text: 'kubectl run web --image=nginx',
      attachments: [],
    };
    // The worker's last check before a commit (its budget ran out) throws: the transaction rolls
    // back, and the reply it kept is forgotten.
    const stopped = execute(app, CHAT_COMMANDS, request, () => {
      throw new Error('the budget ran out');
    });
    expect(stopped.reply.ok).toBe(false);
    expect(rows(app.db)).toBe(0);
    expect(app.group.shares.holding).toBe(1);
    expect(send('alice', 'kubectl run web --image=nginx').ok).toBe(true);
    // The write committed its own changes only: both replies are held still.
    expect(app.group.shares.holding).toBe(2);
    expect(rows(app.db)).toBe(0);
    await vi.waitFor(() => expect(app.group.shares.holding).toBe(0));
    expect(rows(app.db)).toBe(2);
    expect(send('alice', `/share ${id}`).visibility).toBe('public');
  });

  it('GIVEN a write that reserved ids along WHEN it rolls back THEN that block is never used, so another bot’s ids never meet these', () => {
    const path = tempDbPath('podium-share-along-rollback-');
    const a = testApp(path);
    const ids: number[] = [];
    a.send('alice', 'kubectl run web --image=nginx');
    // Past half a block: the next write reserves another block along.
    for (let i = 0; i < FLUSH.idBlock / 2 + 1; i++) ids.push(shareId(a.send('alice', 'kubectl get po web')));
    const stopped = execute(
      a.app,
      CHAT_COMMANDS,
      {
        platform: 'console',
        scope: 'test',
        channel: 'general',
        user: 'alice',
        text: 'kubectl label po web x=y',
        attachments: [],
      },
      () => {
        throw new Error('the budget ran out');
      },
    );
    expect(stopped.reply.ok).toBe(false);
    // The rolled-back reservation is free again: the other bot reserves the same block.
    const b = testApp(path);
    for (let i = 0; i < FLUSH.idBlock * 2; i++) {
      ids.push(shareId(a.send('alice', 'kubectl get po web')));
      ids.push(shareId(b.send('bob', 'kubectl get po')));
    }
    expect(new Set(ids).size).toBe(ids.length);
    a.app.close();
    b.app.close();
  });

  it('GIVEN a bot answering WHEN it closes THEN what it held is written, and shared after a restart', () => {
    const path = tempDbPath('podium-share-close-');
    const first = testApp(path);
    const ok = shareId(first.send('alice', 'kubectl get po'));
    const failed = shareId(first.send('alice', 'kubectl get po nope'));
    expect(first.app.group.shares.holding).toBe(2);
    first.app.close();
    const second = testApp(path);
    expect(second.send('alice', `/share ${ok}`).visibility).toBe('public');
    expect(replyText(second.send('alice', `/share ${failed}`))).toBe(
      'alice shared:\n\nError from server (NotFound): pods "nope" not found',
    );
  });

  it('GIVEN a pool of workers WHEN it closes THEN each worker writes what it held first', async () => {
    const path = tempDbPath('podium-share-pool-');
    const t = testApp(path);
    const pool = workerPool(t.app, { dbPath: path, workers: 1, spare: false, entry: HOLD_WORKER });
    const reply = await pool.run({
      platform: 'discord',
      scope: 'test',
      channel: 'general',
      user: 'alice',
      userName: 'alice',
      text: 'kubectl get po',
      attachments: [],
    });
    const id = shareId(reply);
    // The worker holds it (for an hour, in this test): not written yet.
    expect(rows(t.app.db)).toBe(0);
    await pool.close();
    expect(t.app.group.shares.get(id, t.clock.now)?.reply.blocks).toEqual(reply.blocks);
    t.app.close();
  });

  it('GIVEN a sandbox WHEN a run of read commands is answered THEN none of them writes (another connection sees no change), and the reply that fills the buffer writes them all', () => {
    const path = tempDbPath('podium-share-reads-');
    const { app, send } = testApp(path);
    send('alice', 'kubectl run web --image=nginx');
    // The first reply reserved this connection's ids (after its commit) and is held.
    const other = new BetterSqlite3(path);
    const before = dataVersion(other);
    // Three short of a full buffer: the run's reply, these, and the label's leave one place.
    const reads = FLUSH.rows - 3;
    for (let i = 0; i < reads; i++) expect(send('alice', 'kubectl get po web').ok).toBe(true);
    expect(dataVersion(other)).toBe(before);
    expect(rows(other)).toBe(0);
    expect(app.group.shares.holding).toBe(reads + 1);
    // A write commits its own changes only.
    send('alice', 'kubectl label po web tier=front');
    expect(dataVersion(other)).not.toBe(before);
    expect(rows(other)).toBe(0);
    expect(app.group.shares.holding).toBe(reads + 2);
    // The next reply fills the buffer: all of them, in one transaction after that command.
    send('alice', 'kubectl get po web');
    expect(rows(other)).toBe(FLUSH.rows);
    expect(app.group.shares.holding).toBe(0);
    other.close();
    app.close();
  });

  it('GIVEN reads among writes WHEN many blocks of ids are given THEN no read writes but a full buffer: new ids are reserved along with the writes or the batch', () => {
    const path = tempDbPath('podium-share-along-');
    const { app, send } = testApp(path);
    send('alice', 'kubectl run web --image=nginx');
    const other = new BetterSqlite3(path);
    const ids = new Set<number>();
    let batches = 0;
    for (let i = 0; i < FLUSH.idBlock * 3; i++) {
      const before = dataVersion(other);
      ids.add(shareId(send('alice', 'kubectl get po web')));
      // A read that left the data changed wrote the held replies, the batch its reply completed:
      // nothing is held after it (a read's own transaction writing would leave them held).
      if (dataVersion(other) !== before) {
        batches++;
        expect(app.group.shares.holding, `read ${i}`).toBe(0);
      }
      if (i % 3 === 2) ids.add(shareId(send('alice', `kubectl label po web step=s${i} --overwrite`)));
    }
    expect(ids.size).toBe(FLUSH.idBlock * 4);
    expect(batches).toBeGreaterThan(5);
    other.close();
    app.close();
  });

  it('GIVEN only reads WHEN enough replies are held THEN they are written in one transaction of their own, after a command', () => {
    const { app, send } = testApp();
    send('alice', 'kubectl get po');
    for (let i = 1; i < FLUSH.rows; i++) send('alice', 'kubectl get po');
    expect(app.group.shares.holding).toBe(0);
    expect(rows(app.db)).toBe(FLUSH.rows);
  });

  it('GIVEN a bot at rest WHEN it has answered THEN its reply is written shortly after, on a timer', async () => {
    const { app, send } = testApp();
    send('alice', 'kubectl get po');
    expect(app.group.shares.holding).toBe(1);
    await vi.waitFor(() => expect(app.group.shares.holding).toBe(0));
    expect(rows(app.db)).toBe(1);
  });

  it('GIVEN a bot at rest WHEN a flush wrote the held replies before their timer, and a read was answered after THEN the timer writes that one too, each time', async () => {
    const { app, send } = testApp();
    for (let round = 0; round < 3; round++) {
      send('alice', 'kubectl get po');
      send('alice', `kubectl run web${round} --image=nginx`);
      // Written before the timer fired: it is stopped, and the next reply must start it again.
      app.group.shares.flush();
      expect(app.group.shares.holding).toBe(0);
      send('alice', 'kubectl get po');
      expect(app.group.shares.holding).toBe(1);
      await vi.waitFor(() => expect(app.group.shares.holding).toBe(0));
    }
    expect(rows(app.db)).toBe(9);
  });

  it('GIVEN replies older than a week WHEN replies are written THEN the old rows are deleted with them', () => {
    const { app, send, advance } = testApp();
    send('alice', 'kubectl get po');
    app.group.shares.flush();
    advance(7 * 24 * 3600 * 1000 + 60_001);
    send('alice', 'kubectl get po');
    app.group.shares.flush();
    expect(rows(app.db)).toBe(1);
  });

  it('GIVEN replies older than a week WHEN a command that writes commits THEN the old rows are deleted in its commit', () => {
    const { app, send, advance } = testApp();
    send('alice', 'kubectl run web --image=nginx');
    send('alice', 'kubectl label po web a=b');
    app.group.shares.flush();
    expect(rows(app.db)).toBe(2);
    advance(7 * 24 * 3600 * 1000 + 60_001);
    send('alice', 'kubectl get po web');
    send('alice', 'kubectl label po web c=d');
    expect(rows(app.db)).toBe(0);
    expect(app.group.shares.holding).toBe(2);
    app.group.shares.flush();
    expect(rows(app.db)).toBe(2);
  });

  it('GIVEN replies with kubectl output, a guide line and choices WHEN written and read back after a restart THEN each is the reply kept, its output stored apart from the JSON of the rest', () => {
    const path = tempDbPath('podium-share-code-');
    const first = testApp(path);
    first.send('alice', 'kubectl run web --image=nginx');
    const table = first.send('alice', 'kubectl get po -o wide');
    const failed = first.send('alice', 'kubectl get po nope');
    const noted = first.send('alice', 'kubectl get deploy');
    const ids = [table, failed, noted].map(shareId);
    const kept = ids.map((id) => first.app.group.shares.get(id, first.app.clock())?.reply);
    first.app.close();
    const second = testApp(path);
    ids.forEach((id, i) => {
      expect(second.app.group.shares.get(id, second.app.clock())?.reply).toEqual(kept[i]);
    });
    const row = second.app.db
      .prepare<[number], { reply: string; code: string | null }>(
        'SELECT reply, code FROM shared_replies WHERE id = ?',
      )
      .get(ids[0] ?? 0);
    expect(row?.code).toMatch(/^NAME +READY +STATUS[^\n]+\nweb /);
    expect(row?.reply).not.toContain('READY');
    expect(
      second.app.db
        .prepare('SELECT code FROM shared_replies WHERE id = ?')
        .pluck()
        .get(ids[2] ?? 0),
    ).toBe('No resources found in default namespace.');
    expect(replyText(second.send('alice', `/share ${ids[0]}`))).toContain(
      `alice shared:\n\n${codeOf(table)}`,
    );
  });

  it('GIVEN a reply with no code block WHEN stored THEN it is its JSON alone, and reads back as it was', () => {
    const words: Reply = {
      ok: false,
      blocks: [{ kind: 'text', text: 'no code here' }],
      choices: [],
      visibility: 'private',
    };
    const stored = replyToStore(words);
    expect(stored.code).toBeNull();
    expect(storedReply(stored.json, stored.code)).toEqual(words);
    const two: Reply = {
      ok: true,
      blocks: [
        { kind: 'text', text: 'before' },
        { kind: 'code', text: 'first' },
        { kind: 'code', text: 'second' },
      ],
      choices: [],
      visibility: 'private',
    };
    expect(replyToStore(two).code).toBe('first');
    expect(storedReply(replyToStore(two).json, 'first')).toEqual(two);
  });

  it('GIVEN a reply stored before its output had a column of its own WHEN read THEN it is the reply as stored', () => {
    const t = testApp();
    const reply: Reply = {
      ok: true,
      blocks: [{ kind: 'code', text: 'NAME   READY\nweb    1/1' }],
      choices: [],
      visibility: 'private',
    };
    t.app.db
      .prepare(
        "INSERT INTO shared_replies (id, platform, scope, channel, user_id, user_name, reply, created_at) VALUES (7, 'console', 'console', 'c', 'alice', 'alice', ?, ?)",
      )
      .run(JSON.stringify(reply), t.app.clock());
    expect(t.app.group.shares.get(7, t.app.clock())?.reply).toEqual(reply);
  });

  it('GIVEN a database with kept replies WHEN migrated THEN new ids start after the last one', () => {
    const loaded = loadMigrations();
    if (!loaded.ok) throw new Error(loaded.error);
    const db = new BetterSqlite3(':memory:');
    migrate(db, loaded.value.slice(0, 9));
    db.prepare(
      "INSERT INTO shared_replies (id, platform, scope, channel, user_id, user_name, reply, created_at) VALUES (41, 'console', 's', 'c', 'u', 'u', '{}', 0)",
    ).run();
    migrate(db, loaded.value);
    expect(db.prepare('SELECT next FROM shared_reply_ids').pluck().get()).toBe(42);
  });
});
