import { split } from 'shlex';
import { describe, expect, it } from 'vitest';
import { plainWords, tokenize } from '../../src/kubectl/tokenize.ts';
import { createRandom } from '../../src/quiz/random.ts';

/**
 * Lines without backslashes are split without shlex: the words must be exactly shlex's, over
 * seeded random lines of the characters that matter (its four separators, other whitespace that
 * is not one, both quotes, `$`, `#`, `=`, commas, parentheses, Hangul, an astral character).
 */
const ALPHABET = [
  ' ',
  ' ',
  '\t',
  '\r',
  '\n',
  '\v',
  '\f',
  '\u00a0',
  '\u3000',
  '$',
  '#',
  '=',
  ',',
  '(',
  ')',
  '-',
  'a',
  'Z',
  '7',
  '한',
  '😀',
  '.',
  '/',
  '!',
  "'",
  '"',
  "'",
  '"',
];

describe('splitting a plain line', () => {
  it("GIVEN 5,000 seeded lines without backslashes THEN the words split here are shlex's, and shlex gets only what it must", () => {
    // The project's seeded generator: every bit of its output is usable (an LCG's low bits, taken
    // modulo n, repeat: a test drawing with them never drew some characters).
    const next = createRandom('tokenize-plain').int;
    let differences = 0;
    let split1 = 0;
    for (let i = 0; i < 5000; i++) {
      let line = '';
      const length = next(24);
      for (let k = 0; k < length; k++) line += ALPHABET[next(ALPHABET.length)];
      const words = plainWords(line);
      let shlex: string[] | 'throws';
      try {
        shlex = split(line);
      } catch {
        shlex = 'throws';
      }
      if (words !== null) {
        split1++;
        if (JSON.stringify(words) !== JSON.stringify(shlex)) differences++;
      } else if (shlex !== 'throws' && !/\$['"]/.test(line)) differences++;
    }
    // Most lines are split here (the others: a quote left open, or `$'`), so the comparison means something.
    expect(split1).toBeGreaterThan(2000);
    expect(differences).toBe(0);
  });

  it('GIVEN a backslash, a typographic quote, a quote after $ or one left open THEN the line goes to shlex', () => {
    for (const line of [
      "get $'x'",
      'get $"x"',
      "get 'open",
      'get a\\ b',
      'get \u2018x\u2019',
      'get \u201Cx\u201D',
      'get x\u2032',
      'get x\u2033',
    ])
      expect(plainWords(line)).toBeNull();
    expect(tokenize("get po -l 'env in (a,b)'")).toEqual({
      ok: true,
      value: ['get', 'po', '-l', 'env in (a,b)'],
    });
    expect(tokenize('get po \u201Cweb\u201D')).toEqual({ ok: true, value: ['get', 'po', 'web'] });
    expect(tokenize('  get\tpo \n web  ')).toEqual({ ok: true, value: ['get', 'po', 'web'] });
    expect(plainWords(`get po -l 'env in (prod)'`)).toEqual(['get', 'po', '-l', 'env in (prod)']);
    expect(plainWords(`-l'a b'"c"d '' ""`)).toEqual(['-la bcd', '', '']);
  });
});
