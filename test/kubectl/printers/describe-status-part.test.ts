import { describe, expect, it } from 'vitest';
import { podStatus } from '../../../src/cluster/lifecycle.ts';
import type { Container, Pod } from '../../../src/cluster/model.ts';
import { statusPart, statusPartAfresh } from '../../../src/kubectl/printers/describe-pod.ts';
import { createRandom } from '../../../src/quiz/random.ts';
import { boundPod, seededCluster, T0, timelinePods } from '../../cluster/lifecycle-fixtures.ts';

/**
 * A plain container's lines from "Container ID:" to "Environment:" and the conditions are written
 * without the writer (`statusPart`). Whatever the pod's containers and the instant, the part must
 * equal the one the writer aligns.
 */

const IMAGES = ['luksa/kubia', 'busybox', 'busybox:1.36', 'nginx:1.27', 'ngnix', 'registry.example/x:1'];
const NAMES = ['c', 'kubia', 'a-much-longer-container-name', 'tab\there', 'two\nlines', '한글'];
const COMMANDS: (string[] | null)[] = [null, [], ['sleep', '3600'], ['sh', '-c', 'exit 1']];
const MOUNTS: unknown[] = [
  null,
  [{ name: 'data', mountPath: '/data' }],
  [{ name: 'conf', mountPath: '/etc/conf', readOnly: true, subPath: 'app.conf' }],
  [{ name: 'odd', mountPath: '/with\ttab' }],
];

function randomContainer(random: ReturnType<typeof createRandom>, index: number): Partial<Container> {
  const made: Partial<Container> = {
    name: `${random.pick(NAMES)}${index}`,
    image: random.pick(IMAGES),
    imagePullPolicy: random.pick(['IfNotPresent', 'Always', 'Never'] as const),
    ports: random.pick([
      [],
      [{ containerPort: 8080, protocol: 'TCP' as const }],
      [
        { containerPort: 80, protocol: 'TCP' as const, hostPort: 8080 },
        { containerPort: 53, protocol: 'UDP' as const },
      ],
    ]),
    env: random.chance(0.8) ? [] : [{ name: 'MODE', value: random.pick(['prod', 'a\nb']) }],
  };
  const command = random.pick(COMMANDS);
  if (command !== null) made.command = command;
  if (random.chance(0.15)) made.args = ['--verbose'];
  const extra: Record<string, unknown> = {};
  if (random.chance(0.15)) extra.resources = { limits: { cpu: '100m' }, requests: { memory: '64Mi' } };
  const mounts = random.pick(MOUNTS);
  if (mounts !== null) extra.volumeMounts = mounts;
  if (Object.keys(extra).length > 0) made.extra = extra;
  return made;
}

describe('describe status part', () => {
  it('GIVEN every timeline pod WHEN read at 300 instants THEN the part equals the one the writer aligns', () => {
    const cluster = seededCluster();
    let differences = 0;
    for (const [, pod] of timelinePods())
      for (let t = -2_000; t < 3 * 3_600_000; t += 36_001) {
        const now = T0 + t;
        const status = podStatus(pod, now);
        if (statusPart(pod, status, cluster) !== statusPartAfresh(pod, status, cluster)) differences++;
      }
    expect(differences).toBe(0);
  });

  it('GIVEN 3,000 seeded pods (names, images, ports, commands, env, resources, mounts, tabs and newlines) read at several instants WHEN the part is written THEN it equals the one the writer aligns', () => {
    const random = createRandom('describe-status-part');
    const cluster = seededCluster();
    let differences = 0;
    let plain = 0;
    for (let i = 0; i < 3000; i++) {
      const count = 1 + random.int(3);
      const containers = Array.from({ length: count }, (_, j) => randomContainer(random, j));
      const pod: Pod = boundPod(containers, random.pick(['Always', 'OnFailure', 'Never'] as const));
      if (random.chance(0.1)) pod.sim = { ...pod.sim, tokenSuffix: random.pick(['x9z2k', '😀1234']) };
      const now = T0 + random.pick([-1_000, 0, 2_000, 9_000, 60_000, 600_000, 3_600_000]) + random.int(5_000);
      const status = podStatus(pod, now);
      const part = statusPart(pod, status, cluster);
      if (part !== statusPartAfresh(pod, status, cluster)) differences++;
      if (
        containers.every((c) => (c.command?.length ?? 0) === 0 && c.args === undefined && c.env?.length === 0)
      )
        plain++;
    }
    expect(differences).toBe(0);
    // Many took the writer-free way, and many did not.
    expect(plain).toBeGreaterThan(300);
    expect(plain).toBeLessThan(2700);
  });
});
