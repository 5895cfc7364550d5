import { describe, expect, it } from 'vitest';
import { apiObject, builtPodObject } from '../../../src/cluster/api-object.ts';
import type { Cluster } from '../../../src/cluster/model.ts';
import { goYaml } from '../../../src/kubectl/printers/go-yaml.ts';
import { printObjects } from '../../../src/kubectl/printers/objects.ts';
import { createRandom } from '../../../src/quiz/random.ts';
import { type TestApp, testApp } from '../../helpers/app.ts';

/**
 * Pods made together share one kept list of conditions (issue 17: a pod's first
 * `get po NAME -o yaml`). Whichever pod's list was kept first, each pod's object must equal the
 * one built afresh, and its text what the emitter writes for that object with nothing kept.
 */
const clusterOf = (t: TestApp): Cluster => {
  const sandboxes = t.app.sandboxes;
  return sandboxes.load(
    sandboxes.open({ platform: 'console', scope: 'test', user: 'alice' }, t.clock.now),
    t.clock.now,
  );
};

const IMAGES = ['luksa/kubia', 'nginx', 'busybox', 'redis'];

function checkAll(t: TestApp): { conditions: unknown; text: string }[] {
  const cluster = clusterOf(t);
  return cluster.pods.map((pod) => {
    const kept = apiObject(pod, cluster);
    const built = builtPodObject(pod, cluster);
    const text = printObjects([pod], 'yaml', cluster, true);
    expect(kept).toEqual(built);
    expect(text).toBe(goYaml(built).trimEnd());
    return { conditions: (kept.status as { conditions: unknown }).conditions, text };
  });
}

describe('conditions shared by pods made together', () => {
  it('GIVEN pods made in batches, relabelled, deleted and aged WHEN each is printed THEN its object and text are those built afresh', () => {
    for (let run = 0; run < 12; run++) {
      const random = createRandom(`shared-conditions:${run}`);
      const t = testApp();
      let made = 0;
      for (let step = 0; step < 14; step++) {
        const roll = random.int(7);
        if (roll <= 1) {
          for (let i = random.int(4); i >= 0; i--)
            t.send('alice', `kubectl run p${made++} --image=${random.pick(IMAGES)}`);
        } else if (roll === 2 && made > 0) {
          t.send('alice', `kubectl label po p${random.int(made)} step=s${step} --overwrite`);
        } else if (roll === 3 && made > 0) {
          t.send('alice', `kubectl delete po p${random.int(made)} --now`);
        } else if (roll === 4 && made > 0) {
          // A graceful deletion: the same conditions, one generation more.
          t.send('alice', `kubectl delete po p${random.int(made)} --wait=false`);
        } else {
          t.advance(random.pick([50, 900, 4_000, 60_000, 300_000]));
        }
        if (random.chance(0.5)) checkAll(t);
      }
      checkAll(t);
    }
  });

  it('GIVEN two running pods made together WHEN printed THEN they share one list of conditions', () => {
    const t = testApp();
    t.send('alice', 'kubectl run a --image=luksa/kubia');
    t.send('alice', 'kubectl run b --image=luksa/kubia');
    t.send('alice', 'kubectl run c --image=luksa/kubia');
    t.advance(60_000);
    const [a, b, c] = checkAll(t);
    expect(b?.conditions).toBe(c?.conditions);
    expect(a?.conditions).toEqual(b?.conditions);
  });
});
