import fc from 'fast-check';
import { kubectlLine } from '../properties/commands.ts';

/**
 * Hostile input for the fuzz suite: grammar-made kubectl lines mutated with quotes, control
 * characters, unicode, huge tokens and random bytes; and manifests with wrong types, deep nesting,
 * anchors and aliases, prototype keys, huge strings, several documents and binary junk.
 */
const junk = fc.oneof(
  fc.constantFrom(
    "'",
    '"',
    '\\',
    '`',
    '```',
    '\u0000',
    '\u0007',
    '\u001b[31m',
    '\r',
    '\t',
    '$(rm -rf /)',
    '; ls',
    '|',
    '&&',
  ),
  fc.constantFrom(
    '파드',
    '🚀',
    '\u202e',
    '\uffff',
    '\ud800',
    'é'.repeat(40),
    '@everyone',
    '<!channel>',
    '<@U123>',
  ),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.integer({ min: 1000, max: 200_000 }).map((n) => 'x'.repeat(n)),
);

const mutate = (line: string) =>
  fc.oneof(
    { weight: 4, arbitrary: fc.constant(line) },
    fc.tuple(fc.nat(line.length), junk).map(([at, j]) => line.slice(0, at) + j + line.slice(at)),
    fc.nat(line.length).map((at) => line.slice(0, at)),
    fc.tuple(fc.nat(line.length), fc.nat(5)).map(([at, n]) => line.slice(0, at) + line.slice(at + n)),
  );

export const hostileLine: fc.Arbitrary<string> = fc.oneof(
  { weight: 8, arbitrary: kubectlLine.chain(mutate) },
  fc.string({ unit: 'binary', maxLength: 200 }),
  junk.map((j) => `kubectl ${j}`),
  fc.constantFrom(
    '/help',
    '/sandbox reset',
    '/lang xx',
    '/nope',
    '/file save',
    '/quiz answer Z',
    '/lab check',
    '',
  ),
);

const scalar = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom('8080', '-1', '1e9', 'true', '~', '0x1F'),
);

const podDoc = fc.record({
  apiVersion: fc.constantFrom('v1', 'apps/v1', 'v2', 7),
  kind: fc.constantFrom('Pod', 'Namespace', 'Deployment', 'Service', 'pod', ''),
  metadata: fc.record(
    {
      name: fc.constantFrom('web', 'db', 'Bad_Name', '', 'x'.repeat(300)),
      namespace: fc.constantFrom('default', 'nope', 'Bad'),
      labels: fc.dictionary(fc.constantFrom('app', 'env', 'bad key', '__proto__', 'constructor'), scalar, {
        maxKeys: 3,
      }),
      annotations: fc.dictionary(fc.constantFrom('note', 'x/y', 'prototype'), scalar, { maxKeys: 2 }),
    },
    { requiredKeys: [] },
  ),
  spec: fc.record(
    {
      containers: fc.array(
        fc.record(
          {
            name: fc.constantFrom('main', 'side', 'main', 'Bad'),
            image: fc.constantFrom('nginx', 'luksa/kubia', 'busybox', 'nope', ''),
            ports: fc.array(
              fc.record({ containerPort: fc.oneof(fc.constantFrom(80, 8080, 0, 70000), scalar) }),
              { maxLength: 2 },
            ),
            command: fc.oneof(
              fc.constant(undefined),
              fc.array(fc.constantFrom('sleep', '3600', 'sh', '-c'), { maxLength: 3 }),
            ),
            commnd: fc.constant(undefined),
          },
          { requiredKeys: ['name', 'image'] },
        ),
        { maxLength: 12 },
      ),
      nodeSelector: fc.dictionary(fc.constantFrom('gpu', 'disk'), scalar, { maxKeys: 2 }),
      restartPolicy: fc.constantFrom('Always', 'Never', 'Sometimes'),
    },
    { requiredKeys: [] },
  ),
});

const BOMB =
  'a: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n';

export const hostileManifest: fc.Arbitrary<string> = fc.oneof(
  { weight: 5, arbitrary: podDoc.map((d) => JSON.stringify(d, null, 2)) },
  {
    weight: 3,
    arbitrary: fc
      .array(podDoc, { minLength: 2, maxLength: 4 })
      .map((ds) => ds.map((d) => JSON.stringify(d)).join('\n---\n')),
  },
  fc.constant(BOMB),
  fc
    .integer({ min: 10, max: 3000 })
    .map((depth) => `${'a:\n'.split('').join('')}${'['.repeat(depth)}${']'.repeat(depth)}`),
  fc.constant(
    `apiVersion: v1\nkind: Pod\nmetadata:\n  name: big\n  annotations:\n    x: "${'y'.repeat(1_000_000)}"\n`,
  ),
  fc.constant(
    '{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}, "kind": "Pod"}',
  ),
  fc.string({ unit: 'binary', maxLength: 300 }),
  podDoc.chain((d) => mutate(JSON.stringify(d))),
);
