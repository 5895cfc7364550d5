import { describe, expect, it } from 'vitest';
import {
  findImage,
  freshImageID,
  freshSha256,
  imageID,
  lookUpImage,
  sha256,
} from '../../src/cluster/images.ts';
import { freshIso, iso } from '../../src/cluster/iso.ts';
import { plannedAfresh, planProcesses } from '../../src/cluster/process.ts';
import { boundPod } from './lifecycle-fixtures.ts';

/** Image look-ups and hashes are kept by their input, at most a few thousand: they must equal fresh ones. */
describe('kept image look-ups and hashes', () => {
  it('GIVEN more references than the memo holds WHEN each is looked up twice THEN every answer equals a fresh one', () => {
    const refs = [
      'busybox',
      'busybox:1.36',
      'luksa/kubia',
      'docker.io/library/nginx:1.27',
      'nope',
      'nginx@sha256:00',
    ];
    let differences = 0;
    for (let round = 0; round < 2; round++)
      for (let i = 0; i < 5000; i++) {
        const ref = `${refs[i % refs.length]}${i % 7 === 0 ? `:v${i}` : ''}`;
        if (findImage(ref) !== lookUpImage(ref)) differences++;
        if (sha256(`x/${i}`) !== freshSha256(`x/${i}`)) differences++;
        if (imageID(ref) !== freshImageID(ref)) differences++;
      }
    expect(differences).toBe(0);
  });
});

describe('kept timestamps and process plans', () => {
  it('GIVEN 10,000 instants, some seconds again and again, some before 1970 THEN every timestamp equals a fresh one', () => {
    let differences = 0;
    for (let round = 0; round < 2; round++)
      for (let i = 0; i < 10_000; i++) {
        const ms =
          Date.UTC(2025, 0, 15) +
          (i % 3 === 0 ? i * 997 : (i % 50) * 1000 + (i % 1000)) -
          (i % 11 === 0 ? 2e12 : 0);
        if (iso(ms) !== freshIso(ms)) differences++;
      }
    expect(differences).toBe(0);
  });

  it('GIVEN pods of several containers THEN the kept plans equal fresh ones, and cannot be changed', () => {
    const pods = [
      boundPod([{ image: 'nginx:1.27' }, { image: 'nginx:1.27' }]),
      boundPod([{ image: 'busybox', args: ['sh', '-c', 'while true; do echo hi; sleep 5; done'] }]),
      boundPod([{ image: 'luksa/kubia' }, { image: 'nope' }]),
    ];
    for (const pod of pods) {
      planProcesses(pod);
      expect(JSON.stringify(planProcesses(pod))).toBe(JSON.stringify(plannedAfresh(pod)));
      const logs = planProcesses(pod)[0]?.logs ?? [];
      expect(() => logs.push('x')).toThrow(TypeError);
    }
  });
});
