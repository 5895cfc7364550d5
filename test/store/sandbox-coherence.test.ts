import { describe, expect, it } from 'vitest';
import type { SandboxKey } from '../../src/store/sandboxes.ts';
import { type TestApp, testApp } from '../helpers/app.ts';
import { tempDbPath } from '../helpers/console.ts';

/**
 * Two connections on one database, as two workers of the pool: what one of them cached of a
 * sandbox is not served once the other has written it (every write moves the sandbox's serial).
 * A teammate's sandbox viewed on one worker (`kubectl --context=bob`) while bob works on another
 * is the case the pool's own rule (forget a member's copy when their commands move) cannot see.
 * (A graceful delete sets no new resourceVersion in the simulator yet, so it moves no serial.)
 */
describe('a cached sandbox and another connection’s writes', () => {
  const bob: SandboxKey = { platform: 'console', scope: 'test', user: 'bob' };
  const labelsOfWeb = (t: TestApp) => {
    const sandbox = t.app.sandboxes.open(bob, t.clock.now);
    return t.app.sandboxes.load(sandbox, t.clock.now).pods.find((p) => p.metadata.name === 'web')?.metadata
      .labels;
  };

  it('GIVEN worker A cached bob’s sandbox WHEN bob labels a pod through worker B THEN A reads the label', () => {
    const dbPath = tempDbPath('podium-coherence-');
    const a = testApp(dbPath);
    const b = testApp(dbPath);
    expect(b.say('bob', 'kubectl run web --image=nginx')).toBe('pod/web created');
    expect(labelsOfWeb(a)).toEqual({ run: 'web' });
    expect(b.say('bob', 'kubectl label po web tier=front')).toBe('pod/web labeled');
    expect(labelsOfWeb(a)).toEqual({ run: 'web', tier: 'front' });
    expect(b.say('bob', 'kubectl run db --image=redis')).toBe('pod/db created');
    const sandbox = a.app.sandboxes.open(bob, a.clock.now);
    expect(a.app.sandboxes.load(sandbox, a.clock.now).pods.map((p) => p.metadata.name)).toContain('db');
  });
});
