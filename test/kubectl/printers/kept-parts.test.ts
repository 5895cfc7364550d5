import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { apiObject, builtPodObject } from '../../../src/cluster/api-object.ts';
import type { Cluster } from '../../../src/cluster/model.ts';
import { goYaml } from '../../../src/kubectl/printers/go-yaml.ts';
import { printObjects } from '../../../src/kubectl/printers/objects.ts';
import { type TestApp, testApp } from '../../helpers/app.ts';

/**
 * A label or an annotation makes a new pod with the same spec: its spec's and status's objects,
 * and their printed text, are kept across it (issue 17: `get po NAME -o yaml` between relabels).
 * Whatever was kept, each pod's object must equal the one built afresh, and its text what the
 * emitter writes for that object with nothing kept.
 */
const clusterOf = (t: TestApp): Cluster => {
  const sandboxes = t.app.sandboxes;
  return sandboxes.load(
    sandboxes.open({ platform: 'console', scope: 'test', user: 'alice' }, t.clock.now),
    t.clock.now,
  );
};

const STEPS = [
  'kubectl label po web tier=front --overwrite',
  'kubectl label po web tier=back --overwrite',
  'kubectl annotate po web note=one --overwrite',
  'kubectl annotate po crash note=two --overwrite',
  'kubectl label po crash app- ',
  'kubectl label po -n kube-system -l k8s-app=kube-dns k8s-app=other --overwrite',
  'kubectl annotate po -n kube-system --all seen=yes --overwrite',
  'kubectl label po -n kube-system -l component=etcd component=other --overwrite',
  'kubectl delete po web --wait=false',
  'kubectl run web --image=nginx --labels=app=web',
  `kubectl apply -f -\n\`\`\`yaml\n${[
    'apiVersion: v1',
    'kind: Pod',
    'metadata:',
    '  name: pending',
    'spec:',
    '  nodeSelector:',
    '    gpu: "true"',
    '  containers:',
    '  - name: c',
    '    image: nginx',
  ].join('\n')}\n\`\`\``,
  'kubectl label nodes --all gpu=true --overwrite',
  'kubectl get po -A -o yaml',
  'kubectl get po pending -o yaml',
];

const printed = (t: TestApp) => {
  const cluster = clusterOf(t);
  return cluster.pods.map((pod) => ({
    kept: apiObject(pod, cluster),
    built: builtPodObject(pod, cluster),
    text: printObjects([pod], 'yaml', cluster, true),
    list: printObjects([pod], 'yaml', cluster, false),
  }));
};

describe('a pod’s spec and status kept across its relabels', () => {
  it('GIVEN pods relabelled, annotated and aged WHEN printed THEN each object equals the one built afresh and its text the emitter’s with nothing kept', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...STEPS), fc.integer({ min: 0, max: 400_000 })), {
          maxLength: 10,
        }),
        (steps) => {
          const t = testApp();
          t.send('alice', 'kubectl run web --image=luksa/kubia --labels=app=web');
          t.send('alice', 'kubectl run crash --image=busybox --labels=app=crash');
          for (const [step, pause] of steps) {
            // Printed before and after each step: what is kept from one is offered to the next.
            printed(t);
            t.send('alice', step);
            t.advance(pause);
          }
          for (const { kept, built, text, list } of printed(t)) {
            expect(kept).toEqual(built);
            expect(text).toBe(goYaml(built).trimEnd());
            expect(list).toBe(
              goYaml({
                apiVersion: 'v1',
                items: [built],
                kind: 'List',
                metadata: { resourceVersion: '' },
              }).trimEnd(),
            );
          }
        },
      ),
      { numRuns: 60, seed: 17 },
    );
  });

  it('GIVEN a printed pod WHEN it is labelled THEN the new object shares the old one’s spec and status', () => {
    const t = testApp();
    t.send('alice', 'kubectl run web --image=luksa/kubia');
    t.advance(60_000);
    const web = (cluster: Cluster) => {
      const pod = cluster.pods.find((p) => p.metadata.name === 'web');
      if (pod === undefined) throw new Error('web is gone');
      return apiObject(pod, cluster);
    };
    const old = web(clusterOf(t));
    t.send('alice', 'kubectl label po web tier=front');
    const relabelled = web(clusterOf(t));
    expect(relabelled).not.toBe(old);
    expect(relabelled.metadata).not.toEqual(old.metadata);
    expect(relabelled.spec).toBe(old.spec);
    expect(relabelled.status).toBe(old.status);
  });
});
