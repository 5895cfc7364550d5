import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { derivedStatus, podStatus } from '../../src/cluster/lifecycle.ts';
import type { Container, RestartPolicy } from '../../src/cluster/model.ts';
import { at, boundPod, container, createThrough, seededCluster, walkInstants } from './lifecycle-fixtures.ts';

/**
 * `podStatus` keeps each pod's status until its next possible change. Walked through every
 * timeline's pod at a few thousand instants (steps of milliseconds to minutes, a few backwards),
 * the kept status must equal one derived afresh at every instant.
 */
const DIR = join(new URL('.', import.meta.url).pathname, 'timelines');
const cases = readdirSync(DIR).filter((f) => f.endsWith('.yaml'));

describe('memoised pod status', () => {
  it.each(cases)('GIVEN %s WHEN read at 3,000 instants THEN the memo never differs', (file) => {
    const spec = parse(readFileSync(join(DIR, file), 'utf8')) as {
      pod: { restartPolicy?: RestartPolicy; containers: Partial<Container>[] };
    };
    const pod = boundPod(spec.pod.containers, spec.pod.restartPolicy ?? 'Always');
    let t = -2000;
    let seed = 12345;
    const next = () => {
      seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0;
      return seed / 2 ** 32;
    };
    let differences = 0;
    for (let i = 0; i < 3000; i++) {
      const r = next();
      const scale = r < 0.5 ? 300 : r < 0.8 ? 15_000 : r < 0.97 ? 400_000 : 6 * 3_600_000;
      t += next() < 0.03 ? -Math.floor(next() * 20_000) : Math.floor(next() * scale);
      if (JSON.stringify(podStatus(pod, at(t))) !== JSON.stringify(derivedStatus(pod, at(t)))) differences++;
    }
    expect(differences).toBe(0);
  });
});

describe('memoised status of a pod its kubelet rejected', () => {
  it('GIVEN a pod bound by nodeName to a node it does not fit WHEN read at many instants THEN the memo equals the derived status, Failed with the reason', () => {
    const { pod } = createThrough(seededCluster(), 'rejected', [container('c', 'nginx')], {
      nodeSelector: { disk: 'ssd' },
      nodeName: 'node01',
    });
    let differences = 0;
    // Read once before it was bound (Pending), then on.
    for (const t of [at(-1_000), ...walkInstants(4321, 500, 60_000)]) {
      if (JSON.stringify(podStatus(pod, t)) !== JSON.stringify(derivedStatus(pod, t))) differences++;
    }
    expect(differences).toBe(0);
    expect(podStatus(pod, at(60_000))).toMatchObject({
      phase: 'Failed',
      containers: [],
      rejected: { reason: 'NodeAffinity' },
    });
  });
});
