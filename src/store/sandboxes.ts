import type { Database, Statement } from 'better-sqlite3';
import type { Platform } from '../chat/request.ts';
import { asSeen } from '../cluster/as-seen.ts';
import { applyToCluster, type Change } from '../cluster/changes.ts';
import { deepFreeze, FREEZE_CACHED } from '../cluster/freeze.ts';
import { createIds, type Ids } from '../cluster/ids.ts';
import { LIMITS } from '../cluster/limits.ts';
import type { Cluster, Namespace, Node, Pod, PortForward, Service } from '../cluster/model.ts';
import { seedCluster } from '../cluster/seed.ts';
import { withDefaultService } from '../cluster/services.ts';
import { err, ok, type Result } from '../result.ts';
import { dataVersionOf } from './data-version.ts';

/** One sandbox per (platform, scope, user): the only key any query here is ever given. */
export interface SandboxKey {
  platform: Platform;
  scope: string;
  user: string;
}

export interface Sandbox {
  id: number;
  createdAt: number;
  clockOffsetMs: number;
  serial: number;
}

type Row = { id: number; created_at: number; clock_offset_ms: number; serial: number };

/** Prepared statements for the sandbox tables, made once per database. */
export class SandboxStore {
  private readonly find: Statement<[string, string, string], Row>;
  /** The data version the cached rows were read at. */
  private rowsVersion = -1;
  private readonly objectsOf: Statement<
    [number],
    { kind: string; namespace: string; name: string; body: string; size: number }
  >;
  private readonly forwardsOf: Statement<[number], { local_port: number; body: string; size: number }>;
  private readonly filesOf: Statement<[number], { name: string; content: string; size: number }>;
  private readonly putObject: Statement<[number, string, string, string, string]>;
  private readonly deleteObject: Statement<[number, string, string, string]>;
  private readonly deleteNamespaced: Statement<[number, string]>;
  private readonly putForwardRow: Statement<[number, number, string]>;
  private readonly deleteForwardRow: Statement<[number, number]>;
  private readonly putFileRow: Statement<[number, string, string]>;
  private readonly deleteFileRow: Statement<[number, string]>;
  private readonly updateSandbox: Statement<[number, number, number]>;
  private readonly deleteSandbox: Statement<[number]>;
  private readonly nextId: Statement<[], { id: number }>;
  private readonly bytesOf: Statement<[number, number, number], { bytes: number }>;
  private readonly insertWithId: Statement<[number, string, string, string, number, number]>;

  /** Least recently used first; each entry with its size as stored (the bytes of its rows). */
  private readonly cache = new Map<number, Cached>();
  private cachedBytes = 0;
  /** Clusters as the open transaction left them; they enter the cache only once it commits. */
  private readonly staged = new Map<number, Cached>();
  /** Sandboxes made (on first use, or by reset) since the last commit or rollback. */
  private readonly created = new Set<number>();
  /** Sandboxes made in this transaction and not yet written (see `open`), by member. */
  private readonly unwritten = new Map<string, Sandbox & { key: SandboxKey }>();
  /**
   * Sandbox rows by member as stored (oldest first, up to `ROWS`), and each one's member by id;
   * kept coherent as the clusters are: this store's writes update them, `forget` drops them.
   */
  private readonly rows = new Map<string, Row>();
  private readonly rowMembers = new Map<number, string>();
  /** Rows as the open transaction wrote them (null: deleted); they enter `rows` once it commits. */
  private readonly stagedRows = new Map<string, Row | null>();
  private readonly stagedRowMembers = new Map<number, string>();

