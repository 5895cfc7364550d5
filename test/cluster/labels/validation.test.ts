import { describe, expect, it } from 'vitest';
import {
  annotationKeyErrors,
  dns1123LabelErrors,
  dns1123SubdomainErrors,
  labelValueErrors,
  qualifiedNameErrors,
  regexError,
} from '../../../src/cluster/labels/validation.ts';

// Exact v1.34 texts (kubectl.md §2.1, selectors.md §4); note the two spaces before each `or`.
const NP =
  "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
const QN =
  "a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')";
const SUBDOMAIN =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
const PS = `prefix part ${SUBDOMAIN}`;
const LV =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";
const LABEL =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
const TOO_LONG_63 = 'must be no more than 63 characters';
const TOO_LONG_253 = 'must be no more than 253 characters';

const a = (n: number): string => 'a'.repeat(n);
const b = (n: number): string => 'b'.repeat(n);

type Case = readonly [input: string, expected: readonly string[]];

/** Long inputs are shown by length so test names stay readable. */
const show = (text: string): string =>
  text.length > 40 ? `'${text.slice(0, 12)}…' (${text.length} chars)` : `'${text}'`;

function table(name: string, check: (input: string) => string[], cases: readonly Case[]): void {
  describe(name, () => {
    for (const [input, expected] of cases) {
      const outcome = expected.length === 0 ? 'it is valid' : `it fails with ${expected.length} message(s)`;
      it(`GIVEN ${show(input)} THEN ${outcome}`, () => {
        expect(check(input)).toEqual(expected);
      });
    }
  });
}

table('qualifiedNameErrors (label keys)', qualifiedNameErrors, [
  ['app', []],
  ['creation_method', []],
  ['app.kubernetes.io/name', []],
  ['example.com/My_Name.1', []],
  [a(63), []],
  [`${b(253)}/x`, []],
  ['', ['name part must be non-empty', NP]],
  [a(64), [`name part ${TOO_LONG_63}`]],
  ['-'.repeat(64), [`name part ${TOO_LONG_63}`, NP]],
  ['bad key!', [NP]],
  ['-app', [NP]],
  ['app-', [NP]],
  ['_app', [NP]],
  ['app:monolith', [NP]],
  ['é', [NP]],
  ['é'.repeat(32), [`name part ${TOO_LONG_63}`, NP]], // 32 characters but 64 UTF-8 bytes
  ['a/b/c', [QN]],
  ['//', [QN]],
  ['/x', ['prefix part must be non-empty']],
  ['x/', ['name part must be non-empty', NP]],
  ['/', ['prefix part must be non-empty', 'name part must be non-empty', NP]],
  ['Example.com/name', [PS]],
  ['exa_mple.com/x', [PS]],
  [`${b(254)}/x`, [`prefix part ${TOO_LONG_253}`]],
  [`${'B'.repeat(254)}/x`, [`prefix part ${TOO_LONG_253}`, PS]],
  [`x/${a(64)}`, [`name part ${TOO_LONG_63}`]],
  ['Bad/-x', [PS, NP]],
]);

table('labelValueErrors', labelValueErrors, [
  ['', []],
  ['prod', []],
  ['v1.2.3-rc_1', []],
  ['12345', []],
  [a(63), []],
  [a(64), [TOO_LONG_63]],
  ['-'.repeat(64), [TOO_LONG_63, LV]],
  ['a b', [LV]],
  ['-1', [LV]],
  ['a||y', [LV]],
  ['value.', [LV]],
  ['é', [LV]],
]);

table('dns1123SubdomainErrors (pod and node names)', dns1123SubdomainErrors, [
  ['kubia', []],
  ['kubia-manual', []],
  ['my.pod.name', []],
  ['0abc', []],
  [a(253), []],
  [a(254), [TOO_LONG_253]],
  ['A'.repeat(254), [TOO_LONG_253, SUBDOMAIN]],
  ['Kubia_1', [SUBDOMAIN]],
  ['', [SUBDOMAIN]],
  ['-kubia', [SUBDOMAIN]],
  ['kubia.', [SUBDOMAIN]],
  ['a..b', [SUBDOMAIN]],
]);

table('dns1123LabelErrors (namespace and container names)', dns1123LabelErrors, [
  ['default', []],
  ['custom-ns', []],
  [a(63), []],
  [a(64), [TOO_LONG_63]],
  ['Custom_NS', [LABEL]],
  ['', [LABEL]],
  ['-ns', [LABEL]],
  ['my.ns', ['must not contain dots']],
  [`a.${a(63)}`, [TOO_LONG_63, 'must not contain dots']], // the dots check ignores length
  ['my.NS', [LABEL]], // not a valid subdomain either, so the full message
  ['my..ns', [LABEL]],
]);

table('annotationKeyErrors (lower-cased before the label-key check)', annotationKeyErrors, [
  ['Example.com/MyKey', []],
  ['kubernetes.io/created-by', []],
  ['a/b/c', [QN]],
  ['bad key', [NP]],
]);

describe('regexError', () => {
  it('GIVEN several examples THEN each is followed by a comma and joined with " or " (two spaces)', () => {
    expect(regexError('msg', 're', 'A', 'B')).toBe(
      "msg (e.g. 'A',  or 'B', regex used for validation is 're')",
    );
  });
  it('GIVEN no examples THEN only the regex is shown', () => {
    expect(regexError('msg', 're')).toBe("msg (regex used for validation is 're')");
  });
});

describe('byte length as Go counts it', () => {
  it('GIVEN every UTF-16 unit alone and between letters, and surrogates in any order THEN the count is the UTF-8 encoding length', async () => {
    const { byteLength } = await import('../../../src/cluster/labels/validation.ts');
    const utf8 = new TextEncoder();
    let differences = 0;
    for (let unit = 0; unit < 0x10000; unit++) {
      const text = `a${String.fromCharCode(unit)}b`;
      if (byteLength(text) !== utf8.encode(text).length) differences++;
    }
    for (let hi = 0xd800; hi < 0xe000; hi += 7)
      for (let lo = 0xd800; lo < 0xe000; lo += 13) {
        const text = String.fromCharCode(hi, lo);
        if (byteLength(text) !== utf8.encode(text).length) differences++;
      }
    expect(differences).toBe(0);
    expect(byteLength('😀한')).toBe(7);
  });
});
