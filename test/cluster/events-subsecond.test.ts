import { describe, expect, it } from 'vitest';
import { testApp } from '../helpers/app.ts';

describe('scheduler events with a clock between seconds', () => {
  it('GIVEN a pod created at 10:00:00.600 that fits a node WHEN described THEN there is no FailedScheduling, only Scheduled', () => {
    const t = testApp();
    t.advance(600);
    t.say('alice', 'kubectl run web --image=nginx');
    t.advance(5_000);
    const described = t.say('alice', 'kubectl describe po web');
    expect(described).toContain('Successfully assigned default/web to');
    expect(described).not.toContain('FailedScheduling');
  });

  it('GIVEN a pod that cannot be scheduled WHEN described THEN FailedScheduling is there', () => {
    const t = testApp();
    t.advance(600);
    t.send(
      'alice',
      'kubectl create -f -\n```yaml\napiVersion: v1\nkind: Pod\nmetadata:\n  name: gpu2\nspec:\n  nodeSelector:\n    gpu: "true"\n  containers:\n  - name: c\n    image: nginx\n```',
    );
    t.advance(5_000);
    expect(t.say('alice', 'kubectl describe po gpu2')).toContain('FailedScheduling');
  });
});
