import type { Database } from 'better-sqlite3';
import type { Logger } from 'pino';
import type { Reply } from '../chat/reply.ts';
import type { Request } from '../chat/request.ts';
import { isBusy, transact } from './db.ts';
import { ShareIds } from './share-ids.ts';

/**
 * Private replies kept for their Share button: the button carries only the id (Discord's
 * custom_id holds 100 characters, kubectl output far more), the reply itself stays here.
 *
 * Almost every command keeps one, reads included, so writing each in its command's transaction
 * would turn every read into a write (a WAL commit each, and the checkpoints they bring). A kept
 * reply is held in memory on this connection instead, under an id from a block this connection
 * reserved (`share-ids.ts`), and written later, several at a time:
 *   - on an unref'd timer `FLUSH.afterMs` after the first one is held: a bot at rest writes each
 *     reply within milliseconds of sending it, a busy one in batches;
 *   - in a transaction of their own once `FLUSH.rows` or `FLUSH.bytes` are held, or the block of
 *     ids runs low, always after the command's transaction, never inside a read's;
 *   - with `/share` of a held one, in its transaction (forgotten once it has committed);
 *   - when the app closes (`close`), so that a clean stop loses nothing.
 * A command that writes does not take them along (`alongWrite`): each command pays for its own
 * work only.
 * `/share ID` finds a held reply as well as a written one. A held reply lives on one connection:
 * the pool sends a member's jobs to the worker that served them last (`chooseWorker`), and a click
 * comes long after the few milliseconds a reply is held, so a click on another worker finding
 * nothing is a narrow window. A crash, or a worker stopped by its budget, loses what its
 * connection held (the replies of its last few milliseconds, at most `FLUSH.rows`): their Share
 * buttons then answer that the output is gone.
 */
export interface StoredReply {
  id: number;
  platform: string;
  scope: string;
  user: string;
  userName: string;
  reply: Reply;
  sharedAt: number | null;
}

/** Kept a week: long enough for any button still on screen, short enough to stay small. */
export const SHARE_KEEP_MS = 7 * 24 * 3600 * 1000;

const PRUNE_EVERY_MS = 60_000;

/**
 * When held replies are written (see above), and how many ids a connection reserves at once. A
 * test's worker entry may lengthen `afterMs` to see what a worker still holds when it closes.
 *
 * Under load the command that fills the buffer writes it, and waits for that: `rows` is its
 * share. At 32 those were the slowest commands of B1's mix but for the ones a collection or a
 * checkpoint held up (their p99 0.57-0.62 ms); at 16, 0.42-0.53 ms, for a transaction every 16
 * commands instead of every 32, and the mix's p50 the same.
 */
export const FLUSH = { rows: 16, bytes: 512 * 1024, afterMs: 5, retryMs: 1000, idBlock: 100 };

/** Past this many held replies (the database refusing every write), the oldest are dropped. */
const HOLD_AT_MOST = 10_000;

type Row = {
  id: number;
  platform: string;
  scope: string;
  user_id: string;
  user_name: string;
  reply: string;
  code: string | null;
  created_at: number;
  shared_at: number | null;
};

/**
 * A kept reply not yet written. The reply is turned into JSON when it is written, not when it is
 * kept: a read's reply then costs nothing more on its way to the member (the write that takes it
 * along, or the flush, pays). Measured in B1: JSON made at once cost reads more than it saved;
 * the price of holding the reply itself is that held replies outlive young collections (B1's
 * read-only probe: about 3.5 KB of old generation per read, 1.6 KB when nothing is held).
 */
interface Held {
  id: number;
  platform: string;
  scope: string;
  channel: string;
  user: string;
  userName: string;
  reply: Reply;
  createdAt: number;
  bytes: number;
}

export class ShareStore {
  private readonly insert;
  private readonly byId;
  private readonly mark;
  private readonly prune;
  private readonly totalChanges;

