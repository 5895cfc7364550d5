import type { Database, Statement } from 'better-sqlite3';

/**
 * Values read from SQLite on every message (a member's language and guide choice, a channel's
 * language and settings), kept in memory by key. What the cache answers is what a read would:
 * - another connection (a sibling worker) that commits anything drops every entry (`PRAGMA
 *   data_version` moves; inside a transaction it stays that of the transaction's snapshot, which
 *   is also what its reads see);
 * - this connection's own writes go through `drop`, and while a transaction that wrote is open
 *   nothing read is kept (it may yet roll back); the first read outside a transaction ends that.
 * Past `limit` entries the cache starts again. Within one command (`oneVersionDuring`, dispatch) the
 * version is asked once: a command reads what was committed as it started.
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

/**
 * Per database, whether a command (`oneVersionDuring`) is running and the version first read in
 * it. One object per database, changed in place: a WeakMap entry set and deleted on every command
 * would leave V8 table garbage that young collections keep alive.
 */
const during = new WeakMap<Database, { active: boolean; version: number | undefined }>();

/**
 * SQLite's data version for this connection (it moves when another connection commits), asked at
 * most once per command inside `oneVersionDuring` (a PRAGMA costs about what an indexed SELECT does).
 */
export function dataVersionOf(db: Database): number {
  let statement = statements.get(db);
  if (statement === undefined) {
    statement = db.prepare<[], number>('PRAGMA data_version').pluck();
    statements.set(db, statement);
  }
  const scope = during.get(db);
  if (scope?.active === true && scope.version !== undefined) return scope.version;
  const version = statement.get() ?? 0;
  if (scope?.active === true) scope.version = version;
  return version;
}

const statements = new WeakMap<Database, Statement<[], number>>();

/** Runs `work` (one command) asking SQLite for the data version at most once, for every cache of `db`. */
export function oneVersionDuring<T>(db: Database, work: () => T): T {
  let scope = during.get(db);
  if (scope === undefined) {
    scope = { active: false, version: undefined };
    during.set(db, scope);
  }
  if (scope.active) return work();
  scope.active = true;
  try {
    return work();
  } finally {
    scope.active = false;
    scope.version = undefined;
  }
}