  constructor(
    private readonly db: Database,
    private readonly cacheLimits: CacheLimits = CACHE_LIMITS,
  ) {
    this.find = db.prepare(
      'SELECT id, created_at, clock_offset_ms, serial FROM sandboxes WHERE platform = ? AND scope = ? AND user_id = ?',
    );
    this.objectsOf = db.prepare(
      'SELECT kind, namespace, name, body, octet_length(body) AS size FROM objects WHERE sandbox_id = ? ORDER BY kind, namespace, name',
    );
    this.forwardsOf = db.prepare(
      'SELECT local_port, body, octet_length(body) AS size FROM port_forwards WHERE sandbox_id = ? ORDER BY local_port',
    );
    this.filesOf = db.prepare(
      'SELECT name, content, octet_length(content) AS size FROM saved_files WHERE sandbox_id = ? ORDER BY name',
    );
    this.putObject = db.prepare(
      'INSERT OR REPLACE INTO objects (sandbox_id, kind, namespace, name, body) VALUES (?, ?, ?, ?, ?)',
    );
    this.deleteObject = db.prepare(
      'DELETE FROM objects WHERE sandbox_id = ? AND kind = ? AND namespace = ? AND name = ?',
    );
    this.deleteNamespaced = db.prepare(
      "DELETE FROM objects WHERE sandbox_id = ? AND kind IN ('Pod', 'Service') AND namespace = ?",
    );
    this.putForwardRow = db.prepare(
      'INSERT OR REPLACE INTO port_forwards (sandbox_id, local_port, body) VALUES (?, ?, ?)',
    );
    this.deleteForwardRow = db.prepare('DELETE FROM port_forwards WHERE sandbox_id = ? AND local_port = ?');
    this.putFileRow = db.prepare(
      'INSERT OR REPLACE INTO saved_files (sandbox_id, name, content) VALUES (?, ?, ?)',
    );
    this.deleteFileRow = db.prepare('DELETE FROM saved_files WHERE sandbox_id = ? AND name = ?');
    this.updateSandbox = db.prepare('UPDATE sandboxes SET clock_offset_ms = ?, serial = ? WHERE id = ?');
    this.deleteSandbox = db.prepare('DELETE FROM sandboxes WHERE id = ?');
    // The id SQLite itself would give the next row (the largest plus one).
    this.nextId = db.prepare('SELECT coalesce(max(id), 0) + 1 AS id FROM sandboxes');
    this.bytesOf = db.prepare(
      `SELECT (SELECT coalesce(sum(octet_length(body)), 0) FROM objects WHERE sandbox_id = ?)
            + (SELECT coalesce(sum(octet_length(body)), 0) FROM port_forwards WHERE sandbox_id = ?)
            + (SELECT coalesce(sum(octet_length(content)), 0) FROM saved_files WHERE sandbox_id = ?) AS bytes`,
    );
    this.insertWithId = db.prepare(
      'INSERT INTO sandboxes (id, platform, scope, user_id, created_at, serial) VALUES (?, ?, ?, ?, ?, ?)',
    );
  }

  /**
   * The member's sandbox, made and seeded with a fresh cluster on first use. A new sandbox is
   * seeded in memory and written only when the transaction writes (`commit`) or is about to
   * commit (`flush`): its first command, however long it runs, holds no write lock meanwhile,
   * so other members' writes never wait for it.
   */
  open(key: SandboxKey, now: number, idAbove = 0): Sandbox {
    const member = memberOf(key);
    const row = this.rowOf(key, member);
    if (row !== undefined) return toSandbox(row);
    const pending = this.unwritten.get(member);
    if (pending !== undefined) return pending;
    const id = Math.max(this.nextId.get()?.id ?? 1, idAbove + 1);
    this.created.add(id);
    this.uncache(id);
    const ids = createIds(seedOf(id), 0);
    const cluster = { ...seedCluster(now, ids), forwards: [], files: [] };
    // Nothing of it is stored yet: `write` counts its rows' bytes as it stores them.
    this.staged.set(id, { cluster, bytes: 0, sizes: new Map(), serial: ids.serial });
    const sandbox = { id, createdAt: now, clockOffsetMs: 0, serial: ids.serial };
    this.unwritten.set(member, { ...sandbox, key });
    return sandbox;
  }

