import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyToCluster, type Change } from '../../src/cluster/changes.ts';
import { createIds } from '../../src/cluster/ids.ts';
import type { Cluster } from '../../src/cluster/model.ts';
import { seedCluster } from '../../src/cluster/seed.ts';
import { firstGoneAt } from '../../src/cluster/terminating.ts';

/**
 * `applyToCluster` copies each list a change touches once and changes the copy in place. Over
 * seeded sequences of every kind of change it must give what applying them one by one with fresh
 * filtered lists gives (the same objects in the same order), and never change what it was given.
 */
const T0 = Date.UTC(2025, 0, 15, 10, 0, 0);
const SEED = 20261204;
const seed = seedCluster(T0, createIds('changes', 0));
const cluster: Cluster = { ...seed, forwards: [], files: [], now: T0 };
const [pod, service, node, namespace] = [seed.pods[0], seed.services[0], seed.nodes[0], seed.namespaces[0]];
if (pod === undefined || service === undefined || node === undefined || namespace === undefined)
  throw new Error('the seed cluster has a pod, a service, a node and a namespace');

/** The reference: each change returns a new cluster with freshly filtered lists. */
function oneByOne(c: Cluster, changes: readonly Change[]): Cluster {
  let next = c;
  const same = (ns: string, name: string) => (o: { metadata: { namespace: string; name: string } }) =>
    o.metadata.namespace === ns && o.metadata.name === name;
  for (const x of changes) {
    const c = next;
    if (x.op === 'putPod') {
      const hit = same(x.pod.metadata.namespace, x.pod.metadata.name);
      next = { ...c, pods: [...c.pods.filter((p) => !hit(p)), x.pod] };
    } else if (x.op === 'deletePod') {
      const hit = same(x.namespace, x.name);
      next = { ...c, pods: c.pods.filter((p) => !hit(p)) };
    } else if (x.op === 'putNode')
      next = { ...c, nodes: [...c.nodes.filter((n) => n.metadata.name !== x.node.metadata.name), x.node] };
    else if (x.op === 'putNamespace')
      next = {
        ...c,
        namespaces: [
          ...c.namespaces.filter((n) => n.metadata.name !== x.namespace.metadata.name),
          x.namespace,
        ],
      };
    else if (x.op === 'deleteNamespace')
      next = {
        ...c,
        namespaces: c.namespaces.filter((n) => n.metadata.name !== x.name),
        pods: c.pods.filter((p) => p.metadata.namespace !== x.name),
        services: c.services.filter((s) => s.metadata.namespace !== x.name),
      };
    else if (x.op === 'putService') {
      const hit = same(x.service.metadata.namespace, x.service.metadata.name);
      next = { ...c, services: [...c.services.filter((s) => !hit(s)), x.service] };
    } else if (x.op === 'deleteService') {
      const hit = same(x.namespace, x.name);
      next = { ...c, services: c.services.filter((s) => !hit(s)) };
    } else if (x.op === 'putForward')
      next = {
        ...c,
        forwards: [...c.forwards.filter((f) => f.localPort !== x.forward.localPort), x.forward],
      };
    else if (x.op === 'deleteForward')
      next = { ...c, forwards: c.forwards.filter((f) => f.localPort !== x.localPort) };
    else if (x.op === 'putFile')
      next = { ...c, files: [...c.files.filter((f) => f.name !== x.file.name), x.file] };
    else if (x.op === 'deleteFile') next = { ...c, files: c.files.filter((f) => f.name !== x.name) };
    else next = { ...c, now: c.now + x.ms };
  }
  return next;
}

