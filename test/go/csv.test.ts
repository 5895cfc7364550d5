import { describe, expect, it } from 'vitest';
import { readCsvRecord } from '../../src/go/csv.ts';

/** Each case checked with kubectl 1.33's `--types=VALUE` (pflag StringSlice reads it so). */
describe("encoding/csv's first record, as pflag's StringSlice reads a value", () => {
  it.each([
    ['Warning,Normal', ['Warning', 'Normal']],
    ['"Warning"', ['Warning']],
    ['"War""ning"', ['War"ning']],
    ['"a,b",c', ['a,b', 'c']],
    [' Warning', [' Warning']],
    ['Warning,,', ['Warning', '', '']],
    [',', ['', '']],
    ['""', ['']],
    ['a\nb', ['a']],
    ['\n\nWarning', ['Warning']],
    ['"ab\nc"', ['ab\nc']],
    ['"a\r\nb"', ['a\nb']],
  ])('GIVEN %j THEN the fields %j', (text, fields) => {
    expect(readCsvRecord(text)).toEqual({ ok: true, value: fields });
  });

  it.each([
    ['"a', 'parse error on line 1, column 3: extraneous or missing " in quoted-field'],
    ['a"b', 'parse error on line 1, column 2: bare " in non-quoted-field'],
    ['"a"b', 'parse error on line 1, column 3: extraneous or missing " in quoted-field'],
    ['Warning,"Normal', 'parse error on line 1, column 16: extraneous or missing " in quoted-field'],
    ['x,y"z', 'parse error on line 1, column 4: bare " in non-quoted-field'],
    ['"a" ', 'parse error on line 1, column 3: extraneous or missing " in quoted-field'],
    ['é"', 'parse error on line 1, column 3: bare " in non-quoted-field'],
    ['"a\nb', 'record on line 1; parse error on line 2, column 2: extraneous or missing " in quoted-field'],
    ['"a\nb"c', 'record on line 1; parse error on line 2, column 2: extraneous or missing " in quoted-field'],
    ['"a\n', 'parse error on line 1, column 4: extraneous or missing " in quoted-field'],
    ['"a""', 'parse error on line 1, column 5: extraneous or missing " in quoted-field'],
    ['"', 'parse error on line 1, column 2: extraneous or missing " in quoted-field'],
    ['a,"b"c,d', 'parse error on line 1, column 5: extraneous or missing " in quoted-field'],
    ['\n', 'EOF'],
  ])('GIVEN %j THEN %s', (text, error) => {
    expect(readCsvRecord(text)).toEqual({ ok: false, error });
  });
});
