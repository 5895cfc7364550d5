import { describe, expect, it } from 'vitest';
import { statusImage } from '../../src/cluster/api-object.ts';
import { qualifiedImage } from '../../src/cluster/images.ts';
import { createRandom } from '../../src/quiz/random.ts';

/** A container status's image is kept by reference, a bounded number: it must equal a fresh one. */
describe('kept status images', () => {
  it('GIVEN more drawn references than are kept WHEN each is shown twice THEN every answer equals qualifiedImage’s', () => {
    const random = createRandom('status-image');
    const hosts = ['', 'docker.io/', 'quay.io/', 'localhost:5000/', 'registry.example.com/'];
    const names = ['busybox', 'nginx', 'luksa/kubia', 'library/redis', 'team/app', 'a/b/c'];
    const tags = ['', ':latest', ':1.27', ':v2', '@sha256:00ff'];
    const refs: string[] = [];
    for (let i = 0; i < 3000; i++)
      refs.push(
        `${random.pick(hosts)}${random.pick(names)}${i % 3 === 0 ? `-${i}` : ''}${random.pick(tags)}`,
      );
    let differences = 0;
    for (let round = 0; round < 2; round++)
      for (const ref of random.shuffle(refs)) if (statusImage(ref) !== qualifiedImage(ref)) differences++;
    expect(differences).toBe(0);
  });
});