  /** The member's sandbox row as this transaction sees it: as it wrote it, else as cached, else as read. */
  private rowOf(key: SandboxKey, member: string): Row | undefined {
    const staged = this.stagedRows.get(member);
    if (staged !== undefined) return staged ?? undefined;
    // Another connection that commits anything may have changed or deleted rows (a sibling's
    // reset, an operator's cleanup): SQLite's data version moves, and the rows are read again.
    const version = dataVersionOf(this.db);
    if (version !== this.rowsVersion) {
      this.rows.clear();
      this.rowMembers.clear();
      this.rowsVersion = version;
    }
    const cached = this.rows.get(member);
    if (cached !== undefined) return cached;
    // Not written by this transaction (else it would be staged): what is committed, safe to keep.
    const row = this.find.get(key.platform, key.scope, key.user);
    if (row !== undefined) this.rememberRow(member, row);
    return row;
  }

  private rememberRow(member: string, row: Row): void {
    this.dropRow(member);
    this.rows.set(member, row);
    this.rowMembers.set(row.id, member);
    for (const [oldest] of this.rows) {
      if (this.rows.size <= ROWS) break;
      this.dropRow(oldest);
    }
  }

  private dropRow(member: string): void {
    const row = this.rows.get(member);
    if (row === undefined) return;
    this.rows.delete(member);
    this.rowMembers.delete(row.id);
  }

  private stageRow(member: string, id: number, row: Row | null): void {
    this.stagedRows.set(member, row);
    this.stagedRowMembers.set(id, member);
  }

  /** Writes the sandboxes this transaction made; the caller holds the transaction. */
  flush(): void {
    for (const pending of this.unwritten.values()) this.write(pending);
    this.unwritten.clear();
  }

  private write(pending: Sandbox & { key: SandboxKey }): void {
    const { id, key } = pending;
    this.unwritten.delete(memberOf(key));
    this.insertWithId.run(id, key.platform, key.scope, key.user, pending.createdAt, pending.serial);
    this.stageRow(memberOf(key), id, {
      id,
      created_at: pending.createdAt,
      clock_offset_ms: 0,
      serial: pending.serial,
    });
    const entry = this.staged.get(id);
    if (entry === undefined) return;
    const seed = entry.cluster;
    for (const node of seed.nodes) this.applyCounted(id, { op: 'putNode', node }, entry);
    for (const namespace of seed.namespaces) this.applyCounted(id, { op: 'putNamespace', namespace }, entry);
    for (const pod of seed.pods) this.applyCounted(id, { op: 'putPod', pod }, entry);
    for (const service of seed.services) this.applyCounted(id, { op: 'putService', service }, entry);
  }

  /**
   * Drops the member's cached row and cluster: another connection (a sibling worker) may have
   * written them since this one cached them. (A cluster is cached only under a row this store
   * saw, so the cached row's id is the one to drop; without one, SQLite says which.)
   */
  forget(key: SandboxKey): void {
    const member = memberOf(key);
    const row = this.rows.get(member) ?? this.find.get(key.platform, key.scope, key.user);
    this.dropRow(member);
    if (row !== undefined) this.uncache(row.id);
  }

  exists(key: SandboxKey): boolean {
    const member = memberOf(key);
    return this.unwritten.has(member) || this.rowOf(key, member) !== undefined;
  }

  reset(key: SandboxKey, now: number): Sandbox {
    const member = memberOf(key);
    const pending = this.unwritten.get(member);
    if (pending !== undefined) {
      this.unwritten.delete(member);
      this.staged.delete(pending.id);
    }
    const row = this.rowOf(key, member);
    if (row !== undefined) {
      this.uncache(row.id);
      this.staged.delete(row.id);
      this.deleteSandbox.run(row.id);
      this.stageRow(member, row.id, null);
    }
    // A new id, never the one just dropped: the ids (uids, IPs, token suffixes) derive from it,
    // and a fresh cluster must not hand out the old cluster's.
    return this.open(key, now, Math.max(row?.id ?? 0, pending?.id ?? 0));
  }

