import { describe, expect, it } from 'vitest';
import { T0, testApp } from '../helpers/app.ts';

/** `kubectl wait --timeout`: any duration kubectl accepts, but the sandbox clock moves at most 1 h. */
const clockOf = (t: ReturnType<typeof testApp>): number =>
  (t.app.db.prepare('SELECT clock_offset_ms AS ms FROM sandboxes').get() as { ms: number }).ms;

describe('kubectl wait --timeout', () => {
  it('GIVEN a crash-looping pod WHEN wait --for=delete --timeout=1000000h THEN it times out after 1 h of sandbox time and says why', () => {
    const t = testApp();
    t.say('alice', 'kubectl run crash --image=busybox');
    const reply = t.send('alice', 'kubectl wait --for=delete po/crash --timeout=1000000h');
    expect(reply.blocks[0]?.text).toBe('error: timed out waiting for the condition on pods/crash');
    expect(reply.blocks[1]?.text).toBe(
      'The sandbox moves its clock at most 1h per `kubectl wait`, so this wait gave up after 1h, not after --timeout=1000000h. Run it again to wait longer.',
    );
    expect(clockOf(t)).toBe(3_600_000);
    expect(t.say('alice', 'kubectl get po crash')).toContain('CrashLoopBackOff');
  });

  it('GIVEN a timeout under the cap THEN kubectl behaves as before, with no note', () => {
    const t = testApp();
    t.say('alice', 'kubectl run crash --image=busybox');
    const reply = t.send('alice', 'kubectl wait --for=delete po/crash --timeout=20m');
    expect(reply.blocks.map((b) => b.text)).toEqual([
      'error: timed out waiting for the condition on pods/crash',
    ]);
    expect(clockOf(t)).toBe(20 * 60_000);
  });

  it('GIVEN a negative timeout (a week) or one past int64 nanoseconds THEN kubectl’s meaning and errors hold', () => {
    const t = testApp();
    t.say('alice', 'kubectl run crash --image=busybox');
    expect(t.send('alice', 'kubectl wait --for=delete po/crash --timeout=-1s').blocks[1]?.text).toContain(
      '-1s',
    );
    expect(t.say('alice', 'kubectl wait --for=delete po/crash --timeout=3000000h')).toBe(
      'error: invalid argument "3000000h" for "--timeout" flag: time: invalid duration "3000000h"\nSee \'kubectl wait --help\' for usage.',
    );
    expect(t.say('alice', 'kubectl wait --for=delete po/crash --timeout=1S')).toContain(
      'time: unknown unit "S" in duration "1S"',
    );
    expect(T0).toBeGreaterThan(0);
  });

  it('GIVEN --timeout of 40 digits and a bang THEN the duration is refused at once (a nested-quantifier pattern took 18 s for 26)', () => {
    const t = testApp();
    const start = performance.now();
    expect(t.say('alice', `kubectl wait --for=delete po/x --timeout=${'1'.repeat(40)}!`)).toContain(
      'time: invalid duration',
    );
    expect(performance.now() - start).toBeLessThan(5_000);
  });
});
