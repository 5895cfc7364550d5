import { resolve } from 'node:path';
import { isMainThread } from 'node:worker_threads';
import type { Database, Statement } from 'better-sqlite3';

/**
 * SQLite's data version (`PRAGMA data_version`, which moves when another connection commits) as
 * this process knows it: what every cache of stored values (read-cache.ts, the sandbox rows) is
 * checked against.
 *
 * Asking SQLite costs a read lock on the WAL index, two `fcntl` calls, about 2 µs: the largest
 * single cost of a command whose reads all come from caches. So the connections of this process
 * to one file (the platform thread's and every worker's) count their writes in one shared counter,
 * a SharedArrayBuffer each worker is handed (`commitCounterFor`, `adoptCommitCounter`):
 * - a connection adds 1 when it first writes in a transaction (or runs a writing statement on its
 *   own) and 1 when that write ends, committed or rolled back; the counter is read just before
 *   every `PRAGMA data_version`;
 * - a command (`oneVersionDuring`) starts on the version last read, without asking, when the
 *   counter has not moved since, this connection is not writing, and that read is under a second
 *   old (a connection from outside the process, an operator's sqlite3, is then seen within a
 *   second; one process per database is the rule, store/owner.ts);
 * - such a command's first statement asks SQLite after all, as its transaction's snapshot starts
 *   there: if the version moved in between, what the command took from caches may not be what
 *   it now reads and writes, and `commitsMissed` says so; dispatch then rolls it back and runs it
 *   again. A command that runs no statement read only caches that were current when it started.
 */
export function watchCommits(db: Database, path: string): void {
  const counter = new Int32Array(path === ':memory:' ? new SharedArrayBuffer(4) : commitCounterFor(path));
  const prepare = db.prepare;
  const watch = new Watch(prepare.call(db, 'PRAGMA data_version').pluck() as Statement<[], number>, counter);
  watches.set(db, watch);

  db.prepare = function (this: Database, source: string) {
    return hooked(watch, this, prepare.call(this, source));
  } as Database['prepare'];

  const exec = db.exec;
  db.exec = function (this: Database, source: string) {
    return watch.around(this, true, () => exec.call(this, source));
  };

  // `pragma` prepares its statement past `prepare`: one that sets something counts as a write.
  const pragma = db.pragma;
  db.pragma = function (this: Database, source: string, options?: Parameters<Database['pragma']>[1]) {
    return watch.around(this, source.includes('='), () => pragma.call(this, source, options));
  } as Database['pragma'];

  // A transaction's BEGIN and COMMIT are statements better-sqlite3 prepares past `prepare`; the
  // write it made ends as it returns or throws.
  const transaction = db.transaction;
  db.transaction = function (this: Database, fn: (...args: never[]) => unknown) {
    const made = transaction.call(this, fn);
    const settled = (variant: (...args: unknown[]) => unknown) =>
      function (this: unknown, ...args: unknown[]) {
        try {
          return variant.apply(this, args);
        } finally {
          watch.settle(db);
        }
      };
    const wrapped = settled(made);
    return Object.assign(wrapped, {
      default: wrapped,
      deferred: settled(made.deferred),
      immediate: settled(made.immediate),
      exclusive: settled(made.exclusive),
      database: db,
    });
  } as Database['transaction'];

  const close = db.close;
  db.close = function (this: Database) {
    try {
      return close.call(this);
    } finally {
      // An open transaction is rolled back with the connection: that write has ended.
      watch.endWrite();
    }
  };
}

/**
 * SQLite's data version for this connection. Within a command (`oneVersionDuring`) it is asked at
 * most once, and not at all when the process vouches for the last one read (see above).
 */
export function dataVersionOf(db: Database): number {
  const watch = watchOf(db);
  if (!watch.inCommand) return watch.read();
  if (watch.commandVersion === undefined) watch.commandVersion = watch.vouch() ?? watch.read();
  return watch.commandVersion;
}

/** Runs `work` (one command) on one data version, for every cache of `db`. */
export function oneVersionDuring<T>(db: Database, work: () => T): T {
  const watch = watchOf(db);
  if (watch.inCommand) return work();
  watch.inCommand = true;
  try {
    return work();
  } finally {
    watch.inCommand = false;
    watch.endCommand();
  }
}

/**
 * Whether the command running on `db` started on a vouched version that its first statement
 * found out of date: what it did must be rolled back and done again (after `askAgain`).
 */
export function commitsMissed(db: Database): boolean {
  return watchOf(db).missed;
}

/** Before a command runs again (after a miss, or SQLite's BUSY): its version is asked of SQLite. */
export function askAgain(db: Database): void {
  const watch = watchOf(db);
  watch.endCommand();
  watch.mayVouch = false;
}

/**
 * The counter shared by this process's connections to `path`: made by the main thread, handed to
 * each worker (`adoptCommitCounter`) with the path.
 */
