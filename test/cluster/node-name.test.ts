import { describe, expect, it } from 'vitest';
import { testApp } from '../helpers/app.ts';

/** A pod created with `spec.nodeName` is bound by its creator: the scheduler never sees it. */
const manifest = (name: string, node: string) =>
  `kubectl create -f -\n\`\`\`yaml\napiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\nspec:\n  nodeName: ${node}\n  containers:\n  - name: c\n    image: nginx\n\`\`\``;

describe('spec.nodeName at creation (kubectl 1.33 against Podium’s API door)', () => {
  it('GIVEN a pod made with nodeName node01 THEN it runs on node01, with no Scheduled event, and the kubelet’s events follow', () => {
    const t = testApp();
    // The spreading scheduler would have put the first pod elsewhere (node01 is not the emptiest).
    t.say('alice', 'kubectl run other --image=nginx');
    expect(t.say('alice', manifest('pinned', 'node01'))).toBe('pod/pinned created');
    t.advance(30_000);
    expect(t.say('alice', 'kubectl get po pinned -o jsonpath={.spec.nodeName}')).toBe('node01');
    const events = t.say('alice', 'kubectl get events --field-selector involvedObject.name=pinned');
    expect(events).not.toContain('Scheduled');
    expect(events).toContain('Started container c');
    expect(t.say('alice', 'kubectl get po pinned')).toMatch(/pinned +1\/1 +Running/);
  });

  it('GIVEN nodeName on the tainted control-plane node THEN the kubelet runs it there (taints only steer the scheduler)', () => {
    const t = testApp();
    t.say('alice', manifest('cp', 'controlplane'));
    expect(t.say('alice', 'kubectl get po cp -o jsonpath={.spec.nodeName}')).toBe('controlplane');
  });
});
