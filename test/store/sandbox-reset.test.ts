import { describe, expect, it } from 'vitest';
import { testApp } from '../helpers/app.ts';

/** A reset gives a fresh cluster: nothing of the old one's ids comes back. */
describe('/sandbox reset', () => {
  it('GIVEN a pod WHEN the sandbox is reset and the same pod made again THEN its uid and token volume are new (its IP may repeat: a fresh node hands out its first address again)', () => {
    const t = testApp();
    const facts = () => {
      t.say('alice', 'kubectl run kubia --image=luksa/kubia');
      t.advance(10_000);
      return t.say('alice', 'kubectl get po kubia -o jsonpath={.metadata.uid}/{.spec.volumes[0].name}');
    };
    const before = facts().split('/');
    expect(t.say('alice', '/sandbox reset --yes')).toMatch(/fresh again/);
    const after = facts().split('/');
    expect(after).toHaveLength(2);
    for (const [i, value] of after.entries()) expect(value).not.toBe(before[i]);
  });

  it('GIVEN two members WHEN one resets twice THEN the other keeps their sandbox and a newcomer gets ids of their own', () => {
    const t = testApp();
    t.say('bob', 'kubectl run web --image=nginx');
    const bobs = t.say('bob', 'kubectl get po web -o jsonpath={.metadata.uid}');
    t.say('alice', 'kubectl run web --image=nginx');
    t.say('alice', '/sandbox reset --yes');
    t.say('alice', '/sandbox reset --yes');
    t.say('alice', 'kubectl run web --image=nginx');
    t.say('carol', 'kubectl run web --image=nginx');
    const uids = ['alice', 'bob', 'carol'].map((u) =>
      t.say(u, 'kubectl get po web -o jsonpath={.metadata.uid}'),
    );
    expect(uids[1]).toBe(bobs);
    expect(new Set(uids).size).toBe(3);
  });
});
