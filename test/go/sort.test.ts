import { describe, expect, it } from 'vitest';
import { goSorted } from '../../src/go/sort.ts';

/**
 * Go's sort.Sort, as kubectl's --sort-by uses it. The orders below are kubectl 1.33's own, read
 * through Podium's API door: each item's key (in the order the server listed them) and where
 * kubectl put each item (its index in that list), ties included.
 */
const order = (keys: readonly number[]) =>
  goSorted(
    keys.map((_, i) => i),
    (a, b) => (keys[a] ?? 0) < (keys[b] ?? 0),
  );

describe('goSorted: Go’s pattern-defeating quicksort, unstable exactly as Go is', () => {
  it('GIVEN 35 events WHEN sorted by lastTimestamp (five distinct times) THEN ties come in kubectl 1.33’s order', () => {
    const keys = [
      4, 0, 0, 0, 0, 0, 1, 2, 3, 4, 0, 0, 0, 0, 0, 1, 2, 3, 0, 0, 0, 0, 0, 1, 2, 3, 0, 0, 0, 0, 0, 1, 2, 3, 4,
    ];
    expect(order(keys)).toEqual([
      18, 12, 2, 3, 4, 5, 11, 22, 30, 29, 1, 21, 28, 13, 14, 20, 10, 27, 26, 19, 15, 6, 31, 23, 24, 16, 7, 32,
      25, 17, 8, 33, 0, 9, 34,
    ]);
  });

  it('GIVEN 70 pods WHEN sorted by a label with three values (Tukey’s ninther, unbalanced partitions) THEN kubectl 1.33’s order', () => {
    const keys = [
      0, 0, 2, 2, 1, 1, 0, 0, 2, 0, 2, 2, 1, 1, 0, 0, 2, 0, 2, 2, 1, 1, 1, 0, 0, 2, 2, 1, 1, 1, 0, 1, 0, 2, 2,
      1, 1, 1, 0, 1, 0, 2, 2, 1, 1, 1, 0, 0, 2, 2, 2, 1, 1, 0, 0, 0, 2, 2, 2, 1, 1, 0, 0, 0, 2, 2, 2, 1, 1, 0,
    ];
    expect(order(keys)).toEqual([
      54, 53, 69, 46, 40, 38, 6, 7, 47, 9, 63, 62, 23, 32, 14, 15, 0, 17, 61, 24, 30, 55, 1, 43, 29, 59, 21,
      27, 28, 12, 20, 60, 13, 31, 67, 39, 22, 37, 5, 36, 4, 52, 51, 35, 44, 45, 68, 16, 48, 49, 50, 42, 41,
      34, 33, 26, 56, 57, 58, 25, 19, 18, 11, 10, 64, 65, 66, 8, 3, 2,
    ]);
  });

  it('GIVEN any keys (sorted, reversed, random, many equal; up to 2,000) THEN the result is ordered and a permutation', () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    for (const n of [0, 1, 2, 12, 13, 49, 50, 51, 200, 2000])
      for (const shape of ['sorted', 'reversed', 'random', 'few'] as const) {
        const keys = Array.from({ length: n }, (_, i) =>
          shape === 'sorted'
            ? i
            : shape === 'reversed'
              ? n - i
              : shape === 'few'
                ? Math.floor(random() * 3)
                : random(),
        );
        const got = order(keys);
        expect([...got].sort((a, b) => a - b)).toEqual(keys.map((_, i) => i));
        for (let i = 1; i < got.length; i++)
          expect(keys[got[i] ?? 0] ?? 0).toBeGreaterThanOrEqual(keys[got[i - 1] ?? 0] ?? 0);
      }
  });
});
