import { describe, expect, it } from 'vitest';
import { renderError } from '../../src/kubectl/errors.ts';
import { type FlagSpec, flagList, parseFlags } from '../../src/kubectl/flags.ts';
import { testApp } from '../helpers/app.ts';
import { besideKubectl133 } from './beside-kubectl.ts';

/**
 * String-list flags (pflag StringSlice: `-L`, `-f`, `--types`, `--verbs`, `--address`): each value
 * is one record of encoding/csv, an empty value none, and values accumulate.
 */
const FLAGS: FlagSpec[] = [{ name: 'label-columns', short: 'L', type: 'list' }];

const columns = (...words: string[]) => {
  const line = parseFlags(words, FLAGS, 'get');
  if (!line.ok) return renderError(line.error);
  return flagList(line.value, 'label-columns');
};

describe('string-list flags read as CSV', () => {
  it.each([
    [
      ['-L', 'a,b'],
      ['a', 'b'],
    ],
    [['-L', ''], []],
    [
      ['-L', 'a,,b'],
      ['a', '', 'b'],
    ],
    [
      ['-L', ','],
      ['', ''],
    ],
    [['-L', '"a,b"'], ['a,b']],
    [
      ['-L', '"a""b",c'],
      ['a"b', 'c'],
    ],
    [
      ['-L', 'a', '--label-columns=', '-L', 'b,c'],
      ['a', 'b', 'c'],
    ],
  ])('GIVEN %j THEN the columns are %j', (words, expected) => {
    expect(columns(...words)).toEqual(expected);
  });

  it.each([
    [
      ['-L', '"a'],
      `error: invalid argument "\\"a" for "-L, --label-columns" flag: parse error on line 1, column 3: extraneous or missing " in quoted-field\nSee 'kubectl get --help' for usage.`,
    ],
    [
      ['-L', 'a"b'],
      `error: invalid argument "a\\"b" for "-L, --label-columns" flag: parse error on line 1, column 2: bare " in non-quoted-field\nSee 'kubectl get --help' for usage.`,
    ],
  ])('GIVEN %j THEN pflag’s error', (words, expected) => {
    expect(columns(...words)).toBe(expected);
  });

  it('GIVEN an unsimulated create subcommand WHEN its flag holds a quote THEN it is not available, not a CSV error', () => {
    // kubectl 1.33 reads --from-literal whole (StringArray): `a="b` is a fine value there.
    expect(testApp().say('alice', `kubectl create secret generic x --from-literal='a="b'`)).toMatch(
      /^`kubectl create secret` is not available here/,
    );
  });
});

const CASES = [
  "get po -L ''",
  "get po -L 'a,,b'",
  `get po -L '"a,b"'`,
  `get po -L '"a'`,
  `get po --label-columns='"a",b' -L ''`,
  'get po -L a, -L ,b -o wide',
  `get po -L '""' --show-labels`,
  'get po -L a --no-headers -L ,',
  `api-resources --verbs='"get'`,
  "api-resources --verbs='' --categories='' --api-group=apps",
  `port-forward web 8080:80 --address='"x'`,
  `get -f '"x'`,
  "get -f ''",
  `events --types='"Warning'`,
];

// Ages are the same width in both (a pod made just now); trailing blanks of the last line aside.
besideKubectl133(
  'string-list flags',
  CASES,
  (door) => door.t.say('alice', 'kubectl run web --image=nginx --labels=a=1,b=2'),
  { compared: (text) => text.trimEnd().replace(/\b\d+s\b/g, 'AGE') },
);

/**
 * pflag's shorthands: `-x=VALUE` only with a VALUE (`-o=` is the value `=`, `-A=` a shorthand `=`),
 * and an error names the shorthands still unread (`-Az` is "'z' in -z").
 */
besideKubectl133(
  'shorthand flags',
  [
    'get pods -o=name',
    'get pods -o=',
    'get pods -o==yaml',
    'get pods -n=',
    'get pods -A=',
    'get pods -A=false',
    'get pods -Az',
    'get pods -An',
    'run x --image=y --dry-run=client -o=',
    'run x --image=y --dry-run=client -i=',
    'run x --image=y --dry-run=client -ti=',
  ],
  (door) => door.t.say('alice', 'kubectl run web --image=nginx'),
);