  /** Kept but not yet written (or written in a transaction not yet committed), by id. */
  private readonly held = new Map<number, Held>();
  private heldBytes = 0;
  /** Ids written in the transaction now open, forgotten from `held` once it commits. */
  private readonly written = new Set<number>();
  /** Ids given in the transaction now open: their replies are never sent if it rolls back. */
  private readonly given = new Set<number>();
  /** A block of ids reserved in the transaction now open, usable once it commits. */
  private reservedAlong: [number, number] | undefined;
  private readonly ids;
  /** Whether a write of what is held is due on a timer (`arm`); the timers, by their delay. */
  private armed = false;
  private armedMs = 0;
  private readonly timers = new Map<number, NodeJS.Timeout>();
  /** The newest kept reply's time: the prune's "now" (the store has no clock of its own). */
  private latest = Number.NEGATIVE_INFINITY;
  /** When this connection last deleted the expired rows. */
  private prunedAt = Number.NEGATIVE_INFINITY;
  /** The transaction now open deleted them too (`prunedAt` once it commits). */
  private prunedAlong: number | undefined;

  constructor(
    private readonly db: Database,
    private readonly log?: Pick<Logger, 'error'>,
  ) {
    this.insert = db.prepare<[number, string, string, string, string, string, string, string | null, number]>(
      'INSERT OR IGNORE INTO shared_replies (id, platform, scope, channel, user_id, user_name, reply, code, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    this.byId = db.prepare<[number], Row>(
      'SELECT id, platform, scope, user_id, user_name, reply, code, created_at, shared_at FROM shared_replies WHERE id = ?',
    );
    this.mark = db.prepare<[number, number]>('UPDATE shared_replies SET shared_at = ? WHERE id = ?');
    this.prune = db.prepare<[number]>('DELETE FROM shared_replies WHERE created_at < ?');
    this.ids = new ShareIds(db, FLUSH.idBlock);
    this.totalChanges = db.prepare<[], number>('SELECT total_changes()').pluck();
  }

  /**
   * Keeps a reply: gives it an id and holds it. Inside a transaction with no id left to give
   * (a connection's first reply, or after many in one transaction) it returns undefined, and the
   * reply is kept after the commit instead: ids are reserved only outside a command's
   * transaction, so that a rollback never hands out a block that was not reserved after all.
   */
  keep(request: Request, reply: Reply, now: number): number | undefined {
    const id = this.ids.take();
    if (id === undefined) return undefined;
    let bytes = 0;
    for (const block of reply.blocks) bytes += block.text.length;
    this.held.set(id, {
      id,
      platform: request.platform,
      scope: request.scope,
      channel: request.channel,
      user: request.user,
      userName: request.userName ?? request.user,
      reply,
      createdAt: now,
      bytes,
    });
    this.heldBytes += bytes;
    if (now > this.latest) this.latest = now;
    if (this.db.inTransaction) this.given.add(id);
    else this.flushIfDue();
    this.arm(FLUSH.afterMs);
    return id;
  }

  /** The reply kept as `id`, unless it is older than a week (deleted or not yet). */
  get(id: number, now: number): StoredReply | undefined {
    const row = this.byId.get(id);
    if (row !== undefined) {
      if (row.created_at < now - SHARE_KEEP_MS) return undefined;
      return {
        id: row.id,
        platform: row.platform,
        scope: row.scope,
        user: row.user_id,
        userName: row.user_name,
        reply: storedReply(row.reply, row.code),
        sharedAt: row.shared_at,
      };
    }
    const held = this.held.get(id);
    if (held === undefined || held.createdAt < now - SHARE_KEEP_MS) return undefined;
    const { platform, scope, user, userName, reply } = held;
    return { id, platform, scope, user, userName, reply, sharedAt: null };
  }

  /** Marks a reply shared; one still held is written first, in the same transaction. */
  markShared(id: number, now: number): void {
    const held = this.held.get(id);
    if (held !== undefined) {
      this.write(held);
      if (this.db.inTransaction) this.written.add(id);
      else this.forget(id);
    }
    this.mark.run(now, id);
  }