  /**
   * The sandbox's objects as of now. Loaded clusters are cached per sandbox (reads are most of
   * the traffic) up to a count and a total of stored bytes, least recently used out first; any
   * write through `commit` or `reset` drops the entry, so a rolled-back transaction can never leave
   * a stale copy. Handlers never mutate what they are given: under the tests every cached object is
   * frozen, so a mutation throws.
   */
  load(sandbox: Sandbox, realNow: number): Cluster {
    let entry = this.staged.get(sandbox.id);
    if (entry === undefined) {
      const cached = this.cache.get(sandbox.id);
      // Every write moves the sandbox's serial: a cached copy of another serial was written since
      // by another connection (a teammate's sandbox, viewed here, changed through another worker).
      entry = cached?.serial === sandbox.serial ? cached : this.read(sandbox.id, sandbox.serial);
      this.remember(sandbox.id, entry);
    }
    // Object.assign rather than `{ ...cluster, now }`: in Node 20's V8 a spread followed by another
    // property keeps every such object alive through young collections, into the old generation.
    return asSeen(Object.assign({}, entry.cluster, { now: realNow + sandbox.clockOffsetMs }));
  }

  /** What the cache holds: sandboxes and their stored bytes. */
  cacheSize(): { sandboxes: number; bytes: number } {
    return { sandboxes: this.cache.size, bytes: this.cachedBytes };
  }

  /** The entry last in the order (the most recently used), if any. */
  private newest: number | undefined;

  /** Puts (or moves) an entry last in the order, then evicts from the front past either limit. */
  private remember(id: number, entry: Cached): void {
    // Already last: moving it again would only churn the Map. Each delete and re-insert makes V8
    // a new table, linked from the one before, which young collections keep alive until a full one
    // (a member's commands in a row carried about 360 bytes each into the old generation).
    if (this.newest === id && this.cache.get(id) === entry) return;
    this.uncache(id);
    this.cache.set(id, entry);
    this.newest = id;
    this.cachedBytes += entry.bytes;
    const { sandboxes, bytes } = this.cacheLimits;
    for (const [oldest] of this.cache) {
      if (this.cache.size <= sandboxes && this.cachedBytes <= bytes) break;
      if (oldest === id) break; // the one just used stays, whatever its size
      this.uncache(oldest);
    }
  }

  private uncache(id: number): void {
    const entry = this.cache.get(id);
    if (entry === undefined) return;
    this.cache.delete(id);
    if (this.newest === id) this.newest = undefined;
    this.cachedBytes -= entry.bytes;
  }

  private read(id: number, serial: number): Cached {
    const read: Omit<Cluster, 'now'> = {
      nodes: [],
      namespaces: [],
      pods: [],
      services: [],
      forwards: [],
      files: [],
    };
    let bytes = 0;
    const sizes = new Map<string, number>();
    // Each row's size as SQLite stores it (text that is not valid UTF-16, a lone surrogate, reads
    // back longer than it was stored).
    for (const { kind, namespace, name, body, size } of this.objectsOf.all(id)) {
      bytes += size;
      sizes.set(objectRow(kind, namespace, name), size);
      if (kind === 'Pod') read.pods.push(JSON.parse(body) as Pod);
      else if (kind === 'Node') read.nodes.push(JSON.parse(body) as Node);
      else if (kind === 'Service') read.services.push(JSON.parse(body) as Service);
      else read.namespaces.push(JSON.parse(body) as Namespace);
    }
    for (const { local_port, body, size } of this.forwardsOf.all(id)) {
      bytes += size;
      sizes.set(forwardRow(local_port), size);
      read.forwards.push(JSON.parse(body) as PortForward);
    }
    for (const { name, content, size } of this.filesOf.all(id)) {
      bytes += size;
      sizes.set(fileRow(name), size);
      read.files.push({ name, content });
    }
    // A sandbox made before Services were stored has the default one too, as every cluster does.
    const cluster = withDefaultService(read);
    if (FREEZE_CACHED) deepFreeze(cluster);
    return { cluster, bytes, sizes, serial };
  }

