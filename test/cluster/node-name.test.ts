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

  it('GIVEN nodeName of a node the cluster does not have THEN it stays Pending with no status, no events and no IP', () => {
    const t = testApp();
    expect(t.say('alice', manifest('ghost', 'nope'))).toBe('pod/ghost created');
    t.advance(30_000);
    expect(t.say('alice', 'kubectl get po ghost -o wide')).toMatch(
      /^ghost +0\/1 +Pending +0 +30s +<none> +nope +<none> +<none>$/m,
    );
    expect(t.say('alice', 'kubectl get po ghost -o jsonpath={.status}')).toBe(
      '{"phase":"Pending","qosClass":"BestEffort"}',
    );
    expect(t.say('alice', 'kubectl get events --field-selector involvedObject.name=ghost')).toContain(
      'No resources found',
    );
    const described = t.say('alice', 'kubectl describe po ghost');
    expect(described).toContain('\nNode:             nope/\n');
    expect(described).not.toContain('Conditions:');
    // The API server asks the node for its kubelet, and there is none.
    expect(t.say('alice', 'kubectl logs ghost')).toContain(
      'Error from server (NotFound): nodes "nope" not found',
    );
    expect(t.say('alice', 'kubectl exec ghost -- ls')).toContain(
      'Error from server (NotFound): nodes "nope" not found',
    );
  });

  it('GIVEN such a pod WHEN waited on for PodScheduled=false THEN it times out: the pod has no condition at all', () => {
    const t = testApp();
    t.say('alice', manifest('ghost', 'nope'));
    expect(t.say('alice', 'kubectl wait --for=condition=PodScheduled=false pod/ghost --timeout=2s')).toBe(
      'error: timed out waiting for the condition on pods/ghost',
    );
  });

  it('GIVEN such a pod THEN the pod garbage collector deletes it once the node has been missing past its quarantine', () => {
    const t = testApp();
    t.say('alice', manifest('ghost', 'nope'));
    // Its first look comes within 20 s, the quarantine lasts 40 s: gone between 40 and 60 s.
    t.advance(40_000 - 1);
    expect(t.say('alice', 'kubectl get po ghost')).toContain('Pending');
    t.advance(20_001);
    expect(t.say('alice', 'kubectl get po ghost')).toBe(
      'Error from server (NotFound): pods "ghost" not found',
    );
  });

  it('GIVEN such a pod WHEN deleted THEN it is Terminating until the collector removes it: no kubelet confirms the stop', () => {
    const t = testApp();
    t.say('alice', manifest('ghost', 'nope'));
    t.say('alice', 'kubectl delete po ghost --wait=false');
    expect(t.say('alice', 'kubectl get po ghost')).toMatch(/ghost +0\/1 +Terminating/);
    t.advance(60_000);
    expect(t.say('alice', 'kubectl get po ghost')).toContain('NotFound');
  });
});