  /** How many rows this connection has changed so far. */
  changes(): number {
    return this.totalChanges.get() ?? 0;
  }

  /**
   * Read before a command's transaction, for `alongWrite`: `changes()`, or undefined when the
   * transaction could take nothing along (no block of ids wanted, no pruning due), and the SQL
   * call, on every command, is saved. A block wanted only once the command has kept its reply is
   * reserved by the next write, or by the next flush.
   */
  changesBefore(): number | undefined {
    if (!this.ids.wanted && !this.pruneDue()) return undefined;
    return this.changes();
  }

  /**
   * The last step of a command's transaction: if it wrote anything (`since` is `changesBefore()`,
   * read before it began), a new block of ids is reserved with it when few are left, and the
   * expired rows are deleted (at most once a minute), in the same commit. A read writes nothing.
   *
   * The held replies themselves are not written along: they wait for the timer or a full buffer.
   * Taken along, they made a member's write pay for the replies of every read before it on this
   * connection, other members' included (B1: `label` carried eight, 250 µs against 100 µs
   * without; `delete` carried one, 84 against 57 µs), and each such commit wrote the replies
   * table's last pages again, where a batch (`FLUSH.rows`) writes them once.
   */
  alongWrite(since: number | undefined): void {
    if (since === undefined) return;
    const reserve = this.reservedAlong === undefined && this.ids.wanted;
    const prune = this.prunedAlong === undefined && this.pruneDue();
    if ((!reserve && !prune) || this.changes() === since) return;
    if (reserve) this.reservedAlong = this.ids.reserve();
    if (prune) {
      this.prunedAlong = this.latest;
      this.prune.run(this.latest - SHARE_KEEP_MS);
    }
  }

  /**
   * A command's transaction ended. Committed: what it wrote is forgotten here, and the block of
   * ids it reserved is used (unless it was only a savepoint in a transaction still open: then
   * the rows are written again later, and ignored, and the block is left unused).
   * Rolled back: what it wrote is held still, except the replies it kept itself, which nobody
   * will see (dispatch answers with an apology, or runs the command again). Then, outside any
   * transaction, a full buffer is written now.
   */
  settled(committed: boolean): void {
    const open = this.db.inTransaction;
    if (committed && !open) {
      for (const id of this.written) this.forget(id);
      if (this.reservedAlong !== undefined) this.ids.add(this.reservedAlong);
      if (this.prunedAlong !== undefined) this.prunedAt = this.prunedAlong;
    }
    this.reservedAlong = undefined;
    this.prunedAlong = undefined;
    if (!committed) for (const id of this.given) this.forget(id);
    this.written.clear();
    this.given.clear();
    if (!open) this.flushIfDue();
  }

  /** Writes everything held, in one transaction of its own (the app is closing, or a test). */
  flush(): void {
    if (this.db.open && !this.db.inTransaction) this.writeHeld();
  }

  /** Writes what is held and stops the timer: the app is about to close the database. */
  close(): void {
    this.flush();
    this.clearTimers();
  }

  /** How many replies are held, not yet written (tests). */
  get holding(): number {
    return this.held.size;
  }

  private flushIfDue(): void {
    if (this.held.size >= FLUSH.rows || this.heldBytes >= FLUSH.bytes || this.ids.low) this.writeHeld();
  }