  ids(sandbox: Sandbox): Ids {
    return createIds(seedOf(sandbox.id), sandbox.serial);
  }

  /**
   * Writes a handler's changes and the sandbox's new counters; the caller holds the transaction.
   * Ids handed out by a command that writes nothing (a server-side dry run) name nothing stored,
   * so the counters stay where they were, as etcd's revision does under a dry run.
   * The sandbox's stored bytes are counted as its rows are written when their sizes are in memory
   * (the cluster is cached or staged: always after `load`); otherwise SQLite sums them.
   */
  commit(sandbox: Sandbox, changes: readonly Change[], serial: number): Result<void, SandboxTooBig> {
    const grows = changes.some((c) => c.op.startsWith('put'));
    const known = this.staged.get(sandbox.id) ?? this.cache.get(sandbox.id);
    const before = known !== undefined ? known.bytes : grows ? this.bytes(sandbox.id) : 0;
    const counted = this.writeChanges(sandbox, changes, changes.length === 0 ? sandbox.serial : serial);
    if (!grows) return ok(undefined);
    const after = counted ?? this.bytes(sandbox.id);
    // Past the byte cap (and growing), the caller answers with the error: the transaction rolls back.
    return after > LIMITS.sandboxBytes && after > before
      ? err({ bytes: after, limit: LIMITS.sandboxBytes })
      : ok(undefined);
  }

  private bytes(id: number): number {
    return this.bytesOf.get(id, id, id)?.bytes ?? 0;
  }

  /** Writes the changes; the sandbox's stored bytes after them when counted (its rows' sizes were in memory). */
  private writeChanges(sandbox: Sandbox, changes: readonly Change[], serial: number): number | undefined {
    // A sandbox made in this transaction is written before its changes (`flush` writes one that
    // has none, at the end).
    if (changes.length > 0 || serial !== sandbox.serial)
      for (const pending of this.unwritten.values()) if (pending.id === sandbox.id) this.write(pending);
    let entry: Cached | undefined;
    if (changes.length > 0) {
      // Keep the written state in memory too, so the next read needs no reload; it becomes the
      // cache entry only when the transaction commits (`publish`), never if it rolls back. The
      // rows' sizes move on with it (updated in place: the base has left the cache, and a
      // rollback drops what is staged).
      const base = this.staged.get(sandbox.id) ?? this.cache.get(sandbox.id);
      this.uncache(sandbox.id);
      if (base !== undefined) {
        // Key by key rather than `{ ...base.cluster, now: 0 }` and `{ now, ...next }`: the build
        // compiles those to helpers that walk property descriptors (scripts/build-options.ts), and
        // every write comes through here.
        const applied = applyToCluster(Object.assign({}, base.cluster, { now: 0 }), changes);
        const next: Cached['cluster'] = {
          nodes: applied.nodes,
          namespaces: applied.namespaces,
          pods: applied.pods,
          services: applied.services,
          forwards: applied.forwards,
          files: applied.files,
        };
        entry = { cluster: next, bytes: base.bytes, sizes: base.sizes, serial };
        this.staged.set(sandbox.id, entry);
      }
    }
    let offset = sandbox.clockOffsetMs;
    for (const change of changes) {
      if (change.op === 'advanceClock') offset += change.ms;
      else if (entry !== undefined) this.applyCounted(sandbox.id, change, entry);
      else this.apply(sandbox.id, change, undefined);
    }
    if (offset !== sandbox.clockOffsetMs || serial !== sandbox.serial) {
      this.updateSandbox.run(offset, serial, sandbox.id);
      this.updatedRow(sandbox.id, offset, serial);
    }
    return entry?.bytes;
  }

