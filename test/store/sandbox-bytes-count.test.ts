import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3, { type Database } from 'better-sqlite3';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Change } from '../../src/cluster/changes.ts';
import { createIds } from '../../src/cluster/ids.ts';
import { LIMITS } from '../../src/cluster/limits.ts';
import type { Cluster, PortForward, SavedFile } from '../../src/cluster/model.ts';
import { seedCluster } from '../../src/cluster/seed.ts';
import { err, ok } from '../../src/result.ts';
import { type SandboxKey, SandboxStore } from '../../src/store/sandboxes.ts';
import { T0, testApp } from '../helpers/app.ts';

/**
 * The store keeps in memory what it would otherwise ask SQLite on every command: each sandbox's
 * stored bytes (counted as it writes its rows, for the byte cap's check), its row (id, clock
 * offset, serial) and its cluster. After any sequence of writes, deletes, namespace deletes,
 * forwards, files, resets and a sibling connection's writes, however the sandbox was cached (or
 * not), the count must be what SQLite sums, the cap must refuse exactly the writes the sum
 * refused (a write with a put that leaves the sandbox past the cap and bigger than it was), and
 * what the store serves must be what a fresh store reads.
 */
const SEED = 20261204;
const KEY: SandboxKey = { platform: 'console', scope: 'test', user: 'alice' };
const TEMPLATE = seedCluster(T0, createIds('template', 0));
const first = <T>(xs: readonly T[]): T => {
  const [x] = xs;
  if (x === undefined) throw new Error('the seed cluster has a pod, a node, a namespace and a service');
  return x;
};
const [POD, NODE, NAMESPACE, SERVICE] = [
  first(TEMPLATE.pods),
  first(TEMPLATE.nodes),
  first(TEMPLATE.namespaces),
  first(TEMPLATE.services),
];

/** What SQLite holds for the member's sandbox, summed as the store once did around every write. */
function storedBytes(db: Database): number {
  return (
    db
      .prepare<[], { bytes: number | null }>(
        `SELECT (SELECT coalesce(sum(octet_length(body)), 0) FROM objects WHERE sandbox_id = s.id)
              + (SELECT coalesce(sum(octet_length(body)), 0) FROM port_forwards WHERE sandbox_id = s.id)
              + (SELECT coalesce(sum(octet_length(content)), 0) FROM saved_files WHERE sandbox_id = s.id) AS bytes
           FROM sandboxes s WHERE s.platform = 'console' AND s.scope = 'test' AND s.user_id = 'alice'`,
      )
      .get()?.bytes ?? 0
  );
}

const OPS = [
  'putPod',
  'deletePod',
  'putService',
  'deleteService',
  'putNode',
  'putNamespace',
  'deleteNamespace',
  'putForward',
  'deleteForward',
  'putFile',
  'deleteFile',
  'advanceClock',
] as const;

/** One change, drawn abstractly: which object (namespace, index) and how big a payload of which character. */
const changeSpec = fc.record({
  op: fc.constantFrom(...OPS),
  namespace: fc.constantFrom('default', 'team-a', 'team-b'),
  index: fc.integer({ min: 0, max: 4 }),
  size: fc.oneof(fc.integer({ min: 0, max: 64 }), fc.integer({ min: 0, max: 700_000 })),
  // Several UTF-8 lengths, a NUL and a lone surrogate (stored as U+FFFD in a file, escaped in JSON).
  char: fc.constantFrom('x', 'é', '한', '😀', '\u0000', '\ud800'),
});
type ChangeSpec = typeof changeSpec extends fc.Arbitrary<infer T> ? T : never;

function changeOf({ op, namespace, index, size, char }: ChangeSpec): Change {
  const payload = char.repeat(Math.floor(size / Buffer.byteLength(char)));
  const name = `o${index}`;
  switch (op) {
    case 'putPod':
      return {
        op,
        pod: { ...POD, metadata: { ...POD.metadata, namespace, name, annotations: { big: payload } } },
      };
    case 'deletePod':
      return { op, namespace, name };
    case 'putService':
      return {
        op,
        service: { ...SERVICE, metadata: { ...SERVICE.metadata, namespace, name, labels: { big: payload } } },
      };
    case 'deleteService':
      return { op, namespace, name };
    case 'putNode':
      return { op, node: { ...NODE, metadata: { ...NODE.metadata, labels: { big: payload } } } };
    case 'putNamespace':
      return {
        op,
        namespace: {
          ...NAMESPACE,
          metadata: { ...NAMESPACE.metadata, name: namespace, labels: { big: payload } },
        },
      };
    case 'deleteNamespace':
      // `default` is never deleted (kubectl and the API refuse it; its Service is every cluster's).
      return { op, name: namespace === 'default' ? 'team-a' : namespace };
    case 'putForward':
      return {
        op,
        forward: {
          localPort: 8000 + index,
          namespace,
          pod: `${name}${payload.slice(0, 300)}`,
          podUid: 'u',
          podPort: 80,
        },
      };
    case 'deleteForward':
      return { op, localPort: 8000 + index };
    case 'putFile':
      return { op, file: { name: `${name}.yaml`, content: payload } };
    case 'deleteFile':
      return { op, name: `${name}.yaml` };
    case 'advanceClock':
      return { op, ms: size };
  }
}

/**
 * How a step finds the store: its cluster cached (the usual), dropped first (`forget`, then `load`
 * reads it again), dropped and never loaded (the commit alone), a store just made (a cold start),
 * the member's sandbox reset (a new one, unwritten) first, or written by a sibling worker (another
 * connection and store) after which this store is told to `forget`, as the pool tells a worker.
 */
