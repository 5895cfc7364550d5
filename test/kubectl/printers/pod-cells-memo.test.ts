import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { derivedStatus, podStatus } from '../../../src/cluster/lifecycle.ts';
import type { Container, RestartPolicy } from '../../../src/cluster/model.ts';
import { cellsAfresh, cellsOf } from '../../../src/kubectl/printers/pods.ts';
import { at, boundPod } from '../../cluster/lifecycle-fixtures.ts';

/**
 * A `get po` row's READY, STATUS and RESTARTS cells are kept with the pod's status object. Walked
 * through every timeline's pod at a thousand instants, the kept cells must equal cells worked out
 * afresh from a status derived afresh.
 */
const DIR = join(new URL('.', import.meta.url).pathname, '../../cluster/timelines');
const cases = readdirSync(DIR).filter((f) => f.endsWith('.yaml'));

describe('kept pod row cells', () => {
  it.each(cases)('GIVEN %s WHEN read at 1,000 instants THEN the kept cells never differ', (file) => {
    const spec = parse(readFileSync(join(DIR, file), 'utf8')) as {
      pod: { restartPolicy?: RestartPolicy; containers: Partial<Container>[] };
    };
    const pod = boundPod(spec.pod.containers, spec.pod.restartPolicy ?? 'Always');
    let t = -2000;
    let seed = 777;
    const next = () => {
      seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0;
      return seed / 2 ** 32;
    };
    let differences = 0;
    for (let i = 0; i < 1000; i++) {
      const r = next();
      const scale = r < 0.5 ? 2_000 : r < 0.8 ? 30_000 : r < 0.97 ? 400_000 : 6 * 3_600_000;
      t += next() < 0.03 ? -Math.floor(next() * 20_000) : Math.floor(next() * scale);
      const kept = cellsOf(pod, podStatus(pod, at(t)));
      if (JSON.stringify(kept) !== JSON.stringify(cellsAfresh(pod, derivedStatus(pod, at(t))))) differences++;
    }
    expect(differences).toBe(0);
  });
});
