import { describe, expect, it } from 'vitest';
import { parseGoDuration } from '../../src/go/duration.ts';
import { testApp } from '../helpers/app.ts';

describe('kubectl logs --since', () => {
  it('GIVEN kubia logged once at start WHEN logs --since=10s 90s later THEN nothing is that recent', () => {
    const t = testApp();
    t.say('alice', 'kubectl run kubia --image=luksa/kubia');
    t.advance(90_000);
    expect(t.say('alice', 'kubectl logs kubia')).toBe('Kubia server starting...');
    expect(t.say('alice', 'kubectl logs kubia --since=10s')).toBe('');
    expect(t.say('alice', 'kubectl logs kubia --since=1h')).toBe('Kubia server starting...');
  });

  // The texts of kubectl v1.32 (which capitalises cobra's `Error:`).
  it('GIVEN a bad duration WHEN logs --since THEN pflag rejects it with Go time.ParseDuration text', () => {
    const t = testApp();
    expect(t.say('alice', 'kubectl logs f --since=10')).toBe(
      `error: invalid argument "10" for "--since" flag: time: missing unit in duration "10"\nSee 'kubectl logs --help' for usage.`,
    );
    expect(t.say('alice', 'kubectl logs f --since=2d').split('\n')[0]).toBe(
      'error: invalid argument "2d" for "--since" flag: time: unknown unit "d" in duration "2d"',
    );
  });

  it('GIVEN Go durations WHEN parsed THEN milliseconds as time.ParseDuration reads them', () => {
    expect(parseGoDuration('1h30m')).toEqual({ ok: true, value: 5_400_000 });
    expect(parseGoDuration('1.5s')).toEqual({ ok: true, value: 1500 });
    expect(parseGoDuration('0')).toEqual({ ok: true, value: 0 });
    expect(parseGoDuration('x').ok).toBe(false);
  });
});
