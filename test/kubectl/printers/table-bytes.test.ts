import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatTable, formatTableAfresh } from '../../../src/kubectl/printers/table.ts';

/**
 * Tables whose characters are all Latin-1 are written byte by byte into a reused buffer; any
 * other table is appended cell by cell. Either way the text must be the one appended cell by cell,
 * whatever the cells: Latin-1 beyond ASCII, Hangul, emoji (two UTF-16 units, one column), empty
 * cells, ragged rows, and tables larger than the buffer.
 */
const cell = fc.oneof(
  fc.constantFrom(
    '',
    'pod0',
    'Running',
    'CrashLoopBackOff',
    '1/1',
    '3 (10s ago)',
    '<none>',
    'NAME',
    'é',
    'ÿ',
    '\u00a0',
  ),
  fc.string({
    unit: fc.constantFrom('a', 'Z', '0', '-', ' ', 'é', 'ñ', '\u00ff', '\u0100', '파', '드', '😀', '\t'),
  }),
  fc.string({ maxLength: 40 }),
);
const table = fc.array(fc.array(cell, { maxLength: 9 }), { maxLength: 30 });

describe('formatTable written as bytes', () => {
  it('GIVEN any rows of any cells WHEN formatted THEN the text is the one appended cell by cell', () => {
    fc.assert(
      fc.property(table, (rows) => {
        expect(formatTable(rows)).toBe(formatTableAfresh(rows));
      }),
      { numRuns: 3000, seed: 23 },
    );
  });

  it('GIVEN tables of pods larger than the reused buffer (and than its largest size), then a small one, then one with Hangul WHEN formatted THEN each is the one appended cell by cell', () => {
    const pods = (count: number, name: (i: number) => string) => [
      ['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE'],
      ...Array.from({ length: count }, (_, i) => [name(i), '1/1', 'Running', '0', '5m']),
    ];
    for (const rows of [
      pods(2_000, (i) => `pod-${i}`),
      pods(40_000, (i) => `pod-${i}`),
      pods(3, (i) => `p${i}`),
      pods(100, (i) => `pod${i}`),
      pods(5, (i) => (i === 4 ? '파드' : `pod${i}`)),
      pods(2, (i) => `café-${i}`),
    ])
      expect(formatTable(rows)).toBe(formatTableAfresh(rows));
  });

  it('GIVEN a Latin-1 table THEN its columns line up as kubectl prints them', () => {
    expect(
      formatTable([
        ['NAME', 'READY', 'STATUS'],
        ['café', '1/1', 'Running'],
        ['kubia-long-name', '0/1', 'Pending'],
      ]),
    ).toBe(
      'NAME              READY   STATUS\ncafé              1/1     Running\nkubia-long-name   0/1     Pending',
    );
  });
});
