import { describe, expect, it } from 'vitest';
import { KeptBuckets } from '../src/kept-buckets.ts';

describe('values kept in buckets', () => {
  it('GIVEN values under keys THEN each is found in its own bucket by the test, never in another', () => {
    const kept = new KeptBuckets<string, number>(100, 10);
    kept.add('a', 1);
    kept.add('a', 2);
    kept.add('b', 3);
    expect(kept.find('a', (v) => v === 2)).toBe(2);
    expect(kept.find('a', (v) => v === 3)).toBeUndefined();
    expect(kept.find('b', (v) => v > 0)).toBe(3);
    expect(kept.find('c', () => true)).toBeUndefined();
  });

  it('GIVEN a bucket full WHEN one more is added THEN only its oldest goes', () => {
    const kept = new KeptBuckets<string, number>(100, 3);
    for (const v of [1, 2, 3, 4]) kept.add('a', v);
    kept.add('b', 9);
    expect(kept.find('a', (v) => v === 1)).toBeUndefined();
    for (const v of [2, 3, 4]) expect(kept.find('a', (x) => x === v)).toBe(v);
    expect(kept.find('b', (v) => v === 9)).toBe(9);
  });

  it('GIVEN as many kept in all as allowed WHEN one more is added THEN every bucket is emptied first', () => {
    const kept = new KeptBuckets<number, number>(4, 3);
    for (let i = 0; i < 4; i++) kept.add(i, i);
    kept.add(9, 9);
    for (let i = 0; i < 4; i++) expect(kept.find(i, () => true)).toBeUndefined();
    expect(kept.find(9, () => true)).toBe(9);
    // A bucket's oldest dropped is no longer counted: three more fit before the next emptying.
    for (const v of [10, 11, 12]) kept.add(9, v);
    expect(kept.find(9, (v) => v === 9)).toBeUndefined();
    kept.add(1, 1);
    expect(kept.find(9, (v) => v === 12)).toBe(12);
    kept.add(2, 2);
    expect(kept.find(9, () => true)).toBeUndefined();
    expect(kept.find(2, () => true)).toBe(2);
  });
});
