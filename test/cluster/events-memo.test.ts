import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { PodEvent } from '../../src/cluster/lifecycle/correlator.ts';
import { derivedKubeletEvents, kubeletEvents } from '../../src/cluster/lifecycle/kubelet-events.ts';
import { podStatus } from '../../src/cluster/lifecycle.ts';
import type { Container, RestartPolicy } from '../../src/cluster/model.ts';
import { at, boundPod } from './lifecycle-fixtures.ts';

/**
 * `kubeletEvents` keeps each pod's events until its containers next do something. Walked through
 * every timeline's pod at a few thousand instants (steps of milliseconds to hours, a few
 * backwards), what `describe` shows of the kept events must equal the events derived afresh.
 */
const DIR = join(new URL('.', import.meta.url).pathname, 'timelines');
const cases = readdirSync(DIR).filter((f) => f.endsWith('.yaml'));

/** What describe lists: events updated in the last hour, by last and first seen (written order only breaks ties). */
const shown = (events: PodEvent[], now: number): string =>
  JSON.stringify(
    events.filter((e) => now - e.last < 3_600_000).sort((a, b) => a.last - b.last || a.first - b.first),
  );

describe('kept kubelet events', () => {
  it.each(cases)('GIVEN %s WHEN read at 800 instants THEN the kept events never differ', (file) => {
    const spec = parse(readFileSync(join(DIR, file), 'utf8')) as {
      pod: { restartPolicy?: RestartPolicy; containers: Partial<Container>[] };
    };
    const pod = boundPod(spec.pod.containers, spec.pod.restartPolicy ?? 'Always');
    let t = -2000;
    let seed = 54321;
    const next = () => {
      seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0;
      return seed / 2 ** 32;
    };
    let differences = 0;
    let kept = 0;
    for (let i = 0; i < 800; i++) {
      const r = next();
      const scale = r < 0.5 ? 2_000 : r < 0.8 ? 30_000 : r < 0.97 ? 400_000 : 6 * 3_600_000;
      t += next() < 0.03 ? -Math.floor(next() * 20_000) : Math.floor(next() * scale);
      const now = at(t);
      const status = podStatus(pod, now);
      if (status.startTime === undefined) continue;
      const before = kubeletEvents(pod, status.containers, status.startTime, now);
      const again = kubeletEvents(pod, status.containers, status.startTime, now);
      if (again === before) kept++;
      const fresh = derivedKubeletEvents(pod, status.containers, status.startTime, now).events;
      if (shown(before, now) !== shown(fresh, now)) differences++;
    }
    expect(differences).toBe(0);
    // The memo is used (a second read at the same instant is the kept answer).
    expect(kept).toBeGreaterThan(0);
  });
});