const ns = fc.constantFrom('default', 'kube-system', 'team');
const name = fc.constantFrom('a', 'b', 'c');
const version = fc.integer({ min: 0, max: 9 }).map(String);
/** A pod Terminating until then, or not (a few times, so that two pods may leave together). */
const goneAt = fc.option(fc.integer({ min: 0, max: 4 }).map((k) => T0 + k * 1000));
const change: fc.Arbitrary<Change> = fc.oneof(
  fc.tuple(ns, name, version, goneAt).map(([namespace, name, v, gone]) => ({
    op: 'putPod' as const,
    pod: {
      ...pod,
      metadata: { ...pod.metadata, namespace, name, resourceVersion: v },
      sim:
        gone === null
          ? pod.sim
          : { ...pod.sim, deletion: { requestedAt: T0, gracePeriodSeconds: 30, goneAt: gone } },
    },
  })),
  fc.tuple(ns, name).map(([namespace, name]) => ({ op: 'deletePod' as const, namespace, name })),
  fc.tuple(ns, name, version).map(([namespace, name, v]) => ({
    op: 'putService' as const,
    service: { ...service, metadata: { ...service.metadata, namespace, name, resourceVersion: v } },
  })),
  fc.tuple(ns, name).map(([namespace, name]) => ({ op: 'deleteService' as const, namespace, name })),
  fc.tuple(name, version).map(([name, v]) => ({
    op: 'putNode' as const,
    node: { ...node, metadata: { ...node.metadata, name, resourceVersion: v } },
  })),
  fc.tuple(ns, version).map(([name, v]) => ({
    op: 'putNamespace' as const,
    namespace: { ...namespace, metadata: { ...namespace.metadata, name, resourceVersion: v } },
  })),
  ns.map((name) => ({ op: 'deleteNamespace' as const, name })),
  fc.tuple(fc.integer({ min: 8000, max: 8002 }), version).map(([localPort, v]) => ({
    op: 'putForward' as const,
    forward: { localPort, namespace: 'default', pod: v, podUid: v, podPort: 80 },
  })),
  fc.integer({ min: 8000, max: 8002 }).map((localPort) => ({ op: 'deleteForward' as const, localPort })),
  fc.tuple(name, version).map(([name, content]) => ({ op: 'putFile' as const, file: { name, content } })),
  name.map((name) => ({ op: 'deleteFile' as const, name })),
  fc.integer({ min: 0, max: 5000 }).map((ms) => ({ op: 'advanceClock' as const, ms })),
);

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

describe('applyToCluster', () => {
  it('GIVEN seeded sequences of every kind of change, in one batch or several THEN the result is what applying them one by one gives, and the cluster given is unchanged', () => {
    const frozen = deepFreeze(structuredClone(cluster));
    const before = JSON.stringify(frozen);
    fc.assert(
      fc.property(fc.array(change, { maxLength: 40 }), fc.integer({ min: 1, max: 40 }), (changes, cut) => {
        const expected = oneByOne(frozen, changes);
        expect(applyToCluster(frozen, changes)).toEqual(expected);
        const first = applyToCluster(frozen, changes.slice(0, cut));
        expect(applyToCluster(deepFreeze(first), changes.slice(cut))).toEqual(expected);
        expect(JSON.stringify(frozen)).toBe(before);
      }),
      { seed: SEED, numRuns: 500 },
    );
  });

  it("GIVEN the first gone time of a cluster's pods known WHEN changes are applied, in one batch or several THEN the one the result's pods are known by is the earliest of them, worked out afresh", () => {
    const earliest = (c: Cluster) =>
      Math.min(
        Number.POSITIVE_INFINITY,
        ...c.pods.map((p) => p.sim.deletion?.goneAt ?? Number.POSITIVE_INFINITY),
      );
    fc.assert(
      fc.property(
        fc.array(change, { maxLength: 12 }),
        fc.array(change, { maxLength: 12 }),
        fc.array(change, { maxLength: 12 }),
        (setup, first, second) => {
          const base = applyToCluster(cluster, setup);
          // Asked once, so that it is known (as the store's load asks before every command).
          expect(firstGoneAt(base.pods)).toBe(earliest(base));
          const once = applyToCluster(base, first);
          expect(firstGoneAt(once.pods)).toBe(earliest(once));
          const twice = applyToCluster(once, second);
          expect(firstGoneAt(twice.pods)).toBe(earliest(twice));
        },
      ),
      { seed: SEED, numRuns: 1000 },
    );
  });
});
