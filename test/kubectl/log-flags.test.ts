import { describe, expect, it } from 'vitest';
import { testApp } from '../helpers/app.ts';

/**
 * `kubectl logs --limit-bytes, --since-time, --all-pods, --pod-running-timeout,
 * --insecure-skip-tls-verify-backend`, and the order kubectl 1.33 checks its flags in, compared
 * with kubectl 1.33 against Podium's API door (which cuts a log as the kubelet does).
 */
const LOOP = 'kubectl run bb --image=busybox -- sh -c "while true; do echo hello world; sleep 1; done"';

function withLoop() {
  const t = testApp();
  t.say('alice', LOOP);
  t.advance(8_000);
  return t;
}

describe('kubectl logs: what the kubelet is asked to cut', () => {
  it('GIVEN --limit-bytes THEN the stream stops after that many bytes, mid-line, timestamps counted, prefixes not', () => {
    const t = withLoop();
    expect(t.say('alice', 'kubectl logs bb --limit-bytes=15')).toBe('hello world\nhel');
    expect(t.say('alice', 'kubectl logs bb --limit-bytes=15 --timestamps')).toBe('2025-01-15T10:0');
    expect(t.say('alice', 'kubectl logs bb --limit-bytes=15 --prefix')).toBe(
      '[pod/bb/bb] hello world\n[pod/bb/bb] hel',
    );
    expect(t.say('alice', 'kubectl logs bb --limit-bytes=0 --tail=1')).toBe('hello world');
  });

  it('GIVEN --since-time THEN lines from that second on; --since rounds to whole seconds', () => {
    const t = withLoop();
    expect(t.say('alice', 'kubectl logs bb --since-time=2025-01-15T10:00:05.9Z --timestamps')).toBe(
      [
        '2025-01-15T10:00:05.950918050Z hello world',
        '2025-01-15T10:00:06.950837050Z hello world',
        '2025-01-15T10:00:07.950756050Z hello world',
      ].join('\n'),
    );
    expect(t.say('alice', 'kubectl logs bb --since-time=2025-01-15T11:00:06+01:00 --tail=5')).toBe(
      'hello world\nhello world',
    );
    expect(t.say('alice', 'kubectl logs bb --since-time=2099-01-01T00:00:00Z')).toBe('');
    // time.Duration.Round: 1400ms asks for 1 s, 300ms for none at all.
    expect(t.say('alice', 'kubectl logs bb --since=1400ms')).toBe('hello world');
    expect(t.say('alice', 'kubectl logs bb --since=300ms').split('\n')).toHaveLength(7);
  });

  it('GIVEN --all-pods THEN lines are prefixed; the kubelet flags change nothing', () => {
    const t = withLoop();
    expect(t.say('alice', 'kubectl logs bb --all-pods --tail=1')).toBe('[pod/bb/bb] hello world');
    for (const flag of ['--pod-running-timeout=5s', '--insecure-skip-tls-verify-backend'])
      expect(t.say('alice', `kubectl logs bb --tail=2 ${flag}`)).toBe('hello world\nhello world');
  });
});

describe('kubectl logs: refusals, in kubectl 1.33’s order', () => {
  const parse = 'parsing time "bad" as "2006-01-02T15:04:05Z07:00": cannot parse "bad" as "2006"';
  it.each([
    [
      'logs bb --since-time=bad --since=x',
      'error: invalid argument "x" for "--since" flag: time: invalid duration "x"\nSee \'kubectl logs --help\' for usage.',
    ],
    [
      'logs bb --pod-running-timeout=x',
      'error: invalid argument "x" for "--pod-running-timeout" flag: time: invalid duration "x"\nSee \'kubectl logs --help\' for usage.',
    ],
    [
      'logs nosuch --pod-running-timeout=0s --since-time=bad',
      'error: --pod-running-timeout must be higher than zero',
    ],
    ['logs nosuch --since-time=bad --limit-bytes=-1', `error: ${parse}`],
    [
      'logs nosuch --limit-bytes=-1',
      'error: error from server (NotFound): pods "nosuch" not found in namespace "default"',
    ],
    [
      'logs bb --since-time=2020-01-01T00:00:00Z --since=300ms',
      'error: at most one of `sinceTime` or `sinceSeconds` may be specified',
    ],
    [
      'logs bb --all-containers -c bb --limit-bytes=-1',
      'error: --all-containers=true should not be specified with container name bb',
    ],
    ['logs bb bb -c bb', 'error: only one of -c or an inline [CONTAINER] arg is allowed'],
    ['logs bb --limit-bytes=-1 --since=-1s', 'error: --limit-bytes must be greater than 0'],
    ['logs bb --since=-1s', 'error: --since must be greater than 0'],
    ['logs bb --tail=-5', 'error: --tail must be greater than or equal to -1'],
    ['logs -l run=bb --limit-bytes=-1', 'error: --limit-bytes must be greater than 0'],
    [
      'logs -l run=none --limit-bytes=-1',
      'No resources found in default namespace.\nerror: --limit-bytes must be greater than 0',
    ],
  ])('GIVEN %s THEN kubectl’s refusal', (line, expected) => {
    const t = withLoop();
    expect(t.say('alice', `kubectl ${line}`)).toBe(expected);
  });
});
