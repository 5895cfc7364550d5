import { describe, expect, it } from 'vitest';
import { kubectlTabWriter } from '../../src/go/tabwriter.ts';

/** Writes each piece and flushes after it, as a printer flushes after each object. */
const printed = (...pieces: string[]): string => {
  const w = kubectlTabWriter();
  for (const piece of pieces) {
    w.write(piece);
    w.flush();
  }
  return w.text;
};

describe('kubectl tab writer (liggitt/tabwriter, minwidth 6, padding 3, RememberWidths)', () => {
  it('GIVEN tab-ended cells THEN each column is its widest cell plus 3, at least 6, and the last cell is not padded', () => {
    expect(printed('LAST SEEN\tTYPE\tMESSAGE\n5s\tNormal\tStarted container kubia\n')).toBe(
      'LAST SEEN   TYPE     MESSAGE\n5s          Normal   Started container kubia\n',
    );
  });

  it('GIVEN an empty last cell THEN the cells before it are still padded', () => {
    expect(printed('a\tNode/node01\t\nbb\tNode/x\tStarting kubelet.\n')).toBe(
      'a     Node/node01   \nbb    Node/x        Starting kubelet.\n',
    );
  });

  it('GIVEN lines with fewer cells between THEN a column block ends there (Go doc example)', () => {
    expect(printed('aaaa\tbbb\td\naa\tb\tdd\na\t\naa\tcccc\teee\n')).toBe(
      'aaaa   bbb   d\naa     b     dd\na      \naa     cccc   eee\n',
    );
  });

  it('GIVEN a later flush with narrower cells THEN the remembered widths hold; with a wider cell the column grows from then on', () => {
    expect(printed('HEAD\tX\n1\tx\n', '2\ty\n', 'wider-than-head\tz\n', '3\tw\n')).toBe(
      ['HEAD   X', '1      x', '2      y', 'wider-than-head   z', `3${' '.repeat(17)}w`, ''].join('\n'),
    );
  });

  it('GIVEN a line with no tab between two blocks THEN the later block is at least as wide as the earlier', () => {
    expect(printed('\ttemplate was:\n\t\t{{.nope}}\nplain\nlonger-cell\tb\n')).toBe(
      '      template was:\n            {{.nope}}\nplain\nlonger-cell   b\n',
    );
    expect(printed('abcdefghij\tb\nplain\nc\td\n')).toBe(`abcdefghij   b\nplain\nc${' '.repeat(12)}d\n`);
  });

  it('GIVEN text with no final newline THEN it is written as it is', () => {
    expect(printed('EventList')).toBe('EventList');
    expect(printed('a\tb')).toBe('a     b');
  });

  it('GIVEN characters beyond the BMP THEN a cell is measured in code points', () => {
    expect(printed('😀😀\tx\nab\ty\n')).toBe('😀😀    x\nab    y\n');
  });
});
