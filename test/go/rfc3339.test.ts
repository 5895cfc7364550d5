import { describe, expect, it } from 'vitest';
import { parseRfc3339 } from '../../src/go/rfc3339.ts';

/** Go's time.Parse(time.RFC3339, …): each error as kubectl 1.33 prints it for `logs --since-time`. */
describe('parseRfc3339', () => {
  it.each([
    ['2020-01-01T00:00:00Z', '2020-01-01T00:00:00.000Z'],
    ['2020-01-01T00:00:00.5+01:00', '2019-12-31T23:00:00.500Z'],
    ['2020-01-01T00:00:00,5Z', '2020-01-01T00:00:00.500Z'],
    ['2020-01-01T1:00:00Z', '2020-01-01T01:00:00.000Z'],
    ['2020-01-01T00:00:00.123456789123Z', '2020-01-01T00:00:00.123Z'],
    ['2020-02-29T00:00:00-00:30', '2020-02-29T00:30:00.000Z'],
    ['0099-01-01T00:00:00Z', '0099-01-01T00:00:00.000Z'],
  ])('GIVEN %s THEN it is %s', (text, iso) => {
    const parsed = parseRfc3339(text);
    expect(parsed.ok && new Date(parsed.value).toISOString()).toBe(iso);
  });

  const as = (value: string, rest: string, element: string) =>
    `parsing time "${value}" as "2006-01-02T15:04:05Z07:00": cannot parse "${rest}" as "${element}"`;
  it.each([
    ['bad', as('bad', 'bad', '2006')],
    ['-020-01-01T00:00:00Z', as('-020-01-01T00:00:00Z', '-020-01-01T00:00:00Z', '2006')],
    ['20200-01-01T00:00:00Z', as('20200-01-01T00:00:00Z', '0-01-01T00:00:00Z', '-')],
    ['2020-1-01T00:00:00Z', as('2020-1-01T00:00:00Z', '1-01T00:00:00Z', '01')],
    ['2020-01-1T00:00:00Z', as('2020-01-1T00:00:00Z', '1T00:00:00Z', '02')],
    ['2020-01-01t00:00:00Z', as('2020-01-01t00:00:00Z', 't00:00:00Z', 'T')],
    ['2020-01-01T00:0:00Z', as('2020-01-01T00:0:00Z', '0:00Z', '04')],
    ['2020-01-01T00:00:0Z', as('2020-01-01T00:00:0Z', '0Z', '05')],
    ['2020-01-01T00:00:00', as('2020-01-01T00:00:00', '', 'Z07:00')],
    ['2020-01-01T00:00:00+0100', as('2020-01-01T00:00:00+0100', '+0100', 'Z07:00')],
    ['2020-01-01T00:00:00.Z', as('2020-01-01T00:00:00.Z', '.Z', 'Z07:00')],
    ['é', as('\\xc3\\xa9', '\\xc3\\xa9', '2006')],
    ['2020-13-01T00:00:00Z', 'parsing time "2020-13-01T00:00:00Z": month out of range'],
    ['2020-02-30T00:00:00Z', 'parsing time "2020-02-30T00:00:00Z": day out of range'],
    ['2020-01-01T24:00:00Z', 'parsing time "2020-01-01T24:00:00Z": hour out of range'],
    ['2020-01-01T00:00:60Z', 'parsing time "2020-01-01T00:00:60Z": second out of range'],
    [
      '2020-01-01T00:00:00+25:00',
      'parsing time "2020-01-01T00:00:00+25:00": time zone offset hour out of range',
    ],
    ['2020-01-01T00:00:00Zx', 'parsing time "2020-01-01T00:00:00Zx": extra text: "x"'],
  ])('GIVEN %s THEN Go’s error', (text, error) => {
    expect(parseRfc3339(text)).toEqual({ ok: false, error });
  });
});
