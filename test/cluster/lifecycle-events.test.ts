import { describe, expect, it } from 'vitest';
import type { PodEvent } from '../../src/cluster/lifecycle/correlator.ts';
import { kubeletEvents, replayedKubeletEvents } from '../../src/cluster/lifecycle/kubelet-events.ts';
import { podStatus } from '../../src/cluster/lifecycle.ts';
import type { Container, RestartPolicy } from '../../src/cluster/model.ts';
import { at, boundPod } from './lifecycle-fixtures.ts';

/**
 * The kubelet's events are replayed only over a pod's first half hour and its last hour, and
 * fast-forwarded in closed form between: they must equal a replay of every event since binding.
 */
const pods: [string, Partial<Container>[], RestartPolicy][] = [
  ['busybox pulled at every restart', [{ image: 'busybox', imagePullPolicy: 'Always' }], 'Always'],
  ['busybox:1.36 already present', [{}], 'Always'],
  ['a failing command under OnFailure', [{ args: ['false'] }], 'OnFailure'],
  ['an image the registry lacks', [{ image: 'nope', imagePullPolicy: 'Always' }], 'Always'],
  ['a Never pull', [{ image: 'nginx:1.27', imagePullPolicy: 'Never' }], 'Always'],
  [
    'two nginx on one port',
    [
      { name: 'a', image: 'nginx:1.27', ports: [{ containerPort: 80, protocol: 'TCP' }] },
      { name: 'b', image: 'nginx:1.27', ports: [{ containerPort: 80, protocol: 'TCP' }] },
    ],
    'Always',
  ],
  [
    'ten crash loops, half pulled each time',
    Array.from({ length: 10 }, (_, i) =>
      i % 2 === 0
        ? { name: `c${i}`, image: 'busybox', imagePullPolicy: 'Always' as const }
        : { name: `c${i}` },
    ),
    'Always',
  ],
  ['a sleep 200 loop', [{ args: ['sleep', '200'] }], 'Always'],
];

/** What describe lists: events updated in the last hour, by last and first seen (written order only breaks ties). */
const shown = (events: PodEvent[], now: number): string =>
  JSON.stringify(
    events.filter((e) => now - e.last < 3_600_000).sort((a, b) => a.last - b.last || a.first - b.first),
  );

describe('kubelet events, fast-forwarded', () => {
  it.each(pods)(
    'GIVEN %s WHEN read at 60 instants over two days THEN the events equal a full replay',
    (_name, containers, policy) => {
      const pod = boundPod(containers, policy);
      let differences = 0;
      for (let i = 0; i < 60; i++) {
        // Spread over two days, off any round number.
        const now = at(
          Math.floor((((i * 2_654_435_761) % 1_000_003) / 1_000_003) * 2 * 86_400_000) + i * 7919,
        );
        const status = podStatus(pod, now);
        const fast = kubeletEvents(pod, status.containers, status.startTime ?? 0, now);
        const slow = replayedKubeletEvents(pod, status.containers, now);
        if (shown(fast, now) !== shown(slow, now)) differences++;
      }
      expect(differences).toBe(0);
    },
  );
});
