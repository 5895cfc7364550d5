import { describe, expect, it } from 'vitest';
import { KUBECTL_VERBS } from '../../../commands/index.ts';
import { suggestKubectl } from '../../../src/adapters/discord/autocomplete.ts';
import type { Cluster } from '../../../src/cluster/model.ts';
import { testApp } from '../../helpers/app.ts';

/** alice's sandbox with pods kubia and kubia-gpu in default and web in the namespace shop. */
function cluster(): Cluster {
  const t = testApp();
  for (const line of [
    'kubectl run kubia --image=luksa/kubia',
    'kubectl run kubia-gpu --image=luksa/kubia',
    'kubectl create namespace shop',
    'kubectl run web --image=nginx -n shop',
  ])
    t.say('alice', line);
  const key = { platform: 'console' as const, scope: 'test', user: 'alice' };
  return t.app.sandboxes.load(t.app.sandboxes.open(key, t.clock.now), t.clock.now);
}

const suggest = (line: string, c: Cluster | null = cluster()) => suggestKubectl(line, c, KUBECTL_VERBS);

describe('/kubectl autocomplete', () => {
  it.each([
    ['ge', ['get']],
    ['get ', ['get pods', 'get po', 'get nodes', 'get no', 'get namespaces', 'get ns']],
    ['get po ', ['get po kubia', 'get po kubia-gpu']],
    ['get po kubia-', ['get po kubia-gpu']],
    ['get pod/k', ['get pod/kubia', 'get pod/kubia-gpu']],
    ['get po -n shop ', ['get po -n shop web']],
    ['get po --namespace=shop w', ['get po --namespace=shop web']],
    [
      'get po -n ',
      [
        'get po -n default',
        'get po -n kube-node-lease',
        'get po -n kube-public',
        'get po -n kube-system',
        'get po -n shop',
      ],
    ],
    ['logs kub', ['logs kubia', 'logs kubia-gpu']],
    ['delete po kubia --gr', ['delete po kubia --grace-period']],
    ['kubectl get po kubia-g', ['kubectl get po kubia-gpu']],
    ['run x --image=nginx ', []],
    ['fly ', []],
  ])('GIVEN "%s" THEN %j', (line, expected) => {
    const got = suggest(line);
    if (expected.length === 0) expect(got).toEqual([]);
    else expect(got).toEqual(expect.arrayContaining(expected));
    for (const s of got) expect(s.startsWith(line.slice(0, line.lastIndexOf(' ') + 1))).toBe(true);
  });

  it('GIVEN node names WHEN completing get no THEN the four nodes, and nothing else', () => {
    const nodes = suggest('get no ');
    expect(nodes).toHaveLength(4);
    for (const n of nodes) expect(n).toMatch(/^get no \S+$/);
  });

  it('GIVEN no sandbox yet WHEN completing names THEN nothing, but verbs and types still come', () => {
    expect(suggest('get po ', null)).toEqual([]);
    expect(suggest('', null)).toEqual(KUBECTL_VERBS.map((v) => v.name).slice(0, 25));
    expect(suggest('get ', null)).toContain('get po');
  });

  it('GIVEN a line near 100 characters WHEN completing THEN no suggestion is longer than Discord allows', () => {
    const long = `get po ${'x'.repeat(85)} k`;
    // "… kubia" is 98 characters; "… kubia-gpu" would be 102.
    expect(suggest(long)).toEqual([`get po ${'x'.repeat(85)} kubia`]);
  });
});
