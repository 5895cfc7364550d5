import { describe, expect, it } from 'vitest';
import { parseSelector } from '../../src/cluster/labels/selector.ts';
import type { Cluster, Pod } from '../../src/cluster/model.ts';
import { type AnyObject, compare, listObjects } from '../../src/kubectl/query.ts';
import { resolveResource } from '../../src/kubectl/resources.ts';
import { boundPod, seededCluster } from '../cluster/lifecycle-fixtures.ts';

/**
 * `listObjects` sorts each of a cluster's lists once and keeps the sorted copy by the list. Over
 * many clusters (pods in random order and namespaces, written one after another as the store
 * does: each write a new list), its answer must equal a list filtered and sorted afresh.
 */
const nsOf = (o: AnyObject) => ('namespace' in o.metadata ? o.metadata.namespace : '');
function fresh(all: readonly AnyObject[], namespace: string | null, matches: (o: AnyObject) => boolean) {
  return all
    .filter(
      (o) => (namespace === null || !('namespace' in o.metadata) || nsOf(o) === namespace) && matches(o),
    )
    .sort((a, b) => compare(nsOf(a), nsOf(b)) || compare(a.metadata.name, b.metadata.name));
}

const podNamed = (name: string, namespace: string, env: string): Pod => {
  const pod = boundPod([{}]);
  return { ...pod, metadata: { ...pod.metadata, name, namespace, labels: { env } } };
};

describe('listing objects in the API order', () => {
  it('GIVEN 300 writes in random order WHEN every type is listed after each THEN the kept order equals a fresh sort', () => {
    let seed = 2024;
    const next = () => {
      seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0;
      return seed / 2 ** 32;
    };
    let cluster: Cluster = seededCluster();
    const selector = parseSelector('env in (prod)');
    if (!selector.ok) throw new Error('selector');
    const prod = (o: AnyObject) => o.metadata.labels.env === 'prod';
    const types = ['pods', 'services', 'nodes', 'namespaces'] as const;
    let differences = 0;
    for (let i = 0; i < 300; i++) {
      const name = `p${Math.floor(next() * 60)}`;
      const namespace = next() < 0.7 ? 'default' : 'kube-system';
      const others = cluster.pods.filter(
        (p) => !(p.metadata.name === name && p.metadata.namespace === namespace),
      );
      // As the store writes: a changed pod goes last (or is removed), in a new list.
      cluster = {
        ...cluster,
        pods: next() < 0.2 ? others : [...others, podNamed(name, namespace, next() < 0.5 ? 'prod' : 'dev')],
      };
      for (const type of types) {
        const resource = resolveResource(type);
        if (resource === undefined) throw new Error(type);
        const all: readonly AnyObject[] = cluster[type];
        for (const namespace of [null, 'default', 'kube-system']) {
          const kept = listObjects(cluster, resource, namespace, null);
          const selected = listObjects(cluster, resource, namespace, selector.value);
          if (JSON.stringify(kept) !== JSON.stringify(fresh(all, namespace, () => true))) differences++;
          if (JSON.stringify(selected) !== JSON.stringify(fresh(all, namespace, prod))) differences++;
        }
      }
    }
    expect(differences).toBe(0);
  });

  it('GIVEN 500 writes of a few pods at a time, only pods listed between THEN each order and each selection (kept from the last, carried over the write) equals a fresh one', () => {
    let seed = 4242;
    const next = () => {
      seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0;
      return seed / 2 ** 32;
    };
    const pods = resolveResource('pods');
    if (pods === undefined) throw new Error('pods');
    const selector = parseSelector('env in (prod)');
    if (!selector.ok) throw new Error('selector');
    const prod = (o: AnyObject) => o.metadata.labels.env === 'prod';
    let cluster: Cluster = seededCluster();
    let differences = 0;
    for (let i = 0; i < 500; i++) {
      // Up to 12 pods written (more than are inserted one by one), a few removed, as the store does.
      let list = cluster.pods;
      const writes = Math.floor(next() * (next() < 0.9 ? 3 : 13));
      for (let w = 0; w < writes; w++) {
        const name = `p${Math.floor(next() * 80)}`;
        const namespace = next() < 0.8 ? 'default' : 'kube-system';
        const others = list.filter((p) => !(p.metadata.name === name && p.metadata.namespace === namespace));
        list = next() < 0.25 ? others : [...others, podNamed(name, namespace, next() < 0.5 ? 'prod' : 'dev')];
      }
      cluster = { ...cluster, pods: list };
      const kept = listObjects(cluster, pods, null, null);
      if (JSON.stringify(kept) !== JSON.stringify(fresh(cluster.pods, null, () => true))) differences++;
      const selected = listObjects(cluster, pods, 'default', selector.value);
      if (JSON.stringify(selected) !== JSON.stringify(fresh(cluster.pods, 'default', prod))) differences++;
    }
    expect(differences).toBe(0);
  });

  it('GIVEN a listed cluster WHEN the caller changes the list it got THEN the next listing is unchanged', () => {
    const cluster = seededCluster();
    const pods = resolveResource('pods');
    if (pods === undefined) throw new Error('pods');
    const first = listObjects(cluster, pods, null, null);
    const names = first.map((o) => o.metadata.name);
    first.reverse().pop();
    expect(listObjects(cluster, pods, null, null).map((o) => o.metadata.name)).toEqual(names);
  });
});
