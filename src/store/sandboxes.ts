import type { Database, Statement } from 'better-sqlite3';
import type { Platform } from '../chat/request.ts';
import { applyToCluster, type Change } from '../cluster/changes.ts';
import { createIds, type Ids } from '../cluster/ids.ts';
import { LIMITS } from '../cluster/limits.ts';
import type { Cluster, Namespace, Node, Pod, PortForward, SavedFile } from '../cluster/model.ts';
import { seedCluster } from '../cluster/seed.ts';
import { err, ok, type Result } from '../result.ts';

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
  private readonly insert: Statement<[string, string, string, number]>;
  private readonly objectsOf: Statement<[number], { kind: string; body: string }>;
  private readonly forwardsOf: Statement<[number], { body: string }>;
  private readonly filesOf: Statement<[number], { name: string; content: string }>;
  private readonly putObject: Statement<[number, string, string, string, string]>;
  private readonly deleteObject: Statement<[number, string, string, string]>;
  private readonly deleteNamespaced: Statement<[number, string]>;
  private readonly putForwardRow: Statement<[number, number, string]>;
  private readonly deleteForwardRow: Statement<[number, number]>;
  private readonly putFileRow: Statement<[number, string, string]>;
  private readonly deleteFileRow: Statement<[number, string]>;
  private readonly updateSandbox: Statement<[number, number, number]>;
  private readonly deleteSandbox: Statement<[number]>;
  private readonly bytesOf: Statement<[number, number, number], { bytes: number }>;

  /** Loaded clusters, least recently used first, with the bytes their rows hold (about their size in memory). */
  private readonly cache = new Map<number, Cached>();
  private cachedBytes = 0;
  /** Clusters as the open transaction left them; they enter the cache only once it commits. */
  private readonly staged = new Map<number, Cached>();
  /** Sandboxes made (on first use, or by reset) since the last commit or rollback. */
  private readonly created = new Set<number>();

  constructor(
    db: Database,
    private readonly cacheLimit = { sandboxes: CACHE_SANDBOXES, bytes: CACHE_BYTES },
  ) {
    this.find = db.prepare(
      'SELECT id, created_at, clock_offset_ms, serial FROM sandboxes WHERE platform = ? AND scope = ? AND user_id = ?',
    );
    this.insert = db.prepare(
      'INSERT INTO sandboxes (platform, scope, user_id, created_at) VALUES (?, ?, ?, ?)',
    );
    this.objectsOf = db.prepare(
      'SELECT kind, body FROM objects WHERE sandbox_id = ? ORDER BY kind, namespace, name',
    );
    this.forwardsOf = db.prepare('SELECT body FROM port_forwards WHERE sandbox_id = ? ORDER BY local_port');
    this.filesOf = db.prepare('SELECT name, content FROM saved_files WHERE sandbox_id = ? ORDER BY name');
    this.putObject = db.prepare(
      'INSERT OR REPLACE INTO objects (sandbox_id, kind, namespace, name, body) VALUES (?, ?, ?, ?, ?)',
    );
    this.deleteObject = db.prepare(
      'DELETE FROM objects WHERE sandbox_id = ? AND kind = ? AND namespace = ? AND name = ?',
    );
    this.deleteNamespaced = db.prepare(
      "DELETE FROM objects WHERE sandbox_id = ? AND kind = 'Pod' AND namespace = ?",
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
    this.bytesOf = db.prepare(
      `SELECT (SELECT coalesce(sum(octet_length(body)), 0) FROM objects WHERE sandbox_id = ?)
            + (SELECT coalesce(sum(octet_length(body)), 0) FROM port_forwards WHERE sandbox_id = ?)
            + (SELECT coalesce(sum(octet_length(content)), 0) FROM saved_files WHERE sandbox_id = ?) AS bytes`,
    );
  }

  /** The member's sandbox, made and seeded with a fresh cluster on first use. */
  open(key: SandboxKey, now: number): Sandbox {
    const row = this.find.get(key.platform, key.scope, key.user);
    if (row !== undefined) return toSandbox(row);
    const id = Number(this.insert.run(key.platform, key.scope, key.user, now).lastInsertRowid);
    this.created.add(id);
    this.forget(id);
    const ids = createIds(seedOf(id), 0);
    const seed = seedCluster(now, ids);
    for (const node of seed.nodes) this.apply(id, { op: 'putNode', node });
    for (const namespace of seed.namespaces) this.apply(id, { op: 'putNamespace', namespace });
    for (const pod of seed.pods) this.apply(id, { op: 'putPod', pod });
    this.updateSandbox.run(0, ids.serial, id);
    return { id, createdAt: now, clockOffsetMs: 0, serial: ids.serial };
  }

  exists(key: SandboxKey): boolean {
    return this.find.get(key.platform, key.scope, key.user) !== undefined;
  }

  reset(key: SandboxKey, now: number): Sandbox {
    const row = this.find.get(key.platform, key.scope, key.user);
    if (row !== undefined) {
      this.forget(row.id);
      this.staged.delete(row.id);
      this.deleteSandbox.run(row.id);
    }
    return this.open(key, now);
  }

  /**
   * The sandbox's objects as of now. Loaded clusters are cached per sandbox (reads are most of
   * the traffic); any write through `commit` or `reset` drops the entry, so a rolled-back
   * transaction can never leave a stale copy. Handlers never mutate what they are given: under
   * the tests every cached object is frozen, so a mutation throws.
   */
  load(sandbox: Sandbox, realNow: number): Cluster {
    const staged = this.staged.get(sandbox.id);
    if (staged !== undefined) return { ...staged.cluster, now: realNow + sandbox.clockOffsetMs };
    const cached = this.cache.get(sandbox.id) ?? this.read(sandbox.id);
    // Least recently used first: re-inserting moves the entry to the end of the Map's order.
    this.remember(sandbox.id, cached);
    return { ...cached.cluster, now: realNow + sandbox.clockOffsetMs };
  }

  /** Puts an entry last in the cache, then drops the least recently used past the count or the bytes. */
  private remember(id: number, entry: Cached): void {
    this.forget(id);
    this.cache.set(id, entry);
    this.cachedBytes += entry.bytes;
    for (const [oldest] of this.cache) {
      if (this.cache.size <= this.cacheLimit.sandboxes && this.cachedBytes <= this.cacheLimit.bytes) break;
      if (oldest === id) break;
      this.forget(oldest);
    }
  }

  private forget(id: number): void {
    this.cachedBytes -= this.cache.get(id)?.bytes ?? 0;
    this.cache.delete(id);
  }

  /** Bytes held in memory by the cache (the JSON size of the rows it was read from). */
  get cacheBytes(): number {
    return this.cachedBytes;
  }

  private read(id: number): Cached {
    const cluster: Omit<Cluster, 'now'> = { nodes: [], namespaces: [], pods: [], forwards: [], files: [] };
    let bytes = 0;
    for (const { kind, body } of this.objectsOf.all(id)) {
      bytes += body.length;
      if (kind === 'Pod') cluster.pods.push(JSON.parse(body) as Pod);
      else if (kind === 'Node') cluster.nodes.push(JSON.parse(body) as Node);
      else cluster.namespaces.push(JSON.parse(body) as Namespace);
    }
    for (const { body } of this.forwardsOf.all(id)) {
      bytes += body.length;
      cluster.forwards.push(JSON.parse(body) as PortForward);
    }
    for (const file of this.filesOf.all(id)) {
      bytes += file.content.length;
      cluster.files.push(file as SavedFile);
    }
    if (FREEZE) deepFreeze(cluster);
    return { cluster, bytes };
  }

  ids(sandbox: Sandbox): Ids {
    return createIds(seedOf(sandbox.id), sandbox.serial);
  }

  /**
   * Writes a handler's changes and the sandbox's new counters; the caller holds the transaction.
   * A write that would take the sandbox past `LIMITS.sandboxBytes` (and grow it) is refused: the
   * caller answers with the error and so rolls the transaction back (nothing changed).
   */
  commit(sandbox: Sandbox, changes: readonly Change[], serial: number): Result<void, SandboxTooBig> {
    const grows = changes.some((c) => putKey(c) !== undefined);
    const before = grows ? this.bytes(sandbox.id) : 0;
    this.write(sandbox, changes, serial);
    if (!grows) return ok(undefined);
    const after = this.bytes(sandbox.id);
    if (after > LIMITS.sandboxBytes && after > before)
      return err({ bytes: after, limit: LIMITS.sandboxBytes });
    const staged = this.staged.get(sandbox.id);
    if (staged !== undefined) staged.bytes = after;
    return ok(undefined);
  }

  private bytes(id: number): number {
    return this.bytesOf.get(id, id, id)?.bytes ?? 0;
  }

  private write(sandbox: Sandbox, changes: readonly Change[], serial: number): void {
    if (changes.length > 0) {
      // Keep the written state in memory too, so the next read needs no reload; it becomes the
      // cache entry only when the transaction commits (`publish`), never if it rolls back.
      const base = this.staged.get(sandbox.id) ?? this.cache.get(sandbox.id);
      this.forget(sandbox.id);
      if (base !== undefined) {
        const { now: _, ...next } = applyToCluster({ ...base.cluster, now: 0 }, changes);
        this.staged.set(sandbox.id, { cluster: next, bytes: base.bytes });
      }
    }
    let offset = sandbox.clockOffsetMs;
    const last = lastPuts(changes);
    changes.forEach((change, i) => {
      if (change.op === 'advanceClock') offset += change.ms;
      else if (putKey(change) === undefined || last.get(putKey(change) ?? '') === i)
        this.apply(sandbox.id, change);
    });
    if (offset !== sandbox.clockOffsetMs || serial !== sandbox.serial)
      this.updateSandbox.run(offset, serial, sandbox.id);
  }

  /** The transaction committed: what it wrote is now what the cache serves. */
  publish(): void {
    for (const [id, entry] of this.staged) {
      if (FREEZE) deepFreeze(entry.cluster);
      this.remember(id, entry);
    }
    this.staged.clear();
    this.created.clear();
  }

  /**
   * The transaction rolled back: forget what it would have written, and any sandbox it made on
   * first use, which is gone again (and whose id SQLite may hand to the next one).
   */
  discard(): void {
    this.staged.clear();
    for (const id of this.created) this.forget(id);
    this.created.clear();
  }

  private apply(id: number, change: Exclude<Change, { op: 'advanceClock' }>): void {
    switch (change.op) {
      case 'putPod':
        this.putObject.run(
          id,
          'Pod',
          change.pod.metadata.namespace,
          change.pod.metadata.name,
          JSON.stringify(change.pod),
        );
        return;
      case 'deletePod':
        this.deleteObject.run(id, 'Pod', change.namespace, change.name);
        return;
      case 'putNode':
        this.putObject.run(id, 'Node', '', change.node.metadata.name, JSON.stringify(change.node));
        return;
      case 'putNamespace':
        this.putObject.run(
          id,
          'Namespace',
          '',
          change.namespace.metadata.name,
          JSON.stringify(change.namespace),
        );
        return;
      case 'deleteNamespace':
        this.deleteNamespaced.run(id, change.name);
        this.deleteObject.run(id, 'Namespace', '', change.name);
        return;
      case 'putForward':
        this.putForwardRow.run(id, change.forward.localPort, JSON.stringify(change.forward));
        return;
      case 'deleteForward':
        this.deleteForwardRow.run(id, change.localPort);
        return;
      case 'putFile':
        this.putFileRow.run(id, change.file.name, change.file.content);
        return;
      case 'deleteFile':
        this.deleteFileRow.run(id, change.name);
        return;
    }
  }
}

