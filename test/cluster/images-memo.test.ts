import { describe, expect, it } from 'vitest';
import { findImage, freshSha256, lookUpImage, sha256 } from '../../src/cluster/images.ts';

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
      }
    expect(differences).toBe(0);
  });
});