export function commitCounterFor(path: string): SharedArrayBuffer {
  const key = resolve(path);
  let counter = counters.get(key);
  if (counter === undefined) {
    // A worker that was handed none cannot share the main thread's: it never vouches, and its
    // writes are seen by the others only through SQLite (within a second, see above).
    counter = new SharedArrayBuffer(4);
    if (isMainThread) counters.set(key, counter);
    else unshared.add(counter);
  }
  return counter;
}

/** In a worker: the main thread's counter for `path`, before the worker opens it. */
export function adoptCommitCounter(path: string, counter: SharedArrayBuffer): void {
  counters.set(resolve(path), counter);
}

const counters = new Map<string, SharedArrayBuffer>();

const unshared = new WeakSet<SharedArrayBuffer>();

/** Vouched versions are trusted for this long after SQLite was last asked. */
const VOUCHED_MS = 1000;

class Watch {
  /** The data version last read, the counter just before that read, and when. */
  private version = 0;
  private counterAt = -1;
  private readAt = Number.NEGATIVE_INFINITY;
  /** This connection has a write under way (announced, not yet ended), and the counter it found. */
  private writing = false;
  private announcedAt = -1;
  inCommand = false;
  commandVersion: number | undefined = undefined;
  /** The command's version was vouched for and no statement has asked SQLite since. */
  private vouched = false;
  missed = false;
  mayVouch: boolean;
  /** Whether the counter is shared with every connection of the process to this file. */
  private readonly shared: boolean;

  constructor(
    private readonly ask: Statement<[], number>,
    private readonly counter: Int32Array | null,
  ) {
    this.shared = counter !== null && !unshared.has(counter.buffer as SharedArrayBuffer);
    this.mayVouch = this.shared;
  }

  read(): number {
    this.vouched = false;
    if (this.counter !== null) this.counterAt = Atomics.load(this.counter, 0);
    this.version = this.ask.get() ?? 0;
    this.readAt = performance.now();
    return this.version;
  }

  vouch(): number | undefined {
    if (!this.mayVouch || this.writing || this.counter === null) return undefined;
    if (Atomics.load(this.counter, 0) !== this.counterAt) return undefined;
    if (performance.now() - this.readAt > VOUCHED_MS) return undefined;
    this.vouched = true;
    return this.version;
  }

  endCommand(): void {
    this.commandVersion = undefined;
    this.vouched = false;
    this.missed = false;
    this.mayVouch = this.shared;
  }

  /** Before every statement: a vouched command's first one asks SQLite after all; a write is counted. */
  begin(writes: boolean): void {
    if (this.vouched) {
      const vouched = this.version;
      if (this.read() !== vouched) {
        this.missed = true;
        this.commandVersion = this.version;
      }
    }
    if (writes) this.announce();
  }

  /** One statement (or `exec`, `pragma`): begun, then settled after. */
  around<T>(db: Database, writes: boolean, work: () => T): T {
    this.begin(writes);
    try {
      return work();
    } finally {
      this.settle(db);
    }
  }

  private announce(): void {
    if (this.writing || this.counter === null) return;
    this.writing = true;
    this.announcedAt = Atomics.add(this.counter, 0, 1);
  }

  /** After a statement or a transaction: a write ends once no transaction is open. */
  settle(db: Database): void {
    if (this.writing && !db.inTransaction) this.endWrite();
  }

  endWrite(): void {
    if (!this.writing || this.counter === null) return;
    this.writing = false;
    const before = Atomics.add(this.counter, 0, 1);
    // Nobody else moved the counter between this connection's last read and now, and its own
    // commits leave its data version where it was: that read still holds.
    if (this.announcedAt === this.counterAt && before === this.announcedAt + 1) this.counterAt = before + 1;
  }
}

const watches = new WeakMap<Database, Watch>();

/** A connection opened past `openDatabase` (tests) is watched by nobody else: it always asks. */
function watchOf(db: Database): Watch {
  let watch = watches.get(db);
  if (watch === undefined) {
    watch = new Watch(db.prepare('PRAGMA data_version').pluck() as Statement<[], number>, null);
    watches.set(db, watch);
  }
  return watch;
}

/** Every statement of a watched connection: its first in a vouched command asks SQLite first. */
function hooked<S extends Statement<unknown[], unknown>>(watch: Watch, db: Database, statement: S): S {
  const writes = !statement.readonly;
  const { run, get, all, iterate } = statement;
  const settling = <F extends (...args: never[]) => unknown>(method: F) =>
    function (this: S, ...params: unknown[]) {
      return watch.around(db, writes, () =>
        (method as unknown as (...args: unknown[]) => unknown).apply(this, params),
      );
    };
  statement.run = settling(run) as S['run'];
  statement.get = settling(get) as S['get'];
  statement.all = settling(all) as S['all'];
  // An iterator steps after it is returned: a write it makes ends with the next statement or
  // transaction (nothing in Podium iterates a writing statement).
  statement.iterate = function (this: S, ...params: unknown[]) {
    watch.begin(writes);
    return (iterate as (...args: unknown[]) => ReturnType<S['iterate']>).apply(this, params);
  } as S['iterate'];
  return statement;
}