/** The row a put writes (a later put of the same row makes it moot), or undefined for other changes. */
function putKey(change: Change): string | undefined {
  switch (change.op) {
    case 'putPod':
      return `Pod/${change.pod.metadata.namespace}/${change.pod.metadata.name}`;
    case 'putNode':
      return `Node/${change.node.metadata.name}`;
    case 'putNamespace':
      return `Namespace/${change.namespace.metadata.name}`;
    case 'putForward':
      return `Forward/${change.forward.localPort}`;
    case 'putFile':
      return `File/${change.file.name}`;
    default:
      return undefined;
  }
}

/** For each row put more than once, the index of its last put: only that one is serialized and written. */
function lastPuts(changes: readonly Change[]): Map<string, number> {
  const last = new Map<string, number>();
  changes.forEach((change, i) => {
    const key = putKey(change);
    if (key !== undefined) last.set(key, i);
  });
  return last;
}

const toSandbox = (row: Row): Sandbox => ({
  id: row.id,
  createdAt: row.created_at,
  clockOffsetMs: row.clock_offset_ms,
  serial: row.serial,
});

const seedOf = (id: number) => `sandbox-${id}`;

const FREEZE = process.env.VITEST !== undefined;

/** Active members at once whose clusters stay in memory; the rest are read from SQLite. */
const CACHE_SANDBOXES = 200;
/** And at most this many bytes of them (200 sandboxes at the byte cap would be 400 MB). */
const CACHE_BYTES = 64 * 1024 * 1024;

interface Cached {
  cluster: Omit<Cluster, 'now'>;
  bytes: number;
}

/** A write refused because the sandbox would hold more than its byte cap. */
export interface SandboxTooBig {
  bytes: number;
  limit: number;
}

function deepFreeze(value: unknown): void {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return;
  Object.freeze(value);
  for (const child of Object.values(value)) deepFreeze(child);
}
