import { describe, expect, it } from 'vitest';
import { TOP_HELP } from '../../src/kubectl/top.ts';
import { verbSandbox } from './verb-sandbox.ts';

/**
 * `kubectl top pod|node` in a sandbox without metrics-server: kubectl 1.33's own text at each
 * check, as it printed them against Podium's API door (orc.py, side by side).
 */
const NO_METRICS = 'error: Metrics API not available';

describe('kubectl top', () => {
  const box = verbSandbox();
  box.kubectl('run kubia --image=luksa/kubia');

  it.each([
    'top pod',
    'top po -A',
    'top pods kubia',
    'top pod --containers --sum -n nope',
    'top pod --field-selector=status.phase=Running',
    'top node',
    'top nodes nope',
    'top no -l x=y --show-capacity --use-protocol-buffers=false --no-headers',
  ])('GIVEN %s THEN kubectl says the Metrics API is not there', (line) => {
    expect(box.kubectl(line)).toEqual({ text: NO_METRICS, ok: false });
  });

  it.each([
    ['top pod a b', "error: pod [NAME | -l label]\nSee 'kubectl top pod -h' for help and examples"],
    ['top node a b', "error: node [NAME | -l label]\nSee 'kubectl top node -h' for help and examples"],
    [
      'top pod a b --request-timeout=x',
      "error: pod [NAME | -l label]\nSee 'kubectl top pod -h' for help and examples",
    ],
    ['top pod -l a=b --sort-by=x', 'error: --sort-by accepts only cpu or memory'],
    ['top node --sort-by=foo', 'error: --sort-by accepts only cpu or memory'],
    ['top pod -l app=x kubia', 'error: only one of NAME or selector can be provided'],
    ['top pod kubia --field-selector=a=b', 'error: only one of NAME or selector can be provided'],
    ['top node kubia -l a=b', 'error: only one of NAME or --selector can be provided'],
    ['top pod -l "a in ("', "error: unable to parse requirement: found '', expected: ',', ')' or identifier"],
    [
      'top node -l "a in ("',
      "error: unable to parse requirement: found '', expected: ',', ')' or identifier",
    ],
    ['top pod --field-selector=foo', "error: invalid selector: 'foo'; can't understand 'foo'"],
    ['top pod --bogus', "error: unknown flag: --bogus\nSee 'kubectl top pod --help' for usage."],
    ['top node -A', "error: unknown shorthand flag: 'A' in -A\nSee 'kubectl top node --help' for usage."],
    [
      'top pod --sum=x',
      'error: invalid argument "x" for "--sum" flag: strconv.ParseBool: parsing "x": invalid syntax\nSee \'kubectl top pod --help\' for usage.',
    ],
    ['top foo', 'error: unknown command "foo"\nSee \'kubectl top -h\' for help and examples'],
    ['top --bogus', "error: unknown flag: --bogus\nSee 'kubectl top --help' for usage."],
    [
      'top pod --request-timeout=x',
      'error: Invalid timeout value. Timeout must be a single integer in seconds, or an integer followed by a corresponding time unit (e.g. 1s | 2m | 3h)',
    ],
  ])('GIVEN %s THEN kubectl’s error at that check', (line, text) => {
    expect(box.kubectl(line)).toEqual({ text, ok: false });
  });

  it('GIVEN no subcommand THEN the help, failing; --help of each is its own', () => {
    expect(box.kubectl('top')).toEqual({ text: TOP_HELP, ok: false });
    expect(box.kubectl('top --help')).toEqual({ text: TOP_HELP, ok: true });
    expect(box.kubectl('top pod -h x y').text).toMatch(/^Display resource \(CPU\/memory\) usage of pods\.\n/);
    expect(box.kubectl('top no --help').text).toMatch(
      /\nUsage:\n {2}kubectl top node \[NAME \| -l label\] \[options\]\n/,
    );
  });
});
