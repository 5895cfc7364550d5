import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { goTrimSpace } from '../../src/go/strings.ts';
import { testApp } from '../helpers/app.ts';

/**
 * Every user string is lexed in linear time. Each case is an input that took
 * tens of seconds with a backtracking regex; the bound is generous (a loaded
 * 2-core machine) and the real figures live in `npm run bench`.
 */
const GENEROUS_MS = 5_000;

function timed<T>(run: () => T): { value: T; ms: number } {
  const start = performance.now();
  const value = run();
  return { value, ms: performance.now() - start };
}

describe('goTrimSpace', () => {
  const GO_SPACE =
    '[\\t\\n\\v\\f\\r \\u0085\\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000]';
  const reference = (text: string) => text.replace(new RegExp(`^${GO_SPACE}+|${GO_SPACE}+$`, 'g'), '');
  const pieces = fc.constantFrom(
    ' ',
    '\t',
    '\n',
    '\v',
    '\u00a0',
    '\u2003',
    '\u3000',
    '\ufeff',
    'a',
    '=',
    '\u0085',
  );

  it('GIVEN short strings of Go spaces and other characters THEN it trims exactly as strings.TrimSpace', () => {
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 12 }), (parts) => {
        const text = parts.join('');
        expect(goTrimSpace(text)).toBe(reference(text));
      }),
      { seed: 16, numRuns: 2_000 },
    );
  });

  it("GIVEN get po -l 'a<200,000 spaces>=b' THEN the answer comes at once (it blocked 57 s)", () => {
    const t = testApp();
    const { value, ms } = timed(() => t.say('alice', `kubectl get po -l 'a${' '.repeat(200_000)}=b'`));
    expect(value).toBe('No resources found in default namespace.');
    expect(ms).toBeLessThan(GENEROUS_MS);
  });
});

describe('container-command planner', () => {
  it('GIVEN a pod whose 24 KB command is `nc nc … -l -l …` THEN get po and describe answer at once (get took 26 s at 12 KB)', () => {
    const t = testApp();
    const script = `${'nc '.repeat(4_000)}${'-l '.repeat(4_000)}`;
    expect(t.say('alice', `kubectl run x --image=busybox --command -- sh -c "${script}"`)).toBe(
      'pod/x created',
    );
    t.advance(5_000);
    const get = timed(() => t.say('alice', 'kubectl get po'));
    expect(get.value).toMatch(/^NAME +READY +STATUS/);
    const describe = timed(() => t.say('alice', 'kubectl describe po x'));
    expect(describe.value).toContain('Name:');
    expect(get.ms + describe.ms).toBeLessThan(GENEROUS_MS);
  });
});