  /**
   * One transaction: what is held, the expired rows deleted (at most once a minute), and a new
   * block of ids when few are left. A failure (the database busy past its timeout, a full disk)
   * keeps everything held and tries again later; it never reaches a member's command.
   */
  private writeHeld(): void {
    this.disarm();
    const now = this.latest;
    const prune = this.pruneDue();
    const refill = this.ids.wanted;
    if (this.held.size === 0 && !refill) return;
    let reserved: [number, number] | undefined;
    const ids: number[] = [];
    try {
      transact(
        this.db,
        () => {
          if (prune) this.prune.run(now - SHARE_KEEP_MS);
          if (refill) reserved = this.ids.reserve();
          for (const held of this.held.values()) {
            this.write(held);
            ids.push(held.id);
          }
        },
        'immediate',
      );
    } catch (e) {
      if (!isBusy(e))
        this.log?.error({ err: e, held: this.held.size }, 'could not write the replies kept for Share');
      this.dropOldest();
      this.arm(FLUSH.retryMs);
      return;
    }
    if (prune) this.prunedAt = now;
    if (reserved !== undefined) this.ids.add(reserved);
    for (const id of ids) this.forget(id);
  }

  /** At most once a minute (and again if the clock went back). */
  private pruneDue(): boolean {
    const now = this.latest;
    return now - this.prunedAt >= PRUNE_EVERY_MS || now < this.prunedAt;
  }

  private write(held: Held): void {
    const { json, code } = replyToStore(held.reply);
    this.insert.run(
      held.id,
      held.platform,
      held.scope,
      held.channel,
      held.user,
      held.userName,
      json,
      code,
      held.createdAt,
    );
  }

  private forget(id: number): void {
    const held = this.held.get(id);
    if (held === undefined) return;
    this.held.delete(id);
    this.heldBytes -= held.bytes;
    if (this.held.size === 0) this.disarm();
  }

  private dropOldest(): void {
    for (const id of this.held.keys()) {
      if (this.held.size <= HOLD_AT_MOST) return;
      this.forget(id);
    }
  }

  /**
   * Starts the timer unless it runs or nothing is held. One Timeout per delay is made and then
   * restarted (`refresh`): every write empties what is held and the next reply starts the timer
   * again, and a new setTimeout each time cost the command about 10 µs.
   */
  private arm(ms: number): void {
    if (this.armed || this.held.size === 0) return;
    this.armed = true;
    this.armedMs = ms;
    const made = this.timers.get(ms);
    if (made !== undefined) {
      made.refresh();
      return;
    }
    const timer = setTimeout(() => {
      // Stopped since, or started again for another delay (the retry): not this one's turn.
      if (!this.armed || this.armedMs !== ms) return;
      this.armed = false;
      if (!this.db.open) return;
      // Timers never run inside a transaction (better-sqlite3's are synchronous); a hand-made
      // BEGIN left open across turns of the event loop would be one: try again later.
      if (this.db.inTransaction) this.arm(FLUSH.afterMs);
      else this.writeHeld();
    }, ms);
    timer.unref();
    this.timers.set(ms, timer);
  }

  /** Stops the timer: a pending one that fires finds nothing to do. */
  private disarm(): void {
    this.armed = false;
  }

  /** Clears the timers for good (the store is closing). */
  private clearTimers(): void {
    this.armed = false;
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }
}

/**
 * A reply as it is stored (migration 014): its first code block's text apart, as it is (SQLite
 * copies it from the string), and the rest as JSON with that block's text empty. Made as JSON
 * whole, the text was escaped into a string as long as itself, through the builder's growing
 * parts, for each reply written: 7-8 KB of garbage for a `describe` or a 50-row table.
 */
export function replyToStore(reply: Reply): { json: string; code: string | null } {
  const at = reply.blocks.findIndex((b) => b.kind === 'code');
  if (at === -1) return { json: JSON.stringify(reply), code: null };
  const code = reply.blocks[at]?.text ?? '';
  const blocks = reply.blocks.map((b, i) => (i === at ? Object.assign({}, b, { text: '' }) : b));
  return { json: JSON.stringify(Object.assign({}, reply, { blocks })), code };
}

/** The reply a row stores, its code text put back in its first code block (none apart: as it was). */
export function storedReply(json: string, code: string | null): Reply {
  const reply = JSON.parse(json) as Reply;
  if (code === null) return reply;
  const block = reply.blocks.find((b) => b.kind === 'code');
  if (block !== undefined) block.text = code;
  return reply;
}
