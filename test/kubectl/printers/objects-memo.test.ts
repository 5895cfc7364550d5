import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { apiObject } from '../../../src/cluster/api-object.ts';
import type { Cluster, Pod } from '../../../src/cluster/model.ts';
import { unschedulableMessage } from '../../../src/cluster/scheduler.ts';
import { goYaml } from '../../../src/kubectl/printers/go-yaml.ts';
import { printObjects } from '../../../src/kubectl/printers/objects.ts';
import { boundPod, seededCluster } from '../../cluster/lifecycle-fixtures.ts';
import { type TestApp, testApp } from '../../helpers/app.ts';

/**
 * `get -o yaml` of a list is put together from each pod's text, kept while the pod's object is
 * the same (issue 17: 100 pods under 10 ms). Whatever was kept, the output must be what the
 * emitter writes for the whole List at once, and what a sandbox that never printed before shows.
 */
const clusterOf = (t: TestApp, user: string): Cluster => {
  const sandboxes = t.app.sandboxes;
  const sandbox = sandboxes.open({ platform: 'console', scope: 'test', user }, t.clock.now);
  return sandboxes.load(sandbox, t.clock.now);
};

const wholeList = (cluster: Cluster) =>
  goYaml({
    apiVersion: 'v1',
    items: cluster.pods.map((p) => apiObject(p, cluster)),
    kind: 'List',
    metadata: { resourceVersion: '' },
  }).trimEnd();

const COMMANDS = [
  'kubectl run web --image=nginx --labels=app=web',
  'kubectl run crash --image=busybox',
  'kubectl run gpu --image=nginx --overrides={"spec":{"nodeSelector":{"gpu":"true"}}}',
  `kubectl apply -f -\n\`\`\`yaml\n${[
    'apiVersion: v1',
    'kind: Pod',
    'metadata:',
    '  name: noted',
    '  annotations:',
    '    note: |',
    '      line one',
    '      line two',
    'spec:',
    '  containers:',
    '  - name: c',
    '    image: nginx',
  ].join('\n')}\n\`\`\``,
  'kubectl annotate po crash z-last=|',
  'kubectl label po crash tier=back',
  'kubectl delete po web --now',
  'kubectl run web --image=luksa/kubia --port=8080',
];

describe('get -o yaml from kept pieces', () => {
  it('GIVEN sandboxes at many moments WHEN printed twice THEN each print equals the whole List emitted at once and a fresh sandbox’s', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...COMMANDS), fc.integer({ min: 0, max: 3 * 86_400_000 })), {
          maxLength: 8,
        }),
        (steps) => {
          // Both sandboxes are made at the same moment (the system pods' times come from it).
          const warm = testApp();
          warm.send('alice', 'kubectl get ns');
          for (const [command, pause] of steps) {
            warm.send('alice', command);
            warm.advance(pause);
            warm.send('alice', 'kubectl get po -A -o yaml');
          }
          const cluster = clusterOf(warm, 'alice');
          const pods = cluster.pods;
          const first = printObjects(pods, 'yaml', cluster, false);
          expect(printObjects(pods, 'yaml', cluster, false)).toBe(first);
          expect(first).toBe(wholeList(cluster));
          // One pod named (`get po NAME -o yaml`): the bare object, printed twice, as emitted at once.
          for (const pod of pods) {
            const bare = printObjects([pod], 'yaml', cluster, true);
            expect(printObjects([pod], 'yaml', cluster, true)).toBe(bare);
            expect(bare).toBe(goYaml(apiObject(pod, cluster)).trimEnd());
          }
          // A sandbox that never printed, brought to the same state.
          const cold = testApp();
          cold.send('alice', 'kubectl get ns');
          for (const [command, pause] of steps) {
            cold.send('alice', command);
            cold.advance(pause);
          }
          expect(cold.say('alice', 'kubectl get po -A -o yaml')).toBe(
            warm.say('alice', 'kubectl get po -A -o yaml'),
          );
        },
      ),
      { numRuns: 40, seed: 17 },
    );
  });

  it('GIVEN a multi-line annotation THEN its | block in the List is what the emitter writes', () => {
    const t = testApp();
    t.send('alice', COMMANDS[3] ?? '');
    t.send('alice', 'kubectl run b --image=nginx');
    const cluster = clusterOf(t, 'alice');
    const text = printObjects(cluster.pods, 'yaml', cluster, false);
    expect(text).toBe(wholeList(cluster));
    expect(text).toContain('note: |\n        line one\n        line two\n');
  });
});

describe('a kept pod object across writes to other pods', () => {
  const withCpu = (pod: Pod, name: string, cpu: string, bound: boolean): Pod => {
    const { nodeName: _node, ...unbound } = pod.spec;
    const { scheduledAt: _at, ...waiting } = pod.sim;
    return {
      ...pod,
      metadata: {
        ...pod.metadata,
        name,
        uid: `${pod.metadata.uid.slice(0, -2)}${name.length}${bound ? 1 : 0}`,
      },
      spec: {
        ...(bound ? pod.spec : unbound),
        containers: pod.spec.containers.map((c) => ({ ...c, extra: { resources: { requests: { cpu } } } })),
      },
      sim: bound ? pod.sim : waiting,
    };
  };

  it('GIVEN a bound and a pending pod WHEN another pod is written THEN the bound one is kept and the pending one reads the new pods', () => {
    const seeded = seededCluster();
    const bound = withCpu(boundPod([{}]), 'bound', '100m', true);
    const pending = withCpu(boundPod([{}]), 'pending', '1500m', false);
    const before: Cluster = { ...seeded, pods: [...seeded.pods, bound, pending] };
    const keptBound = apiObject(bound, before);
    const pendingBefore = JSON.stringify(apiObject(pending, before));
    // Every worker gets a pod that leaves no room for the pending one's 1.5 CPU.
    const hogs = seeded.nodes.map((n, i) => ({
      ...withCpu(boundPod([{}]), `hog${i}`, '1', true),
      spec: { ...withCpu(boundPod([{}]), `hog${i}`, '1', true).spec, nodeName: n.metadata.name },
    }));
    const after: Cluster = { ...before, pods: [...before.pods, ...hogs] };
    expect(apiObject(bound, after)).toBe(keptBound);
    const pendingAfter = JSON.stringify(apiObject(pending, after));
    expect(pendingAfter).not.toBe(pendingBefore);
    expect(pendingAfter).toContain(unschedulableMessage(pending, after));
  });
});
