import type { Database } from 'better-sqlite3';
import { dataVersionOf } from './data-version.ts';

/**
 * Values read from SQLite on every message (a member's language and guide choice, a channel's
 * language and settings), kept in memory by key. What the cache answers is what a read would:
 * - another connection (a sibling worker) that commits anything drops every entry (`PRAGMA
 *   data_version` moves; inside a transaction it stays that of the transaction's snapshot, which
 *   is also what its reads see);
 * - this connection's own writes go through `drop`, and while a transaction that wrote is open
 *   nothing read is kept (it may yet roll back); the first read outside a transaction ends that.
 * Past `limit` entries the cache starts again. Within one command (`oneVersionDuring`, dispatch) the
 * version is asked once, or not at all (data-version.ts): a command reads what was committed as it
 * started.
 */
export class ReadCache<V> {
  private readonly entries = new Map<string, V>();
  private seenVersion = -1;
  private dirty = false;

  constructor(
    private readonly db: Database,
    private readonly limit = 10_000,
  ) {}

  get(key: string, read: () => V): V {
    const version = dataVersionOf(this.db);
    if (version !== this.seenVersion) {
      this.entries.clear();
      this.seenVersion = version;
    }
    if (!this.db.inTransaction) this.dirty = false;
    if (this.entries.has(key)) return this.entries.get(key) as V;
    const value = read();
    if (!this.dirty) {
      if (this.entries.size >= this.limit) this.entries.clear();
      this.entries.set(key, value);
    }
    return value;
  }

  /** Called by every write of this connection to what `key` reads. */
  drop(key: string): void {
    this.entries.delete(key);
    if (this.db.inTransaction) this.dirty = true;
  }

  /** Called by a write of this connection that may change what any key reads. */
  clear(): void {
    this.entries.clear();
    if (this.db.inTransaction) this.dirty = true;
  }
}