const HOW = ['cached', 'forgotten', 'unloaded', 'cold', 'reset', 'sibling'] as const;
const step = fc.record({
  how: fc.constantFrom(...HOW),
  // One commit per transaction, or two (the second starts from what the first staged); each may
  // move the sandbox's serial on (from the serial `open` gave, so a second may move it back).
  commits: fc.array(
    fc.record({
      specs: fc.array(changeSpec, { minLength: 1, maxLength: 4 }),
      bump: fc.integer({ min: 0, max: 2 }),
    }),
    { minLength: 1, maxLength: 2 },
  ),
});
type Step = typeof step extends fc.Arbitrary<infer T> ? T : never;

class Refused extends Error {}

/**
 * A saved file's text with a lone surrogate is held as given but stored as SQLite encodes it
 * (read back as U+FFFD, three per surrogate): known, and left to the file's writers; such a
 * file's content is compared by its byte count alone (above), not its text.
 */
const NOT_WELL_FORMED = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]|\ufffd/;

/** A cluster as JSON, each list in the order SQLite reads it (a write puts its object last). */
function sorted(cluster: Cluster): string {
  const by =
    <T>(key: (x: T) => string) =>
    (xs: readonly T[]) =>
      [...xs].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  const named = by(
    (o: { metadata: { name: string; namespace?: string } }) =>
      `${o.metadata.namespace ?? ''}/${o.metadata.name}`,
  );
  return JSON.stringify({
    ...cluster,
    pods: named(cluster.pods),
    services: named(cluster.services),
    nodes: named(cluster.nodes),
    namespaces: named(cluster.namespaces),
    forwards: by((f: PortForward) => String(f.localPort).padStart(6, '0'))(cluster.forwards),
    files: by((f: SavedFile) => f.name)(cluster.files).map(({ name, content }) => ({
      name,
      content: NOT_WELL_FORMED.test(content) ? '(not well-formed)' : content,
    })),
  });
}

/** Runs one step's transaction through `store` on `db`, checking each commit's answer against SQLite's sums. */
function run(db: Database, store: SandboxStore, { how, commits }: Step): 'allowed' | 'refused' {
  try {
    db.transaction(() => {
      const sandbox = how === 'reset' ? store.reset(KEY, T0) : store.open(KEY, T0);
      if (how !== 'unloaded') store.load(sandbox, T0);
      for (const { specs, bump } of commits) {
        const changes = specs.map(changeOf);
        const before = storedBytes(db);
        const result = store.commit(sandbox, changes, sandbox.serial + bump);
        const after = storedBytes(db);
        const grows = changes.some((c) => c.op.startsWith('put'));
        const refused = grows && after > LIMITS.sandboxBytes && after > before;
        expect(result).toEqual(refused ? err({ bytes: after, limit: LIMITS.sandboxBytes }) : ok(undefined));
        if (refused) throw new Refused();
      }
      store.flush();
    })();
    store.publish();
    return 'allowed';
  } catch (e) {
    store.discard();
    if (!(e instanceof Refused)) throw e;
    return 'refused';
  }
}

describe('the sandbox store’s memory (seeded)', () => {
  it('GIVEN any sequence of writes, deletes, namespace deletes, forwards, files, resets and a sibling’s writes, cached or not THEN the byte count equals the SQL sum, the cap refuses exactly what the sum refused, and the cached rows and clusters are what a fresh store reads', () => {
    const seen: Record<Step['how'] | 'refused' | 'allowed', number> = {
      refused: 0,
      allowed: 0,
      cached: 0,
      forgotten: 0,
      unloaded: 0,
      cold: 0,
      reset: 0,
      sibling: 0,
    };
    const dir = mkdtempSync(join(tmpdir(), 'sandbox-store-'));
    let runs = 0;
    fc.assert(
      fc.property(fc.array(step, { minLength: 12, maxLength: 20 }), (steps) => {
        const path = join(dir, `run-${runs++}.db`);
        const { db } = testApp(path).app;
        const siblingDb = new BetterSqlite3(path);
        const sibling = new SandboxStore(siblingDb);
        let store = new SandboxStore(db);
        try {
          for (const s of steps) {
            seen[s.how] += 1;
            if (s.how === 'forgotten' || s.how === 'unloaded') store.forget(KEY);
            if (s.how === 'cold') store = new SandboxStore(db);
            if (s.how === 'sibling') {
              sibling.forget(KEY);
              seen[run(siblingDb, sibling, s)] += 1;
              store.forget(KEY);
            } else seen[run(db, store, s)] += 1;
            // Whatever the cache kept is what SQLite holds, and so is what it reads again.
            const cached = store.cacheSize();
            if (cached.sandboxes === 1) expect(cached.bytes).toBe(storedBytes(db));
            const fresh = new SandboxStore(db);
            expect(store.exists(KEY)).toBe(fresh.exists(KEY));
            if (fresh.exists(KEY)) {
              const [mine, stored] = [store.open(KEY, T0), fresh.open(KEY, T0)];
              expect(mine).toEqual(stored);
              const cluster = sorted(store.load(mine, T0));
              expect(store.cacheSize()).toEqual({ sandboxes: 1, bytes: storedBytes(db) });
              expect(cluster === sorted(fresh.load(stored, T0))).toBe(true);
            }
          }
        } finally {
          siblingDb.close();
          db.close();
        }
      }),
      { seed: SEED, numRuns: 15 },
    );
    rmSync(dir, { recursive: true, force: true });
    // Every way of reaching the store ran, and the cap both refused and allowed.
    for (const how of HOW) expect(seen[how]).toBeGreaterThan(20);
    expect(seen.refused).toBeGreaterThan(20);
    expect(seen.allowed).toBeGreaterThan(20);
  });
});
