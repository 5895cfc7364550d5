import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  digitsAtSight,
  goYaml,
  naturalSort,
  plainAtSight,
  withoutFastPaths,
} from '../../../src/kubectl/printers/go-yaml.ts';
import { createRandom } from '../../../src/quiz/random.ts';

/**
 * The emitter's fast paths (a plain ASCII word's style and width at sight, kept maps' texts)
 * must write what the straightforward emitter writes, byte for byte, for any value: these draw
 * values made of the cases its styles turn on, with a fixed seed.
 */
const TRICKY = [
  '',
  ' ',
  '1364',
  '0x1F',
  '0o17',
  '1e3',
  '.5',
  '+1',
  '-',
  '-1_000',
  '12:30',
  '1:2:3',
  '2025-01-15',
  '2025-01-15T10:00:00Z',
  'True',
  'yes',
  'Yes',
  'y',
  'n',
  'no',
  'on',
  'off',
  'null',
  'Null',
  '~',
  '.inf',
  '-.Inf',
  '.NaN',
  '<<',
  'false',
  'FALSE',
  'Falsey',
  'a:',
  'a:b',
  'a: b',
  ':a',
  '?a',
  '? a',
  '- a',
  '-a',
  '#a',
  'a#b',
  'a #b',
  '---a',
  '...a',
  "it's",
  "'q'",
  '"q"',
  'back\\slash',
  '@at',
  'a@b',
  '`tick',
  'tab\there',
  'line\nbreak',
  'ends\n',
  'ends\n\n',
  '\nstarts',
  ' lead',
  'trail ',
  'two  spaces',
  'café',
  '안녕',
  '😀',
  'a😀b',
  '\ud800',
  '\udc00x',
  '\u0085',
  '\u2028',
  '\ufeff',
  '\u0007bell',
  'docker.io/luksa/kubia:latest',
  'containerd://0123abcd',
  'kubernetes.io/config.mirror',
  '10.244.1.2',
  '1.2',
  '1..',
  '1.2e5',
  '1e-5',
  '1-2-3',
  '2025-01-15',
  '2025-1-5',
  '2025_-01-15',
  '0x1F-2-3',
  '412a0a5a-88bd-402f-af25-6e81216a5f63',
  '1-2:3',
  '1_000-2',
];

const word = fc.oneof(
  fc.constantFrom(...TRICKY),
  fc.stringMatching(/^[a-zA-Z][a-zA-Z0-9._/:@-]{0,12}$/),
  // Led by a digit: IPs, uids, dates, numbers with dots, dashes and exponents.
  fc.stringMatching(/^[0-9][0-9eExob._:/@-]{0,10}$/),
  fc
    .array(fc.stringMatching(/^[0-9a-f]{1,4}$/), { minLength: 1, maxLength: 5 })
    .chain((parts) => fc.constantFrom(parts.join('.'), parts.join('-'), parts.join('_'))),
  fc.stringMatching(/^[0-9]{1,100}$/),
  fc.string({
    unit: fc.constantFrom('a', 'Z', '0', '9', ' ', ':', '#', '-', "'", '"', '\n', '\\', '.', 'é', '😀', '\t'),
    maxLength: 12,
  }),
  fc.string({ unit: 'grapheme', maxLength: 6 }),
  fc.string({ unit: 'binary', maxLength: 6 }),
);

// Long enough to fold at 80 columns: words joined by one or two spaces.
const sentence = fc
  .array(fc.tuple(word, fc.constantFrom(' ', ' ', '  ')), { minLength: 4, maxLength: 30 })
  .map((parts) => parts.map(([w, gap]) => w + gap).join(''));

const scalar = fc.oneof(
  { arbitrary: word, weight: 6 },
  { arbitrary: sentence, weight: 2 },
  { arbitrary: fc.oneof(fc.integer(), fc.double(), fc.boolean(), fc.constant(null)), weight: 1 },
);

const { value } = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { arbitrary: scalar, weight: 4 },
    { arbitrary: fc.array(tie('value'), { maxLength: 4 }), weight: 1 },
    { arbitrary: fc.dictionary(word, tie('value'), { maxKeys: 6 }), weight: 2 },
    // Keys in an order of their own (as a manifest or a builder puts them), sorted or not.
    {
      arbitrary: fc
        .uniqueArray(fc.stringMatching(/^[a-z0-9A-Z_.-]{1,6}$/), { maxLength: 8 })
        .chain((keys) =>
          fc.tuple(
            fc.constant(keys),
            fc.array(tie('value'), { minLength: keys.length, maxLength: keys.length }),
          ),
        )
        .map(([keys, values]) => Object.fromEntries(keys.map((k, i) => [k, values[i]]))),
      weight: 1,
    },
  ),
}));

const document = fc.dictionary(word, value, { minKeys: 1, maxKeys: 6 });

describe('the emitter’s fast paths', () => {
  it('GIVEN any value WHEN printed THEN the fast emitter writes what the straightforward one does', () => {
    fc.assert(
      fc.property(fc.oneof(document, value), (v) => {
        expect(goYaml(v)).toBe(withoutFastPaths(() => goYaml(v)));
      }),
      { numRuns: 3000, seed: 17 },
    );
  });

  it('GIVEN any value whose maps are all kept WHEN printed twice THEN both are the straightforward text', () => {
    fc.assert(
      fc.property(document, (v) => {
        const straight = withoutFastPaths(() => goYaml(v));
        expect(goYaml(v, () => true)).toBe(straight);
        expect(goYaml(v, () => true)).toBe(straight);
      }),
      { numRuns: 1000, seed: 17 },
    );
  });

  it('GIVEN digits WHEN printed THEN the straightforward emitter double-quotes them too', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9]{1,100}$/), (digits) => {
        expect([digitsAtSight(digits), withoutFastPaths(() => goYaml({ k: digits }))]).toEqual([
          true,
          `k: "${digits}"\n`,
        ]);
      }),
      { numRuns: 1000, seed: 17 },
    );
  });

  it('GIVEN a word plain at sight THEN the straightforward emitter writes it unquoted too', () => {
    fc.assert(
      fc.property(word, (w) => {
        fc.pre(plainAtSight(w));
        expect(withoutFastPaths(() => goYaml({ k: w }))).toBe(`k: ${w}\n`);
      }),
      { numRuns: 3000, seed: 17 },
    );
  });

  it('GIVEN maps of keys out of order, many with the same first key WHEN printed one after another THEN each lists its keys in natural order', () => {
    // Kept orders are found by their first key and then key by key: lists alike but for one key,
    // or one longer than another, must each get their own order.
    const random = createRandom('kept-orders');
    const names = ['a', 'a1', 'a10', 'a2', 'b', 'B', 'b0', 'c', 'z', 'x9', 'x10', 'k8s', 'k08s'];
    let mismatches = 0;
    for (let round = 0; round < 3000; round++) {
      const first = random.pick(names);
      const rest = random.shuffle(names.filter((n) => n !== first)).slice(0, random.int(5) + 1);
      const keys = [first, ...rest];
      const map = Object.fromEntries(keys.map((k) => [k, 1]));
      const expected = naturalSort(Object.keys(map))
        .map((k) => `${k}: 1\n`)
        .join('');
      if (goYaml(map) !== expected) mismatches++;
    }
    expect(mismatches).toBe(0);
  });
});
