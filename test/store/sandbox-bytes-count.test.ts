import type { Database } from 'better-sqlite3';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Change } from '../../src/cluster/changes.ts';
import { createIds } from '../../src/cluster/ids.ts';
import { LIMITS } from '../../src/cluster/limits.ts';
import { seedCluster } from '../../src/cluster/seed.ts';
import { err, ok } from '../../src/result.ts';
import { type SandboxKey, SandboxStore } from '../../src/store/sandboxes.ts';
import { T0, testApp } from '../helpers/app.ts';

/**
 * The store counts a sandbox's stored bytes as it writes its rows (the byte cap's check), instead
 * of summing them in SQLite around every write. After any sequence of writes, deletes, namespace
 * deletes, forwards and files, however the sandbox was cached (or not), the count must be what
 * SQLite sums, and the cap must refuse exactly the writes the sum refused: a write with a put
 * that leaves the sandbox past the cap and bigger than it was.
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
      return { op, name: namespace };
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
 * How a step finds the store: its cluster cached (the usual), dropped first (a sibling worker
 * wrote: `forget`, then `load` reads it again), dropped and never loaded (the commit alone), a
 * store just made (a cold start), or the member's sandbox reset (a new one, unwritten) first.
 */
const HOW = ['cached', 'forgotten', 'unloaded', 'cold', 'reset'] as const;
const step = fc.record({
  how: fc.constantFrom(...HOW),
  // One commit per transaction, or two (the second starts from what the first staged).
  commits: fc.array(fc.array(changeSpec, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 2 }),
});

class Refused extends Error {}

describe('sandbox bytes, counted as written (seeded)', () => {
  it('GIVEN any sequence of writes, deletes, namespace deletes, forwards and files, cached or not THEN the count equals the SQL sum and the cap refuses exactly what the sum refused', () => {
    const seen: Record<(typeof HOW)[number] | 'refused' | 'allowed', number> = {
      refused: 0,
      allowed: 0,
      cached: 0,
      forgotten: 0,
      unloaded: 0,
      cold: 0,
      reset: 0,
    };
    fc.assert(
      fc.property(fc.array(step, { minLength: 10, maxLength: 30 }), (steps) => {
        const { db } = testApp().app;
        let store = new SandboxStore(db);
        for (const { how, commits } of steps) {
          seen[how] += 1;
          if (how === 'forgotten' || how === 'unloaded') store.forget(KEY);
          if (how === 'cold') store = new SandboxStore(db);
          try {
            db.transaction(() => {
              const sandbox = how === 'reset' ? store.reset(KEY, T0) : store.open(KEY, T0);
              if (how !== 'unloaded') store.load(sandbox, T0);
              for (const specs of commits) {
                const changes = specs.map(changeOf);
                const before = storedBytes(db);
                const result = store.commit(sandbox, changes, sandbox.serial);
                const after = storedBytes(db);
                const grows = changes.some((c) => c.op.startsWith('put'));
                const refused = grows && after > LIMITS.sandboxBytes && after > before;
                expect(result).toEqual(
                  refused ? err({ bytes: after, limit: LIMITS.sandboxBytes }) : ok(undefined),
                );
                if (refused) throw new Refused();
              }
              store.flush();
            })();
            store.publish();
            seen.allowed += 1;
          } catch (e) {
            store.discard();
            if (!(e instanceof Refused)) throw e;
            seen.refused += 1;
          }
          // Whatever the cache kept is what SQLite holds, and so is what it reads again.
          const cached = store.cacheSize();
          if (cached.sandboxes === 1) expect(cached.bytes).toBe(storedBytes(db));
          if (store.exists(KEY)) {
            store.load(store.open(KEY, T0), T0);
            expect(store.cacheSize()).toEqual({ sandboxes: 1, bytes: storedBytes(db) });
          }
        }
      }),
      { seed: SEED, numRuns: 25 },
    );
    // Every way of reaching the store ran, and the cap both refused and allowed.
    for (const how of HOW) expect(seen[how]).toBeGreaterThan(20);
    expect(seen.refused).toBeGreaterThan(20);
    expect(seen.allowed).toBeGreaterThan(20);
  });
});
