import { describe, expect, it } from 'vitest';
import { testApp } from '../helpers/app.ts';

/**
 * Pod generation tracking, beta and on in v1.34: metadata.generation starts at 1, grows with each
 * spec change (a new image) and with the first graceful deletion; the scheduler and the kubelet
 * write the generation they acted on into every condition and status.observedGeneration.
 */
const manifest = (image: string) =>
  `kubectl apply -f -\n\`\`\`\napiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: ${image}\n\`\`\``;

const generations = (t: ReturnType<typeof testApp>, name = 'web') =>
  t.say(
    'alice',
    `kubectl get po ${name} -o jsonpath={.metadata.generation}/{.status.observedGeneration}/{.status.conditions[*].observedGeneration}`,
  );

describe('pod generation', () => {
  it('GIVEN a new pod THEN generation 1 is observed by every condition and the status', () => {
    const t = testApp();
    expect(t.say('alice', manifest('nginx'))).toBe('pod/web created');
    t.advance(10_000);
    expect(generations(t)).toBe('1/1/1 1 1 1 1');
  });

  it('GIVEN an image change, then a relabel, then a graceful delete THEN only the spec change and the delete count', () => {
    const t = testApp();
    t.say('alice', manifest('nginx'));
    t.advance(10_000);
    expect(t.say('alice', manifest('nginx:1.27'))).toBe('pod/web configured');
    expect(generations(t)).toBe('2/2/2 2 2 2 2');
    t.say('alice', 'kubectl label po web tier=web');
    expect(generations(t)).toMatch(/^2\/2\//);
    t.say('alice', 'kubectl delete po web --wait=false --grace-period=60');
    expect(generations(t)).toMatch(/^3\/3\//);
  });

  it('GIVEN a pod no node can take THEN the scheduler’s condition carries generation 1 and the kubelet has written nothing', () => {
    const t = testApp();
    t.say(
      'alice',
      'kubectl apply -f -\n```\napiVersion: v1\nkind: Pod\nmetadata:\n  name: lost\nspec:\n  nodeSelector:\n    gpu: "true"\n  containers:\n  - name: web\n    image: nginx\n```',
    );
    expect(generations(t, 'lost')).toBe('1//1');
  });
});