  /** The row of sandbox `id`, if this store holds it, as `updateSandbox` just left it. */
  private updatedRow(id: number, offset: number, serial: number): void {
    const member = this.stagedRowMembers.get(id) ?? this.rowMembers.get(id);
    if (member === undefined) return;
    const row = this.stagedRows.has(member) ? this.stagedRows.get(member) : this.rows.get(member);
    if (row === undefined || row === null || row.id !== id) return;
    // A literal, not `{ ...row, … }` (the build's spread helpers: 1.4 µs on every write).
    this.stageRow(member, id, { id: row.id, created_at: row.created_at, clock_offset_ms: offset, serial });
  }

  /** The transaction committed: what it wrote is now what the cache serves. */
  publish(): void {
    // Most commands read: nothing staged, nothing to walk (each walk makes an iterator).
    if (this.staged.size === 0 && this.stagedRows.size === 0) {
      if (this.created.size > 0) this.created.clear();
      return;
    }
    for (const [id, entry] of this.staged) {
      if (FREEZE_CACHED) deepFreeze(entry.cluster);
      this.remember(id, entry);
    }
    this.staged.clear();
    this.created.clear();
    for (const [member, row] of this.stagedRows) {
      if (row === null) this.dropRow(member);
      else this.rememberRow(member, row);
    }
    this.stagedRows.clear();
    this.stagedRowMembers.clear();
  }

  /**
   * The transaction rolled back: forget what it would have written, and any sandbox it made on
   * first use, which is gone again (and whose id SQLite may hand to the next one).
   */
  discard(): void {
    this.staged.clear();
    this.stagedRows.clear();
    this.stagedRowMembers.clear();
    this.unwritten.clear();
    for (const id of this.created) this.uncache(id);
    this.created.clear();
  }

  /** Writes one change and counts it in the entry's bytes and rows' sizes. */
  private applyCounted(id: number, change: Exclude<Change, { op: 'advanceClock' }>, entry: Cached): void {
    entry.bytes += this.apply(id, change, entry.sizes);
  }

  /**
   * Writes one change. Given the sandbox's rows' sizes, keeps them as written and returns the
   * bytes the change added (negative: removed); without, returns 0.
   */
  private apply(
    id: number,
    change: Exclude<Change, { op: 'advanceClock' }>,
    sizes: Map<string, number> | undefined,
  ): number {
    switch (change.op) {
      case 'putPod': {
        const { namespace, name } = change.pod.metadata;
        const body = JSON.stringify(change.pod);
        this.putObject.run(id, 'Pod', namespace, name, body);
        return resize(sizes, objectRow('Pod', namespace, name), body);
      }
      case 'deletePod':
        this.deleteObject.run(id, 'Pod', change.namespace, change.name);
        return resize(sizes, objectRow('Pod', change.namespace, change.name), undefined);
      case 'putService': {
        const { namespace, name } = change.service.metadata;
        const body = JSON.stringify(change.service);
        this.putObject.run(id, 'Service', namespace, name, body);
        return resize(sizes, objectRow('Service', namespace, name), body);
      }
      case 'deleteService':
        this.deleteObject.run(id, 'Service', change.namespace, change.name);
        return resize(sizes, objectRow('Service', change.namespace, change.name), undefined);
      case 'putNode': {
        const body = JSON.stringify(change.node);
        this.putObject.run(id, 'Node', '', change.node.metadata.name, body);
        return resize(sizes, objectRow('Node', '', change.node.metadata.name), body);
      }
      case 'putNamespace': {
        const body = JSON.stringify(change.namespace);
        this.putObject.run(id, 'Namespace', '', change.namespace.metadata.name, body);
        return resize(sizes, objectRow('Namespace', '', change.namespace.metadata.name), body);
      }
      case 'deleteNamespace':
        this.deleteNamespaced.run(id, change.name);
        this.deleteObject.run(id, 'Namespace', '', change.name);
        return withoutNamespace(sizes, change.name);
      case 'putForward': {
        const body = JSON.stringify(change.forward);
        this.putForwardRow.run(id, change.forward.localPort, body);
        return resize(sizes, forwardRow(change.forward.localPort), body);
      }
      case 'deleteForward':
        this.deleteForwardRow.run(id, change.localPort);
        return resize(sizes, forwardRow(change.localPort), undefined);
      case 'putFile':
        this.putFileRow.run(id, change.file.name, change.file.content);
        return resize(sizes, fileRow(change.file.name), change.file.content);
      case 'deleteFile':
        this.deleteFileRow.run(id, change.name);
        return resize(sizes, fileRow(change.name), undefined);
    }
  }
}

