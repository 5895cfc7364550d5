import { describe, expect, it } from 'vitest';
import { matchesFields, parseFieldSelector, parseFieldTerms } from '../../src/cluster/field-selector.ts';

/**
 * The one field-selector grammar (apimachinery fields.ParseSelector) that chat's
 * `--field-selector` and the API door's `fieldSelector` both use, then each kind's field label
 * conversion.
 */
describe('field selectors', () => {
  it.each([
    ['status.phase=Running', [{ field: 'status.phase', negated: false, value: 'Running' }]],
    ['status.phase==Running', [{ field: 'status.phase', negated: false, value: 'Running' }]],
    [
      'spec.nodeName!=node01,metadata.name=a',
      [
        { field: 'metadata.name', negated: false, value: 'a' },
        { field: 'spec.nodeName', negated: true, value: 'node01' },
      ],
    ],
    ['metadata.name=a\\,b', [{ field: 'metadata.name', negated: false, value: 'a,b' }]],
    ['metadata.name=a\\=b\\\\', [{ field: 'metadata.name', negated: false, value: 'a=b\\' }]],
    [
      'a=1,,b=2,',
      [
        { field: 'a', negated: false, value: '1' },
        { field: 'b', negated: false, value: '2' },
      ],
    ],
    ['=Running', [{ field: '', negated: false, value: 'Running' }]],
    ['', []],
  ])('GIVEN %j THEN it parses into its terms, sorted as the server sorts them', (text, terms) => {
    expect(parseFieldTerms(text)).toEqual({ ok: true, value: terms });
  });

  it.each([
    ['status.phase', "invalid selector: 'status.phase'; can't understand 'status.phase'"],
    ['a', "invalid selector: 'a'; can't understand 'a'"],
    ['b=1,a', "invalid selector: 'b=1,a'; can't understand 'a'"],
    ['metadata.name=a\\b', 'invalid field selector: invalid escape sequence: \\b'],
    ['metadata.name=a\\', 'invalid field selector: invalid escape sequence: \\'],
    ['metadata.name=a=b', 'invalid field selector: unescaped character in value: 61'],
  ])('GIVEN %j THEN it is the server’s message: %s', (text, message) => {
    expect(parseFieldTerms(text)).toEqual({ ok: false, error: message });
  });

  it('GIVEN fields a kind does not index THEN the first in sorted order is named', () => {
    expect(parseFieldSelector('spec.containers=x,metadata.name=a', 'Pod')).toEqual({
      ok: false,
      error: 'field label not supported: spec.containers',
    });
    expect(parseFieldSelector('=Running', 'Pod')).toEqual({
      ok: false,
      error: 'field label not supported: ',
    });
    expect(parseFieldSelector('spec.type=ClusterIP', 'Lease')).toEqual({
      ok: false,
      error: 'field label not supported: spec.type',
    });
    expect(parseFieldSelector('involvedObject.uid=x,reportingComponent=kubelet', 'Event').ok).toBe(true);
  });

  it('GIVEN terms THEN all must hold, != negating', () => {
    const values: Record<string, string> = { 'status.phase': 'Running', 'spec.nodeName': 'node02' };
    const read = (f: string) => values[f] ?? '';
    const terms = (t: string) => (parseFieldTerms(t) as { ok: true; value: never[] }).value;
    expect(matchesFields(terms('status.phase=Running,spec.nodeName!=node01'), read)).toBe(true);
    expect(matchesFields(terms('status.phase=Running,spec.nodeName!=node02'), read)).toBe(false);
  });
});