/** Each row's key among a sandbox's rows' sizes (names are DNS labels and file names: no NUL). */
const objectRow = (kind: string, namespace: string, name: string) => `${kind}\0${namespace}\0${name}`;
const forwardRow = (localPort: number) => `forward\0${localPort}`;
const fileRow = (name: string) => `file\0${name}`;

/** A row written with `stored` (or deleted: undefined): its new size kept, the bytes it added returned. */
function resize(sizes: Map<string, number> | undefined, row: string, stored: string | undefined): number {
  if (sizes === undefined) return 0;
  const old = sizes.get(row) ?? 0;
  if (stored === undefined) {
    sizes.delete(row);
    return -old;
  }
  const size = Buffer.byteLength(stored);
  sizes.set(row, size);
  return size - old;
}

/** A namespace's row and its Pods' and Services' rows deleted (`deleteNamespaced`): the bytes freed, negative. */
function withoutNamespace(sizes: Map<string, number> | undefined, namespace: string): number {
  if (sizes === undefined) return 0;
  const pods = objectRow('Pod', namespace, '');
  const services = objectRow('Service', namespace, '');
  const own = objectRow('Namespace', '', namespace);
  let freed = 0;
  for (const [row, size] of sizes)
    if (row.startsWith(pods) || row.startsWith(services) || row === own) {
      freed += size;
      sizes.delete(row);
    }
  return -freed;
}

const toSandbox = (row: Row): Sandbox => ({
  id: row.id,
  createdAt: row.created_at,
  clockOffsetMs: row.clock_offset_ms,
  serial: row.serial,
});

const seedOf = (id: number) => `sandbox-${id}`;

const memberOf = (key: SandboxKey) => `${key.platform}/${key.scope}/${key.user}`;

interface Cached {
  cluster: Omit<Cluster, 'now'>;
  /** Its rows' bytes as stored (objects, port-forwards, saved files). */
  bytes: number;
  /** Each row's stored bytes, by `objectRow`, `forwardRow` or `fileRow` (a few hundred rows at most). */
  sizes: Map<string, number>;
  /** The sandbox's serial this copy is of (as stored once its transaction commits). */
  serial: number;
}

export interface CacheLimits {
  sandboxes: number;
  bytes: number;
}

/**
 * Active members whose clusters stay in memory, and their stored bytes together (a sandbox holds
 * at most 2 MiB, so 64 MiB is at least 32 full ones); the rest are read from SQLite.
 */
export const CACHE_LIMITS: CacheLimits = { sandboxes: 200, bytes: 64 * 1024 * 1024 };

/**
 * Sandbox rows kept in memory (a few hundred bytes each), more than the clusters kept: a row
 * without its cluster saves little (the cluster is read anyway).
 */
const ROWS = 1_000;

/** A write refused because the sandbox would hold more than its byte cap. */
export interface SandboxTooBig {
  bytes: number;
  limit: number;
}
